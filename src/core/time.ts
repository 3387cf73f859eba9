// Parsing and formatting of times. Everything is seconds (float); null means "not a time".

/** Reads 1+ ASCII digits from `s` at `i`; returns the end index (== i when none). */
function digitsEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) break;
    j++;
  }
  return j;
}

/** How strict `parseClock` is where its users deliberately differ (#11). */
export interface ClockOptions {
  /**
   * Accept `,` before the fraction (`35:12,250`, as SRT writes it). Off by default: in an
   * `itunes:duration` `3,600` is a thousands separator, and a deep link's `,` starts a range.
   */
  commaFraction?: boolean;
}

/**
 * The one reader of clock and plain-seconds times (#11): Podlove NPT chapter starts (`01:35:52`,
 * `7:48`, `35:12.250`, `37`, `37.`, optional `npt:` prefix), `itunes:duration` (`4042`, `3723.5`,
 * `54:26`, `H:MM:SS`), deep-link `t` values and `<time>` text. Clock fields after the first are
 * exactly two digits below 60 (`7:4` is no time: a guess between 7:04 and 7:40); the first field
 * is unbounded, so `75:30` is 75 minutes (NPT and iTunes have no `h:mm` form). Surrounding
 * whitespace is ignored; garbage and negatives give null.
 */
export function parseClock(input: string, options: ClockOptions = {}): number | null {
  let s = input.trim();
  if (s.slice(0, 4).toLowerCase() === 'npt:') s = s.slice(4).trimStart();
  if (s === '') return null;
  const parts: number[] = [];
  let i = 0;
  for (;;) {
    const j = digitsEnd(s, i);
    const width = j - i;
    if (width === 0) return null;
    if (parts.length > 0 && width !== 2) return null;
    parts.push(Number(s.slice(i, j)));
    i = j;
    if (i < s.length && s.charCodeAt(i) === 58 /* : */) {
      if (parts.length === 3) return null;
      i++;
      continue;
    }
    break;
  }
  let fraction = 0;
  if (i < s.length) {
    const c = s.charCodeAt(i);
    if (c !== 46 /* . */ && !(options.commaFraction === true && c === 44) /* , */) return null;
    const j = digitsEnd(s, i + 1);
    // `37.` is valid NPT (RFC 2326: `1*DIGIT [ "." *DIGIT ]`).
    if (j < s.length) return null;
    if (j > i + 1) fraction = Number('0.' + s.slice(i + 1, j));
    i = j;
  }
  let total = 0;
  for (let k = 0; k < parts.length; k++) {
    const v = parts[k] ?? 0;
    if (k > 0 && v >= 60) return null;
    total = total * 60 + v;
  }
  const value = total + fraction;
  return Number.isFinite(value) ? value : null;
}

/**
 * Parses the `t` / `end` deep-link parameters and `#t=` media fragments: `1803`, `1803.5`,
 * `h:mm:ss`, `mm:ss`, with an optional `npt:` prefix, an optional `#`/`t=` prefix, and a
 * `start,end` range (the start is returned; an empty start means 0). Null when invalid.
 */
export function parseDeepLinkTime(input: string): number | null {
  let s = input.trim();
  if (s.includes('%')) {
    try {
      s = decodeURIComponent(s);
    } catch {
      return null;
    }
  }
  if (s.startsWith('#')) s = s.slice(1);
  if (s.includes('&')) {
    const t = s.split('&').find((p) => p.startsWith('t='));
    if (t === undefined) return null;
    s = t;
  }
  if (s.startsWith('t=')) s = s.slice(2);
  if (s.startsWith('npt:')) s = s.slice(4);
  const comma = s.indexOf(',');
  if (comma >= 0) {
    const start = s.slice(0, comma).trim();
    // `t=,20` is "from the beginning to 20 s".
    if (start === '') return parseClock(s.slice(comma + 1)) === null ? null : 0;
    s = start;
  }
  if (s.endsWith('s') && !s.includes(':')) s = s.slice(0, -1);
  return parseClock(s);
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function wholeSeconds(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
}

/** `0:05`, `12:03`, `1:02:03` (floored; hours only from one hour on, or when `forceHours`). */
export function formatClock(seconds: number, options: { forceHours?: boolean } = {}): string {
  const total = wholeSeconds(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  if (h > 0 || options.forceHours === true) return `${h}:${pad2(m)}:${pad2(sec)}`;
  return `${m}:${pad2(sec)}`;
}

function unit(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Words for `aria-valuetext`: `30 minutes 3 seconds`, `1 hour 7 minutes`, `0 seconds`. */
export function formatSpoken(seconds: number): string {
  const total = wholeSeconds(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(unit(h, 'hour'));
  if (m > 0) parts.push(unit(m, 'minute'));
  if (s > 0 || parts.length === 0) parts.push(unit(s, 'second'));
  return parts.join(' ');
}

/**
 * `30 minutes 3 seconds of 1 hour 7 minutes` (`of about …` for an estimated duration); just the
 * position when the duration is unknown.
 */
export function formatPosition(position: number, duration: number | null, about = false): string {
  if (duration === null || !Number.isFinite(duration) || duration <= 0) {
    return formatSpoken(position);
  }
  return `${formatSpoken(position)} of ${about ? 'about ' : ''}${formatSpoken(duration)}`;
}

/** `hh:mm:ss.ttt`, rounded to the millisecond (hours grow past two digits when needed). */
export function formatVttTime(seconds: number): string {
  const ms = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const t = ms % 1000;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}.${String(t).padStart(3, '0')}`;
}

/**
 * How far the shown position (clocks, seek bar) moves in one step while playing, in seconds: about a
 * pixel of a wide seek bar, but never more than the one second the clocks show, and a divisor of
 * it, so the clocks tick exactly on the second. Each step repaints, so a 3-hour episode steps once a second.
 */
export function displayStep(duration: number | null): 0.25 | 0.5 | 1 {
  const pixel = (duration ?? 0) / 1400;
  return pixel > 0.5 ? 1 : pixel > 0.25 ? 0.5 : 0.25;
}

/** When the shown position `shown` next steps (seconds of audio). */
export function nextDisplayStep(shown: number, duration: number | null): number {
  const step = displayStep(duration);
  return (Math.floor(shown / step) + 1) * step;
}

/** The contract's `data-start`: seconds as a plain decimal (no exponent, at most milliseconds). */
export function plainSeconds(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
