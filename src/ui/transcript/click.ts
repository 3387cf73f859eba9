// Click-to-seek in the transcript: where a click in a turn goes (audio time, as the turns are).
import { clickedTime } from '../../core/fine-units.ts';
import type { Turn } from '../../core/model.ts';
import { timeAt } from '../../core/turn-time.ts';
import type { Match } from '../../core/search.ts';
import { offsetIn } from './text-dom.ts';
import type { TurnView } from './turn-view.ts';

/** A click in a turn: its index and, when the click landed in its text, the character there. */
export interface TurnClick {
  index: number;
  /** Character offset in the turn's text, or null (the speaker line, the time button). */
  offset: number | null;
}

/** Where a click landed, or null when not in a turn or when it ends a selection (quoting must not seek). */
export function turnClick(event: MouseEvent, view: TurnView): TurnClick | null {
  const el = (event.target as Element).closest<HTMLElement>('.turn');
  const index = el ? view.els.indexOf(el) : -1;
  if (!el || index < 0) return null;
  const selection = getSelection();
  if (selection && !selection.isCollapsed && el.contains(selection.anchorNode)) return null;
  const text = view.textOf(index);
  const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
  const inText = text && caret && text.contains(caret.offsetNode);
  return { index, offset: inText ? offsetIn(text, caret.offsetNode, caret.offset) : null };
}

/**
 * The time a click seeks to (CONTRACT "Word timing"): a search match's own time; the clicked
 * word's start when the words are timed; the clicked cue's start, or inside a long cue or turn
 * the clicked sentence's estimated start (#14); the turn's start for its speaker line or time.
 */
export function clickTime(
  click: TurnClick,
  turns: readonly Turn[],
  matches: readonly Match[],
): number | null {
  const turn = turns[click.index];
  if (!turn) return null;
  if (click.offset === null) return turn.start;
  // A caret just after a word's last letter (its right half clicked) still means that word.
  const after = turn.text.charAt(click.offset);
  const at =
    click.offset > 0 &&
    (after === '' || /\s/.test(after)) &&
    /\S/.test(turn.text.charAt(click.offset - 1))
      ? click.offset - 1
      : click.offset;
  const hit = matches.find(
    (m) => m.turn === click.index && at >= m.offset && at <= m.offset + m.length,
  );
  if (hit) return timeAt(turn, hit.offset, 'start');
  const cue = turn.cues.find((c) => at >= c.offset && at <= c.offset + c.text.length);
  if (cue?.words?.length) return timeAt(turn, at, 'start');
  return clickedTime(turn, at).start;
}
