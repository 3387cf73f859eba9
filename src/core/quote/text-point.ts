// Selection endpoints in transcript text: used by the transcript view on every load, apart from
// building quotes (quote.ts), which loads on demand (#11).
import type { Turn } from '../model.ts';

/**
 * A selection endpoint: `offset` is a character offset in `turns[turn].text` (0 … text.length).
 *
 * Contract with the UI, which maps a DOM Range to two TextPoints:
 * - a boundary inside a turn's text node maps to `{ turn, offset }` with the node's own offset
 *   (the text node holds `turn.text` exactly);
 * - a boundary inside a turn's speaker label or timestamp maps, as a start, to offset 0 of that
 *   turn, and as an end, to the end of the previous turn's text (`pointAtLabel` does both);
 * - a boundary outside every turn is clamped to the first or last turn's text.
 */
export interface TextPoint {
  turn: number;
  offset: number;
}

/** Where a selection boundary inside turn `turn`'s speaker label or timestamp points (see TextPoint). */
export function pointAtLabel(
  turns: readonly Turn[],
  turn: number,
  edge: 'start' | 'end',
): TextPoint {
  if (edge === 'start' || turn <= 0) return { turn: Math.max(0, turn), offset: 0 };
  return { turn: turn - 1, offset: turns[turn - 1]?.text.length ?? 0 };
}
