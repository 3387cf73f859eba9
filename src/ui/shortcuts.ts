// Keyboard shortcuts (listed in the help dialog, shortcut-list.ts). None fire while typing in a field.
import { isTypingTarget } from './keys.ts';

export type Action =
  | 'toggle'
  | 'back5'
  | 'forward5'
  | 'back15'
  | 'forward15'
  | 'prevChapter'
  | 'nextChapter'
  | 'slower'
  | 'faster'
  | 'search'
  | 'help'
  | 'quote';

/** The action a key press asks for, or null (typing in a field, modifier keys, unknown keys). */
export function actionFor(event: KeyboardEvent): Action | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  const onButton =
    event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement;
  switch (event.key) {
    case ' ':
      // Space on a focused button activates that button, as everywhere else.
      return onButton ? null : 'toggle';
    case 'k':
    case 'K':
      return 'toggle';
    case 'ArrowLeft':
      return event.shiftKey ? 'prevChapter' : 'back5';
    case 'ArrowRight':
      return event.shiftKey ? 'nextChapter' : 'forward5';
    case 'j':
    case 'J':
      return 'back15';
    case 'l':
    case 'L':
      return 'forward15';
    case '<':
    case ',':
      return event.key === '<' ? 'slower' : null;
    case '>':
      return 'faster';
    case '/':
      return 'search';
    case '?':
      return 'help';
    case 'q':
    case 'Q':
      return 'quote';
    default:
      return null;
  }
}
