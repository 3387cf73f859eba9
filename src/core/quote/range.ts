// The words a quote link names: times (t, end) back to a text range, for the <mark> on opening it.
import type { Turn } from '../model.ts';
import type { TextPoint } from './quote.ts';
import { lastAtOrBefore } from '../timeline-index.ts';

/** Timed points of a turn (words, else cues), as [start time, char offset]. */
function anchors(turn: Turn): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const cue of turn.cues) {
    if (cue.words?.length) for (const w of cue.words) out.push([w.start, w.offset]);
    else out.push([cue.start, cue.offset]);
  }
  return out.length ? out : [[turn.start, 0]];
}

/** The character offset in a turn where time `t` falls: the timed unit under t, else interpolated. */
function offsetAt(turn: Turn, t: number, edge: 'start' | 'end'): number {
  const points = anchors(turn);
  const i = lastAtOrBefore(
    points.map((p) => p[0]),
    t,
  );
  const [unitStart, unitOffset] = points[Math.max(0, i)]!;
  const [nextStart, nextOffset] = points[i + 1] ?? [turn.end, turn.text.length];
  if (points.length === 1 && turn.cues.length <= 1) {
    // Turn-only timing: spread the turn's time over its characters.
    const span = Math.max(1e-6, turn.end - turn.start);
    const at = Math.round(((t - turn.start) / span) * turn.text.length);
    return snap(turn.text, Math.min(turn.text.length, Math.max(0, at)), edge);
  }
  if (i < 0) return 0;
  if (edge === 'start') return unitOffset;
  // An end inside a unit keeps that whole unit.
  return t >= nextStart ? nextOffset : nextOffset === unitOffset ? turn.text.length : nextOffset;
}

/** Moves an offset to a word boundary: back to a word's start for starts, on to its end for ends. */
function snap(text: string, at: number, edge: 'start' | 'end'): number {
  let i = at;
  if (edge === 'start') while (i > 0 && /\S/.test(text[i - 1] ?? '')) i--;
  else while (i < text.length && /\S/.test(text[i] ?? '')) i++;
  return i;
}

/** The text between audio times `t` and `end` (offset already removed), or null outside the turns. */
export function rangeForTimes(
  turns: readonly Turn[],
  t: number,
  end: number,
): { from: TextPoint; to: TextPoint } | null {
  if (!turns.length || !(end > t)) return null;
  const starts = turns.map((turn) => turn.start);
  const first = Math.max(0, lastAtOrBefore(starts, t));
  const last = Math.max(first, lastAtOrBefore(starts, end - 1e-6));
  const a = turns[first]!;
  const b = turns[last]!;
  const from = { turn: first, offset: t <= a.start ? 0 : offsetAt(a, t, 'start') };
  let toOffset = end >= b.end ? b.text.length : offsetAt(b, end, 'end');
  if (last === first && toOffset <= from.offset)
    toOffset = Math.min(b.text.length, snap(b.text, from.offset + 1, 'end'));
  while (toOffset > 0 && /\s/.test(b.text[toOffset - 1] ?? '')) toOffset--; // no trailing space in the mark
  return { from, to: { turn: last, offset: toOffset } };
}
