import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../src/core/feed/date.ts';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi, s);
const T = utc(2026, 2, 4, 9, 30);

describe('parseFeedDate: RFC 822 dialects', () => {
  it.each([
    ['Tue, 04 Feb 2026 09:30:00 +0000', T],
    ['Tue, 04 Feb 2026 09:30:00 GMT', T],
    ['Tue, 04 Feb 2026 09:30:00 UT', T],
    ['Tue, 04 Feb 2026 09:30:00 UTC', T],
    ['Tue, 04 Feb 2026 09:30:00 Z', T],
    ['Tue, 04 Feb 2026 04:30:00 EST', T],
    ['Tue, 04 Feb 2026 05:30:00 EDT', T],
    ['Tue, 04 Feb 2026 03:30:00 CST', T],
    ['Tue, 04 Feb 2026 04:30:00 CDT', T],
    ['Tue, 04 Feb 2026 02:30:00 MST', T],
    ['Tue, 04 Feb 2026 03:30:00 MDT', T],
    ['Tue, 04 Feb 2026 01:30:00 PST', T],
    ['Tue, 04 Feb 2026 02:30:00 PDT', T],
    ['Tue, 04 Feb 2026 10:30:00 CET', T],
    ['Tue, 04 Feb 2026 11:30:00 CEST', T],
    ['Tue, 04 Feb 2026 10:30:00 BST', T],
    ['Tue, 04 Feb 2026 10:30:00 A', T], // military: Alpha = +1
    ['Tue, 04 Feb 2026 04:30:00 R', T], // military: Romeo = -5
    ['Tue, 04 Feb 2026 09:30 +0000', T], // no seconds
    ['04 Feb 2026 09:30:00 +0000', T], // no weekday
    ['Fri, 04 Feb 2026 09:30:00 +0000', T], // wrong weekday: ignored
    ['Tuesday, 04 Feb 2026 09:30:00 +0000', T],
    ['Mar, 04 Feb 2026 09:30:00 +0000', T], // a weekday in another language (es: martes)
    ['Di., 04 Feb 2026 09:30:00 +0000', T], // (de: Dienstag)
    ['mardi, 04 Feb 2026 09:30:00 +0000', T],
    ['Tue 04 Feb 2026 09:30:00 +0000', T], // no comma
    ['Tue, 4 Feb 2026 09:30:00 +0000', T], // single-digit day
    ['Tue, 04 February 2026 09:30:00 +0000', T],
    ['tue, 04 feb 2026 09:30:00 gmt', T],
    ['Tue, 04 Feb. 2026 09:30:00 +0000', T],
    ['Tue, 04 Feb 26 09:30:00 +0000', T], // two-digit year
    ['Tue, 04 Feb 2026 15:00:00 +0530', T],
    ['Tue, 04 Feb 2026 15:00:00 +05:30', T],
    ['Tue, 04 Feb 2026 05:30:00 -0400', T],
    ['Tue, 04 Feb 2026 10:30:00 GMT+0100', T],
    ['Tue, 04 Feb 2026 09:30:00 +0000 (UTC)', T],
    ['Tue Feb 04 2026 10:30:00 GMT+0100 (Central European Standard Time)', T], // JS toString
    ['04-Feb-2026 09:30:00 +0000', T],
    ['Tue, 04 Feb 2026 9:30:00 +0000', T],
    ['Tue, 04 Feb 2026 9:30 am GMT', T],
    ['Tue, 04 Feb 2026 09:30:00', T], // no zone: read as UTC
    ['  Tue, 04 Feb 2026 09:30:00 +0000\n', T],
    ['Tue, 04 Feb 2026', utc(2026, 2, 4)],
    ['Thu, 25 Sept 2025 18:00:00 +0000', utc(2025, 9, 25, 18)],
    ['Sun, 01 June 2025 18:00:00 +0000', utc(2025, 6, 1, 18)],
    ['Sat, 07 Jun 2025 18:00:00 +0000', utc(2025, 6, 7, 18)],
    ['Wed, 31 Dec 97 23:59:59 +0000', utc(1997, 12, 31, 23, 59, 59)],
    ['Mon, 29 Feb 2028 12:00:00 +0000', utc(2028, 2, 29, 12)],
    ['Sat, 1 Feb 2026 7:05 PST', utc(2026, 2, 1, 15, 5)],
    ['Tue, 04 Feb 2026 09:30:60 +0000', utc(2026, 2, 4, 9, 30, 59)], // leap second clamps
  ])('%s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });
});

describe('parseFeedDate: ISO 8601', () => {
  it.each([
    ['2026-02-04T09:30:00Z', T],
    ['2026-02-04T09:30:00.250Z', T + 250],
    ['2026-02-04T09:30Z', T],
    ['2026-02-04T11:30:00+02:00', T],
    ['2026-02-04T04:30:00-0500', T],
    ['2026-02-04T18:30:00+09', T],
    ['2026-02-04 09:30:00 +0000', T],
    ['2026-02-04t09:30:00z', T],
    ['2026-02-04T09:30:00', T], // no zone: UTC
    ['2026-02-04', utc(2026, 2, 4)],
  ])('%s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });
});

describe('parseFeedDate: unreadable gives null, never a wrong date', () => {
  it.each([
    [''],
    ['   '],
    ['sometime last week'],
    ['yesterday'],
    ['Tue, 04 Foo 2026 09:30:00 +0000'], // unknown month
    ['Tue, 32 Feb 2026 09:30:00 +0000'],
    ['Tue, 30 Feb 2026 09:30:00 +0000'], // no rollover to March
    ['Tue, 29 Feb 2026 09:30:00 +0000'], // 2026 is not a leap year
    ['Tue, 04 Feb 2026 25:30:00 +0000'],
    ['Tue, 04 Feb 2026 09:61:00 +0000'],
    ['Tue, 04 Feb 2026 09:30:00 +9999'],
    ['Tue, 04 Feb 2026 09:30:00 XYZ'], // unknown zone
    ['Tue, 04 Feb 2026 09:30:00 IST'], // ambiguous zone
    ['Tue, 04 Feb 2026 09:30:00 J'], // J is not a zone letter
    ['Tue, 04 Feb 0026 09:30:00 +0000'],
    ['Tue, 04 Feb 20266 09:30:00 +0000'],
    ['Tue, Feb 2026 09:30:00 +0000'], // no day
    ['Tue, 04 Feb 09:30:00 +0000'], // no year
    ['04 05 Feb 2026'],
    ['Tue, 04 Feb 2026 13:30 pm GMT'],
    ['2026-13-04T09:30:00Z'],
    ['2026-02-30'],
    ['2026-02-04T09:30:00+25:00'],
    ['2026-02'],
    ['1738661400'], // epoch seconds: not a date format feeds promise
    ['Tue, 04 Feb 2026 09:30:00 +0000 and more words'],
    ['constructor'],
    ['toString 04 Feb 2026'],
  ])('%j', (input) => {
    expect(parseFeedDate(input)).toBeNull();
  });

  it('accepts null and undefined', () => {
    expect(parseFeedDate(null)).toBeNull();
    expect(parseFeedDate(undefined)).toBeNull();
  });
});
