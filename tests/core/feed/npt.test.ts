import { describe, expect, it } from 'vitest';
import { parseDuration, parseNpt } from '../../../src/core/npt.ts';

describe('parseNpt (Podlove chapter starts)', () => {
  it.each([
    ['01:35:52', 5752],
    ['7:48', 468],
    ['35:12.250', 2112.25],
    ['37', 37],
    ['1:02:03.5', 3723.5],
    ['00:00:00.000', 0],
    ['npt:00:01:00', 60],
    [' 90:00 ', 5400], // minutes may pass 59 when there are no hours
  ])('%j → %d', (input, expected) => {
    expect(parseNpt(input)).toBe(expected);
  });

  it.each([
    '',
    'soon',
    '1:2:3:4',
    '1:60:00',
    '1:00:60',
    '7:60',
    '-5',
    '1.5:00',
    '12:3a',
    ':30',
    '1::2',
    '1e3',
  ])('%j → null', (input) => {
    expect(parseNpt(input)).toBeNull();
  });
});

describe('parseDuration (itunes:duration)', () => {
  it.each([
    ['4042', 4042],
    ['3723.5', 3723.5],
    ['54:26', 3266],
    ['1:02:03', 3723],
    ['01:41:07.312', 6067.312],
    ['  54:26\n', 3266],
  ])('%j → %d', (input, expected) => {
    expect(parseDuration(input)).toBe(expected);
  });

  it.each([
    'about an hour',
    '-5',
    '0',
    '00:00',
    '1:75:00',
    '99:99:99',
    'PT1H',
    '3,600',
    '',
    '999999999',
  ])('%j → null (unknown until the audio says)', (input) => {
    expect(parseDuration(input)).toBeNull();
  });

  it('accepts a missing value', () => {
    expect(parseDuration(null)).toBeNull();
    expect(parseDuration(undefined)).toBeNull();
  });
});
