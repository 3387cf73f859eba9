// The keyboard shortcuts as the help dialog lists them: loaded with the dialog, not before the
// first view (#11). What each key does is in shortcuts.ts.
import type { Action } from './shortcuts.ts';

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
