// Keyboard shortcuts (shown in the help dialog). None fire while typing in a field.
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

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: Action; label: string }> = [
  { keys: ['Space', 'K'], action: 'toggle', label: 'Play or pause' },
  { keys: ['←', '→'], action: 'back5', label: 'Back or forward 5 seconds' },
  { keys: ['J', 'L'], action: 'back15', label: 'Back or forward 15 seconds' },
  { keys: ['Shift + ←', 'Shift + →'], action: 'prevChapter', label: 'Previous or next chapter' },
  { keys: ['<', '>'], action: 'slower', label: 'Slower or faster' },
  { keys: ['/'], action: 'search', label: 'Search the transcript' },
  { keys: ['Q'], action: 'quote', label: 'Quote the selected words' },
  { keys: ['?'], action: 'help', label: 'Show these shortcuts' },
];

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
