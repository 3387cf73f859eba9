// The listener's timing nudge, piecewise (#12): "sync from here" starts a new piece at the turn
// being heard, so an ad inserted mid-episode can be corrected from that turn on without moving
// the turns before it. Keys are published (transcript) times, which do not move when nudged.

/** From published time `from` on (until the next piece), transcript times play `offset` s later. */
export interface SyncPiece {
  from: number;
  offset: number;
}

/** Sorted by `from`; the first piece (from 0) is the whole-episode nudge. */
export type SyncOffsets = readonly SyncPiece[];

/** Offsets are kept to tenths of a second; more would only be noise in the listener's ears. */
const tenth = (s: number) => Math.round(s * 10) / 10;
/** Beyond an hour a nudge is a mistake, not a correction. */
const LIMIT = 3600;

/** The offset in effect for a turn published at `start` (seconds): 0 before any piece. */
export function offsetAt(pieces: SyncOffsets, start: number): number {
  let offset = 0;
  for (const p of pieces) {
    if (p.from > start + 1e-9) break;
    offset = p.offset;
  }
  return offset;
}

/** The pieces in canonical form: sorted, one per start, tenths, no piece that changes nothing. */
function tidy(pieces: readonly SyncPiece[]): SyncPiece[] {
  const sorted = [...pieces]
    .filter((p) => Number.isFinite(p.from) && Number.isFinite(p.offset) && p.from >= 0)
    .map((p) => ({ from: p.from, offset: Math.max(-LIMIT, Math.min(LIMIT, tenth(p.offset))) }))
    .sort((a, b) => a.from - b.from);
  const out: SyncPiece[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.from - p.from) < 1e-9) out[out.length - 1] = p;
    else if ((last?.offset ?? 0) !== p.offset) out.push(p);
  }
  return out;
}

/** Sets the offset from the turn published at `from` on, up to the next piece. */
export function syncFrom(pieces: SyncOffsets, from: number, offset: number): SyncPiece[] {
  return tidy([...pieces.filter((p) => Math.abs(p.from - from) >= 1e-9), { from, offset }]);
}

/** Moves the piece in effect at published time `at` by `delta` seconds (the ±0.5 s buttons). */
export function nudgeAt(pieces: SyncOffsets, at: number, delta: number): SyncPiece[] {
  let index = -1;
  pieces.forEach((p, i) => {
    if (p.from <= at + 1e-9) index = i;
  });
  if (index < 0) return tidy([{ from: 0, offset: delta }, ...pieces]);
  return tidy(pieces.map((p, i) => (i === index ? { from: p.from, offset: p.offset + delta } : p)));
}

/** Reads what was stored: a plain number (the old single nudge) or `[[from, offset], …]`. */
export function readSyncOffsets(value: unknown): SyncPiece[] | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) && Math.abs(value) < LIMIT
      ? tidy([{ from: 0, offset: value }])
      : null;
  }
  if (!Array.isArray(value)) return null;
  const pieces: SyncPiece[] = [];
  for (const item of value) {
    if (!Array.isArray(item) || item.length !== 2) return null;
    const [from, offset] = item as unknown[];
    if (typeof from !== 'number' || typeof offset !== 'number') return null;
    if (!Number.isFinite(from) || from < 0 || !Number.isFinite(offset) || Math.abs(offset) >= LIMIT)
      return null;
    pieces.push({ from, offset });
  }
  return tidy(pieces);
}

/** What is stored: `[[from, offset], …]`, or null when nothing is nudged. */
export function writeSyncOffsets(pieces: SyncOffsets): Array<[number, number]> | null {
  const out = tidy(pieces).map((p): [number, number] => [p.from, p.offset]);
  return out.length > 0 ? out : null;
}
