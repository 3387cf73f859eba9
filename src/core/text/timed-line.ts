// One line of a chapter list or text transcript that carries a time: where the time is, what
// comes before it (a speaker's name, or nothing) and after it; and how a whole list of such
// times is read (`X:YY` as minutes:seconds or hours:minutes, decided per list).
import { clockSeconds, readClock, type ClockToken } from './timestamps.ts';
import {
  looksLikeLongLabel,
  looksLikeName,
  splitLabel,
  splitLongLabel,
  type Label,
} from './speaker-label.ts';

export interface TimedLine {
  clock: ClockToken;
  /** A name written before the time (`Ada Park (00:06): …`), '' when the line starts with it. */
  prefix: string;
  /** The text after the time and its closing bracket; leading spaces and one `:` removed. */
  rest: string;
}

const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** Bullets and list marks a line may start with: `*`, `-`, `•`, `–`, `▶`, `#`, `1.`… */
const BULLET =
  /^\s*(?:[*•·▪◦►▶▸→+>#-]{1,3}|[–—](?=\s*[([]?\d)|\d{1,3}[.)](?=\s+[([]?\d{1,3}:))?\s*/;

/** Reads the time after an optional opening bracket at `i`; sets the end index, or null. */
function clockAt(line: string, i: number): { clock: ClockToken; end: number } | null {
  let j = i;
  const open = line.charAt(j);
  const close = CLOSE[open];
  if (close !== undefined) j++;
  while (line.charAt(j) === ' ') j++;
  const clock = readClock(line, j);
  if (clock === null) return null;
  j = clock.index + clock.length;
  while (line.charAt(j) === ' ') j++;
  if (close !== undefined) {
    // A missing closing bracket is forgiven; a different one is not.
    if (line.charAt(j) === close) j++;
    else if (/[)\]}>]/.test(line.charAt(j))) return null;
  }
  return { clock, end: j };
}

function restAfter(line: string, end: number): string {
  return line
    .slice(end)
    .replace(/^\s*:?\s*/, '')
    .trim();
}

/**
 * Reads a line that starts with a time (`00:05:17 Title`, `* (05:17) Title`, `[1:02:03] Ada:`)
 * or carries one right after a speaker's name (`Ada Park (00:06): …`, `Ada Park: [00:00:06] …`,
 * `Ada Park 0:06`). Null when the line has no time in either place.
 */
export function parseTimedLine(line: string): TimedLine | null {
  const lead = BULLET.exec(line);
  const at = lead === null ? 0 : lead[0].length;
  const first = clockAt(line, at);
  if (first !== null) return { clock: first.clock, prefix: '', rest: restAfter(line, first.end) };
  // `Name (00:06): text`: look for the time within the first few words only (a speaker's
  // title can run to a dozen words, #14).
  const limit = Math.min(line.length, 120);
  for (let i = 1; i < limit; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 40 || c === 91)) continue; // a digit, `(` or `[`
    const before = line.charCodeAt(i - 1);
    if (before !== 32 && before !== 58 && before !== 9 && before !== 0xa0) continue; // space or `:`
    const found = clockAt(line, i);
    if (found === null) continue;
    const name = line
      .slice(0, i)
      .trim()
      .replace(/\s*[:\-–—|]$/, '')
      .trim();
    if (!looksLikeName(name) && !looksLikeLongLabel(name)) return null;
    return { clock: found.clock, prefix: name, rest: restAfter(line, found.end) };
  }
  return null;
}

/** The speaker label a timed line carries: before the time, or right after it (`00:06 - Ada:`). */
export function timedLabel(t: TimedLine): Label | null {
  if (t.prefix !== '') return { name: t.prefix, rest: t.rest, form: 'colon' };
  const rest = /^[-–—|]\s/.test(t.rest) ? t.rest.slice(2) : t.rest;
  return splitLabel(t.rest) ?? splitLabel(rest) ?? splitLongLabel(rest);
}

function ascendingWithin(values: readonly number[], duration: number | null): boolean {
  let prev = -Infinity;
  for (const v of values) {
    if (v < prev || (duration !== null && v > duration)) return false;
    prev = v;
  }
  return true;
}

/** How `resolveClockTimes` read the list's two-part times. */
export type ClockReading = 'minutes-seconds' | 'hours-minutes';

/**
 * Seconds for each clock of one list. Two-part times read as `MM:SS` unless that fails where
 * `H:MM` works, or (with a duration) `MM:SS` would put the whole list in the first quarter of
 * the episode while `H:MM` spreads it within (`0:00 … 2:45` in a 3-hour show). A two-part time
 * that breaks the order as `MM:SS` but fits as `H:MM` (`45:10` then `1:05`, one-digit hours
 * only) reads as `H:MM`.
 */
export function resolveClockTimes(
  clocks: readonly ClockToken[],
  duration: number | null,
): { seconds: number[]; reading: ClockReading } {
  const d = duration !== null && Number.isFinite(duration) && duration > 0 ? duration : null;
  const mmss = clocks.map((c) => clockSeconds(c, false));
  const hmm = clocks.map((c) => clockSeconds(c, true));
  const twoPart = clocks.some((c) => c.c === null);
  const mmssOk = ascendingWithin(mmss, d);
  const hmmOk = twoPart && ascendingWithin(hmm, d);
  if (hmmOk && (!mmssOk || (d !== null && (mmss[mmss.length - 1] ?? 0) < d / 4))) {
    return { seconds: hmm, reading: 'hours-minutes' };
  }
  if (mmssOk || !twoPart) return { seconds: mmss, reading: 'minutes-seconds' };
  const seconds: number[] = [];
  let prev = -Infinity;
  for (let k = 0; k < clocks.length; k++) {
    let v = mmss[k] ?? 0;
    const h = hmm[k] ?? 0;
    const c = clocks[k];
    // Only `1:05`, never `05:00`: a zero-padded first part means minutes.
    if (v < prev && c?.c === null && c.aDigits === 1 && h >= prev && (d === null || h <= d)) v = h;
    seconds.push(v);
    prev = Math.max(prev, v);
  }
  return { seconds, reading: 'minutes-seconds' };
}

/**
 * Indices of a longest non-decreasing subsequence of `values` (O(n log n)): the entries to keep
 * when a list has a few out-of-order outliers.
 */
export function longestAscending(values: readonly number[]): number[] {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let k = 0; k < values.length; k++) {
    const v = values[k] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) <= v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1] ?? -1;
    tails[lo] = k;
  }
  const keep: number[] = [];
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = prev[k] ?? -1) keep.push(k);
  return keep.reverse();
}
