import { describe, expect, it } from 'vitest';
import {
  displayStep,
  plainSeconds,
  nextDisplayStep,
  formatClock,
  formatPosition,
  formatSpoken,
  formatVttTime,
  parseClock,
  parseDeepLinkTime,
} from '../../src/core/time.ts';

// One clock reader for Podlove NPT starts, itunes:duration, deep links and <time> text (#11).
describe('parseClock', () => {
  it.each([
    // Podlove Simple Chapters (NPT)
    ['01:35:52', 5752],
    ['7:48', 468],
    ['35:12.250', 2112.25],
    ['37', 37],
    ['37.', 37],
    ['1:02:03.5', 3723.5],
    ['00:00:00.000', 0],
    ['npt:00:01:00', 60],
    ['NPT: 7:48', 468],
    // itunes:duration
    ['4042', 4042],
    ['3723.5', 3723.5],
    ['54:26', 3266],
    ['1:02:03', 3723],
    // minutes pass 59 when there are no hours: NPT and iTunes have no h:mm form
    ['75:30', 4530],
    [' 90:00 ', 5400],
    ['60:00', 3600],
    // deep-link t values and the rest
    ['1803', 1803],
    ['1803.5', 1803.5],
    ['0', 0],
    ['07:48', 468],
    ['00:00', 0],
    ['1:35:52', 5752],
    ['0:00:15.410', 15.41],
    ['100:00:00', 360000],
    ['  12:03  ', 723],
  ])('reads %j as %d', (input, expected) => {
    expect(parseClock(input)).toBeCloseTo(expected, 9);
  });

  it.each([
    '',
    '   ',
    'abc',
    'soon',
    'npt:',
    '-5',
    '-1:00',
    '+5',
    '1:60',
    '7:60',
    '1:00:60',
    '1:60:00',
    // fields after the first are two digits: `7:4` could mean 7:04 or 7:40, so it is no time
    '7:4',
    '1:2',
    '1:2:03',
    '1:02:3',
    '1:02:03:04',
    '12:',
    ':12',
    ':30',
    '1::2',
    '1.5:00',
    '12:3a',
    '1..5',
    '1.5.5',
    '10 s',
    '1e3',
    '0x10',
    '12:34pm',
    'NaN',
    'Infinity',
    '35:12,250', // a comma fraction only when asked for
    '3,600',
  ])('rejects %j', (input) => {
    expect(parseClock(input)).toBeNull();
  });

  it('accepts a trailing dot after a clock (NPT allows `37.`)', () => {
    expect(parseClock('1:02:03.')).toBe(3723);
  });

  it('reads a comma fraction when asked to (SRT-style times)', () => {
    expect(parseClock('35:12,250', { commaFraction: true })).toBeCloseTo(2112.25, 9);
    expect(parseClock('7:4', { commaFraction: true })).toBeNull();
  });
});

describe('parseDeepLinkTime', () => {
  it.each([
    ['1803', 1803],
    ['1803.5', 1803.5],
    ['30:03', 1803],
    ['0:30:03', 1803],
    ['1:02:03', 3723],
    ['npt:1803', 1803],
    ['npt:0:30:03', 1803],
    ['t=1803', 1803],
    ['#t=1803', 1803],
    ['#t=10,20', 10],
    ['10,20', 10],
    ['t=npt:10.5,20', 10.5],
    ['#t=,20', 0],
    ['90s', 90],
    ['#foo=1&t=42', 42],
    ['1%3A00', 60],
  ])('reads %j as %d', (input, expected) => {
    expect(parseDeepLinkTime(input)).toBeCloseTo(expected, 9);
  });

  it.each(['', 'abc', '-3', '1:60', '#t=', '#t=abc,20', '#t=,abc', '%E0%A4%A', '#foo=1'])(
    'rejects %j',
    (input) => {
      expect(parseDeepLinkTime(input)).toBeNull();
    },
  );
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [5.99, '0:05'],
    [59.999, '0:59'],
    [60, '1:00'],
    [723, '12:03'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [36000, '10:00:00'],
    [-4, '0:00'],
    [Number.NaN, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
  ])('formats %d as %s', (seconds, expected) => {
    expect(formatClock(seconds)).toBe(expected);
  });

  it('forces hours so a list lines up', () => {
    expect(formatClock(317, { forceHours: true })).toBe('0:05:17');
    expect(formatClock(317, { forceHours: false })).toBe('5:17');
    expect(formatClock(3723, { forceHours: true })).toBe('1:02:03');
  });
});

describe('formatSpoken', () => {
  it.each([
    [0, '0 seconds'],
    [0.7, '0 seconds'],
    [1, '1 second'],
    [2, '2 seconds'],
    [60, '1 minute'],
    [61, '1 minute 1 second'],
    [62, '1 minute 2 seconds'],
    [1803, '30 minutes 3 seconds'],
    [3600, '1 hour'],
    [3601, '1 hour 1 second'],
    [4020, '1 hour 7 minutes'],
    [7322, '2 hours 2 minutes 2 seconds'],
    [-10, '0 seconds'],
  ])('says %d as %j', (seconds, expected) => {
    expect(formatSpoken(seconds)).toBe(expected);
  });
});

describe('formatPosition', () => {
  it('says position of duration', () => {
    expect(formatPosition(1803, 4020)).toBe('30 minutes 3 seconds of 1 hour 7 minutes');
    expect(formatPosition(0, 61)).toBe('0 seconds of 1 minute 1 second');
    // An estimated duration (the seek bar's scale before the audio says its length) says so.
    expect(formatPosition(1803, 4020, true)).toBe('30 minutes 3 seconds of about 1 hour 7 minutes');
  });

  it('says only the position when the duration is unknown', () => {
    expect(formatPosition(61, null)).toBe('1 minute 1 second');
    expect(formatPosition(61, Number.NaN)).toBe('1 minute 1 second');
    expect(formatPosition(61, 0)).toBe('1 minute 1 second');
  });
});

describe('formatVttTime', () => {
  it.each([
    [0, '00:00:00.000'],
    [1.5, '00:00:01.500'],
    [15.41, '00:00:15.410'],
    [3723.004, '01:02:03.004'],
    [59.9996, '00:01:00.000'],
    [360000, '100:00:00.000'],
    [-1, '00:00:00.000'],
  ])('formats %d as %s', (seconds, expected) => {
    expect(formatVttTime(seconds)).toBe(expected);
  });

  it('round-trips through parseClock', () => {
    for (const s of [0, 0.001, 15.41, 3723.004, 10799.999]) {
      expect(parseClock(formatVttTime(s))).toBeCloseTo(s, 6);
    }
  });
});

describe('displayStep', () => {
  it('is about a pixel of a wide bar, at most a second, and always divides a second', () => {
    expect(displayStep(null)).toBe(0.25);
    expect(displayStep(197)).toBe(0.25);
    expect(displayStep(600)).toBe(0.5);
    expect(displayStep(1800)).toBe(1);
    expect(displayStep(3 * 3600)).toBe(1);
    for (const d of [0, 1, 350, 351, 700, 701, 1e7]) expect(1 % displayStep(d)).toBe(0);
  });
  it('the next step is the next whole step after the shown position', () => {
    expect(nextDisplayStep(100.4, 3 * 3600)).toBe(101);
    expect(nextDisplayStep(101, 3 * 3600)).toBe(102);
    expect(nextDisplayStep(10.3, 120)).toBe(10.5);
  });
});

describe('plainSeconds', () => {
  it('data-start is a plain decimal, at most milliseconds', () => {
    expect(plainSeconds(0)).toBe('0');
    expect(plainSeconds(1e-7)).toBe('0');
    expect(plainSeconds(5400.123456)).toBe('5400.123');
    expect(plainSeconds(12.5)).toBe('12.5');
  });
});
