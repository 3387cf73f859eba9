// Clock-like times written by people (`5:17`, `01:02:03`, `(05:17)`) in show notes and text
// transcripts: one strict reader shared by the chapter and transcript finders and a tokenizer
// the UI uses to turn times in displayed notes into seek controls.

/** A clock read from text: `a:b` (two parts) or `a:b:c` (three parts). */
export interface ClockToken {
  /** Index of the clock's first digit. */
  index: number;
  /** Length of the clock (digits, colons and any `.fff` fraction). */
  length: number;
  a: number;
  b: number;
  /** The third part, or null for a two-part clock (`MM:SS` or `H:MM`, decided by the reader). */
  c: number | null;
  /** Seconds fraction (`.5` in `01:02:03.5`), 0 when none. */
  fraction: number;
  /** Digits the first part was written with (`05:00` → 2, `5:00` → 1). */
  aDigits: number;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}

function digitsEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  return j;
}

/** A time of day, not a position: `9:30pm`, `10:00 a.m.`, `20:15 Uhr`, `10:00h`. */
const TIME_OF_DAY = /^\s?(?:[ap]\.?m\b\.?|uhr\b|h\b|hrs\b|o'clock\b)/i;

/**
 * Reads a clock at `i`: `m:ss`, `mm:ss`, `mmm:ss` (minutes past an hour) or `h:mm:ss`, with an
 * optional `.f` to `.fff` fraction. Seconds are always two digits below 60, so `16:9` is not a
 * time. Null when the clock runs on into more digits, colons, letters or an am/pm marker.
 */
export function readClock(s: string, i: number): ClockToken | null {
  const aEnd = digitsEnd(s, i);
  const aWidth = aEnd - i;
  if (aWidth === 0 || aWidth > 3 || s.charCodeAt(aEnd) !== 58 /* : */) return null;
  const bEnd = digitsEnd(s, aEnd + 1);
  if (bEnd - aEnd - 1 !== 2) return null;
  const a = Number(s.slice(i, aEnd));
  const b = Number(s.slice(aEnd + 1, bEnd));
  let c: number | null = null;
  let j = bEnd;
  if (s.charCodeAt(j) === 58 && isDigit(s.charCodeAt(j + 1))) {
    const cEnd = digitsEnd(s, j + 1);
    if (cEnd - j - 1 !== 2 || aWidth > 2) return null;
    c = Number(s.slice(j + 1, cEnd));
    j = cEnd;
    if (b > 59 || c > 59) return null;
  } else if (b > 59) {
    return null;
  }
  let fraction = 0;
  if (s.charCodeAt(j) === 46 /* . */ && isDigit(s.charCodeAt(j + 1))) {
    const fEnd = digitsEnd(s, j + 1);
    if (fEnd - j - 1 > 3) return null;
    fraction = Number('0.' + s.slice(j + 1, fEnd));
    j = fEnd;
  }
  const next = s.charAt(j);
  if (next !== '' && (isDigit(next.charCodeAt(0)) || isLetter(next))) return null;
  if (next === ':' && isDigit(s.charCodeAt(j + 1))) return null;
  if (TIME_OF_DAY.test(s.slice(j, j + 10))) return null;
  return { index: i, length: j - i, a, b, c, fraction, aDigits: aWidth };
}

/** Seconds of a clock; two-part clocks as `MM:SS` unless `hoursMinutes`. */
export function clockSeconds(t: ClockToken, hoursMinutes = false): number {
  if (t.c !== null) return t.a * 3600 + t.b * 60 + t.c + t.fraction;
  return hoursMinutes ? t.a * 3600 + t.b * 60 : t.a * 60 + t.b + t.fraction;
}

/** Characters that may not come right before a time: it would be part of a word, number or URL. */
const GLUED_BEFORE = /[\p{L}\p{N}:./=#&?_+%@\\$€£]/u;

export interface TimestampToken {
  /** Index of the clock's first digit in the text. */
  index: number;
  /** Length of the clock alone (brackets around it are not included). */
  length: number;
  seconds: number;
}

/**
 * Clock-like tokens in a run of displayed text (`1:02:03`, `12:34`, `(05:17)`, `[1:02:03]`),
 * for the UI to turn into seek controls. Two-part times read as `MM:SS`. Skips aspect ratios
 * (`16:9`), times of day (`9:30pm`), clocks glued to other digits, letters or URL characters,
 * and times past `duration`.
 */
export function findTimestampsInText(
  text: string,
  duration: number | null,
): Array<{ index: number; length: number; seconds: number }> {
  const found: TimestampToken[] = [];
  if (typeof text !== 'string') return found;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const colon = text.indexOf(':', i);
    if (colon < 0) break;
    // Back up over the digits before the colon.
    let start = colon;
    while (start > i && isDigit(text.charCodeAt(start - 1))) start--;
    if (start === colon) {
      i = colon + 1;
      continue;
    }
    const before = start > 0 ? text.charAt(start - 1) : '';
    const token = before !== '' && GLUED_BEFORE.test(before) ? null : readClock(text, start);
    if (token === null) {
      // Skip the whole run of digits, colons and dots so no tail of it is read as a time.
      let j = colon + 1;
      while (j < n && /[\d:.]/.test(text.charAt(j))) j++;
      i = j;
      continue;
    }
    const seconds = clockSeconds(token);
    if (duration === null || !Number.isFinite(duration) || seconds <= duration) {
      found.push({ index: token.index, length: token.length, seconds });
    }
    i = token.index + token.length;
  }
  return found;
}
