// The words a quote link names, per turn (#11: loaded only when a link names a passage, with the
// quote range code; marks.ts puts them in <mark>).
import type { Turn } from '../../core/model.ts';
import { rangeForTimes } from '../../core/quote/range.ts';
import type { MarkRange } from './marks.ts';

/** The words between two transcript times, per turn: what a quote link shows in <mark>. */
export function quoteMarks(
  turns: readonly Turn[],
  quote: { start: number; end: number } | null,
): Map<number, MarkRange> {
  const out = new Map<number, MarkRange>();
  const range = quote ? rangeForTimes(turns, quote.start, quote.end) : null;
  if (!range) return out;
  for (let i = range.from.turn; i <= range.to.turn; i++) {
    const length = turns[i]?.text.length ?? 0;
    out.set(i, [
      i === range.from.turn ? range.from.offset : 0,
      i === range.to.turn ? range.to.offset : length,
    ]);
  }
  return out;
}
