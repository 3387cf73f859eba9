// Click-to-seek in the transcript: where a click in a turn goes, in transcript time.
import type { Turn } from '../../core/model.ts';
import { timeAt } from '../../core/turn-time.ts';
import type { Match } from '../../core/search.ts';
import { offsetIn } from './text-dom.ts';
import type { TurnView } from './turn-view.ts';

/**
 * The transcript time a click seeks to: the turn's start, or a search match's own time when the
 * click lands on one. Null when the click is not in a turn or ends a selection (quoting must not
 * move the audio).
 */
export function clickTime(
  event: MouseEvent,
  view: TurnView,
  turns: readonly Turn[],
  matches: readonly Match[],
): number | null {
  const el = (event.target as Element).closest<HTMLElement>('.turn');
  const index = el ? view.els.indexOf(el) : -1;
  const turn = turns[index];
  if (!el || !turn) return null;
  const selection = getSelection();
  if (selection && !selection.isCollapsed && el.contains(selection.anchorNode)) return null;
  return matchTime(event, view.textOf(index), turn, index, matches) ?? turn.start;
}

function matchTime(
  event: MouseEvent,
  text: Element | null,
  turn: Turn,
  index: number,
  matches: readonly Match[],
): number | null {
  if (!matches.length) return null;
  const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
  if (!text || !caret || !text.contains(caret.offsetNode)) return null;
  const at = offsetIn(text, caret.offsetNode, caret.offset);
  const hit = matches.find((m) => m.turn === index && at >= m.offset && at <= m.offset + m.length);
  return hit ? timeAt(turn, hit.offset, 'start') : null;
}
