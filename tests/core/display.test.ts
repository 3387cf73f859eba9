// Dates and lengths in lists and headers (#11: written with Intl, not date-fns, to keep the first
// load small). Dates are built in local time, as the listener sees them.
import { describe, expect, it } from 'vitest';
import { formatEpisodeDate, formatEpisodeNumber, formatLength } from '../../src/core/display.ts';

const at = (y: number, mo: number, d: number, h = 12, mi = 0) =>
  new Date(y, mo - 1, d, h, mi).getTime();

describe('formatEpisodeDate', () => {
  const now = at(2026, 2, 10, 9, 30);

  it('says Today for the same calendar day', () => {
    expect(formatEpisodeDate(at(2026, 2, 10, 0, 5), now)).toBe('Today');
    expect(formatEpisodeDate(now, now)).toBe('Today');
  });

  it('counts calendar days within a week', () => {
    expect(formatEpisodeDate(at(2026, 2, 9, 12), now)).toBe('1 day ago');
    expect(formatEpisodeDate(at(2026, 2, 7, 8), now)).toBe('3 days ago');
    expect(formatEpisodeDate(at(2026, 2, 4, 23, 59), now)).toBe('6 days ago');
  });

  it('calls late last night yesterday, not "0 days ago"', () => {
    expect(formatEpisodeDate(at(2026, 2, 9, 23, 0), now)).toBe('1 day ago');
  });

  it('gives the date from a week on, and for future dates', () => {
    expect(formatEpisodeDate(at(2026, 2, 3, 12), now)).toBe('Feb 3, 2026');
    expect(formatEpisodeDate(at(2025, 9, 21, 12), now)).toBe('Sep 21, 2025');
    expect(formatEpisodeDate(at(2026, 2, 12, 12), now)).toBe('Feb 12, 2026');
  });

  it('says nothing for an unknown date', () => {
    expect(formatEpisodeDate(null, now)).toBe('');
    expect(formatEpisodeDate(Number.NaN, now)).toBe('');
  });
});

describe('formatLength', () => {
  it.each([
    [45, '45 sec'],
    [59.4, '59 sec'],
    [60, '1 min'],
    [2520, '42 min'],
    [3600, '1 hr'],
    [4020, '1 hr 7 min'],
  ])('%d s reads %j', (seconds, expected) => {
    expect(formatLength(seconds)).toBe(expected);
  });

  it('says nothing for an unknown length', () => {
    expect(formatLength(null)).toBe('');
    expect(formatLength(-1)).toBe('');
    expect(formatLength(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('formatEpisodeNumber (#15)', () => {
  it('says the number, with the season when there is one', () => {
    expect(formatEpisodeNumber({ episodeNumber: 3 })).toBe('Episode 3');
    expect(formatEpisodeNumber({ episodeNumber: 3, season: 2 })).toBe('S2 E3');
    expect(formatEpisodeNumber({ season: 2 })).toBe('');
  });
});
