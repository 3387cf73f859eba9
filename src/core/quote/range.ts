// The words a quote link names: times (t, end) back to a text range, for the <mark> on opening it.
// It inverts `timeAt`, the function quotes take their times from, so a link the app made marks
// exactly the words quoted (#14: an end inside a cue used to mark the rest of the cue too).
import type { Turn } from '../model.ts';
import type { TextPoint } from './text-point.ts';
import { timeAt } from '../turn-time.ts';
import { lastAtOrBefore } from '../timeline-index.ts';

/** Links carry times to the hundredth (start rounded up, end down): this much slack finds the word again. */
const LINK_SLACK = 0.011;

/** [start, end) offsets of the words of `text`, in order. */
function words(text: string): Array<[number, number]> {
  return [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * The offset in [from, to] whose time is nearest `t`, when within the link's slack: a selection
 * that began or ended inside a word (`th|e`) marks just as much. Else `fallback`.
 */
function exactly(
  turn: Turn,
  t: number,
  from: number,
  to: number,
  edge: 'start' | 'end',
  fallback: number,
): number {
  let best = fallback;
  let gap = LINK_SLACK;
  for (let o = from; o <= to; o++) {
    const d = Math.abs(timeAt(turn, o, edge) - t);
    if (d < gap || (d === gap && edge === 'end')) [best, gap] = [o, d];
  }
  return best;
}

/** Where a quote starting at `t` begins: in the last word that starts at or before t. */
function startOffset(turn: Turn, t: number): number {
  let best: [number, number] | null = null;
  for (const [a, b] of words(turn.text)) {
    if (best === null || timeAt(turn, a, 'start') <= t + LINK_SLACK) best = [a, b];
    else break;
  }
  return best ? exactly(turn, t, best[0], best[1] - 1, 'start', best[0]) : 0;
}

/** Where a quote ending at `end` ends: in the last word (after `from`) that starts before end. */
function endOffset(turn: Turn, end: number, from: number): number {
  let best: [number, number] | null = null;
  for (const [a, b] of words(turn.text)) {
    if (b <= from) continue;
    if (best === null || timeAt(turn, a, 'start') < end - LINK_SLACK) best = [a, b];
    else break;
  }
  if (best === null) return turn.text.length;
  const [a, b] = best;
  return exactly(turn, end, Math.max(a + 1, from + 1), b, 'end', b);
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
  const from = { turn: first, offset: t <= a.start ? 0 : startOffset(a, t) };
  const toOffset =
    end >= b.end ? b.text.length : endOffset(b, end, last === first ? from.offset : -1);
  return { from, to: { turn: last, offset: Math.max(toOffset, last === first ? from.offset : 0) } };
}
