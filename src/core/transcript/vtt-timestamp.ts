// WebVTT timestamps (`[h…h:]mm:ss.ttt`), read in place with char codes: the hot path of parsing.

/** Where `readVttTimestamp` stopped; a module variable so the hot path allocates nothing. */
export let timestampEnd = 0;

function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

/**
 * Reads `[h…h:]mm:ss.ttt` at `i` (hours of any width, `,` tolerated for `.`, 1+ fraction
 * digits). Returns seconds, or -1 when there is no valid timestamp; sets `timestampEnd`.
 */
export function readVttTimestamp(s: string, i: number): number {
  const n = s.length;
  let j = i;
  let first = 0;
  while (j < n) {
    const c = s.charCodeAt(j) - 48;
    if (c < 0 || c > 9) break;
    first = first * 10 + c;
    j++;
  }
  const width = j - i;
  if (width === 0 || j >= n || s.charCodeAt(j) !== 58) return -1;
  let hours = 0;
  let minutes: number;
  const second = twoDigits(s, j + 1);
  if (second < 0) return -1;
  j += 3;
  let seconds: number;
  if (j < n && s.charCodeAt(j) === 58) {
    hours = first;
    minutes = second;
    seconds = twoDigits(s, j + 1);
    if (seconds < 0) return -1;
    j += 3;
  } else {
    if (width !== 2) return -1;
    minutes = first;
    seconds = second;
  }
  // Hours past ~11 years (a 400-digit hour would be Infinity) are not a podcast: unreadable timing.
  if (minutes > 59 || seconds > 59 || hours > 99_999) return -1;
  const dot = s.charCodeAt(j);
  if (dot !== 46 && dot !== 44) return -1;
  j++;
  let frac = 0;
  let scale = 1;
  const fracStart = j;
  while (j < n) {
    const c = s.charCodeAt(j) - 48;
    if (c < 0 || c > 9) break;
    frac = frac * 10 + c;
    scale *= 10;
    j++;
  }
  if (j === fracStart) return -1;
  timestampEnd = j;
  return hours * 3600 + minutes * 60 + seconds + frac / scale;
}
