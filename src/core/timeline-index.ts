// Which item is current at time t: the LAST item whose start is at or before t (CONTRACT.md).
// Starts are sorted ascending and may repeat; among equal starts the later item wins.

/** Index of the last element of `starts` that is ≤ t, or -1 before the first (or for NaN). */
export function lastAtOrBefore(starts: ArrayLike<number>, t: number): number {
  // Upper bound: the first index whose start is > t, minus one.
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** How many neighbours after the remembered index are tried before a binary search. */
const FORWARD_PROBES = 3;

/**
 * `lastAtOrBefore` with memory, for a clock that mostly moves forward a little each frame:
 * checks the last answer, then its next neighbours and the one before it, and only then
 * searches. Always returns exactly what `lastAtOrBefore(starts, t)` would. Make a new cursor
 * when the starts change.
 */
export class TimelineCursor {
  readonly #starts: ArrayLike<number>;
  #last = -1;

  constructor(starts: ArrayLike<number>) {
    this.#starts = starts;
  }

  /** True when `i` is the answer for `t`: starts[i] ≤ t < starts[i + 1]. */
  #fits(i: number, t: number): boolean {
    const s = this.#starts;
    if (i >= 0 && !((s[i] as number) <= t)) return false;
    return i + 1 >= s.length || (s[i + 1] as number) > t;
  }

  find(t: number): number {
    const n = this.#starts.length;
    const last = this.#last;
    if (last < n) {
      for (let i = last; i <= last + FORWARD_PROBES && i < n; i++) {
        if (this.#fits(i, t)) return (this.#last = i);
      }
      if (last > 0 && this.#fits(last - 1, t)) return (this.#last = last - 1);
    }
    return (this.#last = lastAtOrBefore(this.#starts, t));
  }
}
