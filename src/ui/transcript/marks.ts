// Quoted words in <mark>: the passage a quote link names, moved between turns by touching only
// the turns whose range changed (re-marking replaces a turn's text nodes).
import type { Turn } from '../../core/model.ts';
import { fillText, type MarkRange } from './paragraph-dom.ts';

export type { MarkRange };

/** Shows characters [from, to) of a turn's text in a `<mark>` (a quoted passage), or plain when `range` is null. */
export function markText(turnEl: HTMLElement, turn: Turn, range: MarkRange | null): void {
  const text = turnEl.querySelector('.text');
  if (text) fillText(text, turn, range);
}

/**
 * Moves the quote <mark>s from `shown` to `wanted` ([from, to) per turn), touching only turns whose
 * range changed: re-marking replaces a turn's text nodes, which empties highlight ranges in it.
 * Returns true when any turn changed.
 */
export function applyMarks(
  turnEls: readonly HTMLElement[],
  turns: readonly Turn[],
  shown: ReadonlyMap<number, MarkRange>,
  wanted: ReadonlyMap<number, MarkRange>,
): boolean {
  let changed = false;
  const set = (i: number, range: MarkRange | null) => {
    const el = turnEls[i];
    if (!el) return;
    const turn = turns[i];
    if (turn) markText(el, turn, range);
    changed = true;
  };
  for (const i of shown.keys()) if (!wanted.has(i)) set(i, null);
  for (const [i, range] of wanted) {
    const was = shown.get(i);
    if (!was || was[0] !== range[0] || was[1] !== range[1]) set(i, range);
  }
  return changed;
}
