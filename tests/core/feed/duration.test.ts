import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/core/feed/duration.ts';

describe('parseDuration (itunes:duration)', () => {
  it.each([
    ['4042', 4042],
    ['3723.5', 3723.5],
    ['54:26', 3266],
    ['1:02:03', 3723],
    ['01:41:07.312', 6067.312],
    ['  54:26\n', 3266],
    ['75:30', 4530], // a 75-minute episode written as MM:SS
    ['npt:54:26', 3266],
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
    '54:2',
  ])('%j → null (unknown until the audio says)', (input) => {
    expect(parseDuration(input)).toBeNull();
  });

  it('accepts a missing value', () => {
    expect(parseDuration(null)).toBeNull();
    expect(parseDuration(undefined)).toBeNull();
  });
});
