import { describe, expect, it } from 'vitest';
import {
  looksLikeLongLabel,
  looksLikeName,
  splitLongLabel,
} from '../../../src/core/text/speaker-label.ts';

describe('speaker labels written as titles (#14)', () => {
  it('takes a title-case label of 5–12 words, connecting words aside', () => {
    expect(
      looksLikeLongLabel('Professor Emerita of Urban History at the Old Harbour University'),
    ).toBe(true);
    expect(looksLikeLongLabel('Ada Park, Head of Trees for the City')).toBe(true);
    expect(looksLikeName('Professor Emerita of Urban History at the Old Harbour University')).toBe(
      false,
    );
  });

  it('leaves out prose, short names and labels past 12 words', () => {
    expect(looksLikeLongLabel('So here is what I think about it')).toBe(false);
    expect(looksLikeLongLabel('Ada Park')).toBe(false);
    expect(
      looksLikeLongLabel('One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen'),
    ).toBe(false);
  });

  it('splits a long label from its text only at a colon followed by a space', () => {
    expect(splitLongLabel('Head Gardener of the Northern Parks: We plant in March.')).toEqual({
      name: 'Head Gardener of the Northern Parks',
      rest: 'We plant in March.',
      form: 'colon',
    });
    expect(splitLongLabel('Head Gardener of the Northern Parks at 10:30 today')).toBeNull();
  });
});
