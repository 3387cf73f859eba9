import { describe, expect, it } from 'vitest';
import { findTimestampsInText } from '../../../src/core/text/timestamps.ts';

/** The clock texts found, with their seconds. */
function found(text: string, duration: number | null = null): Array<[string, number]> {
  return findTimestampsInText(text, duration).map((t) => [
    text.slice(t.index, t.index + t.length),
    t.seconds,
  ]);
}

describe('findTimestampsInText', () => {
  it('finds h:mm:ss, mm:ss and m:ss clocks, with their offsets', () => {
    const text = 'Intro at 0:05, kelp at 12:34, and otters at 1:02:03.';
    expect(findTimestampsInText(text, null)).toEqual([
      { index: 9, length: 4, seconds: 5 },
      { index: 23, length: 5, seconds: 754 },
      { index: 44, length: 7, seconds: 3723 },
    ]);
  });

  it('finds clocks inside brackets, covering only the digits', () => {
    expect(found('(05:17) Kelp and [1:02:03] Otters')).toEqual([
      ['05:17', 317],
      ['1:02:03', 3723],
    ]);
  });

  it('skips aspect ratios like 16:9 (seconds need two digits)', () => {
    expect(found('Shot on a 16:9 screen, cropped to 4:3.')).toEqual([]);
  });

  it('skips times of day: 9:30pm, 9:30 pm, 10:00 a.m., 20:15 Uhr', () => {
    expect(
      found('Doors 9:30pm, show 9:30 pm, brunch 10:00 a.m., Einlass 20:15 Uhr, 7:45AM'),
    ).toEqual([]);
  });

  it('skips clocks glued to longer number runs, words or URLs', () => {
    expect(
      found(
        'Build 1:02:03:04, id 12:345, v2:30, 2024-05-01T10:00:00Z, see x.com/t=12:30 and 3.10:20',
      ),
    ).toEqual([]);
  });

  it('skips times past the duration, keeps times up to it', () => {
    expect(found('At 10:00 and 59:59 and 1:00:00 and 1:00:01', 3600)).toEqual([
      ['10:00', 600],
      ['59:59', 3599],
      ['1:00:00', 3600],
    ]);
  });

  it('keeps both ends of a range and reads minutes past an hour (75:30)', () => {
    expect(found('00:00-05:17 intro; 75:30 late')).toEqual([
      ['00:00', 0],
      ['05:17', 317],
      ['75:30', 4530],
    ]);
  });

  it('skips invalid clocks (12:60, 1:75:00)', () => {
    expect(found('12:60 and 1:75:00')).toEqual([]);
  });
});
