import { describe, expect, it } from 'vitest';
import { isRecord, jsonSeconds } from '../../src/core/json-values.ts';

describe('isRecord', () => {
  it('is true for plain objects only', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ t: 1 })).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('x')).toBe(false);
    expect(isRecord(3)).toBe(false);
  });
});

describe('jsonSeconds', () => {
  it.each([
    [12.5, 12.5],
    ['12.5', 12.5],
    [0, 0],
    [' 7 ', 7],
  ])('reads %j', (value, expected) => {
    expect(jsonSeconds(value)).toBe(expected);
  });

  it.each([-1, '-1', '', ' ', 'soon', NaN, Infinity, null, undefined, {}, [3], true])(
    'refuses %j',
    (value) => {
      expect(jsonSeconds(value)).toBeNull();
    },
  );
});
