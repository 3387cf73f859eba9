// What each keyboard shortcut does (shortcuts.ts says which key asks for which). Loaded with the
// page: a key pressed the moment the transcript shows must work.
import type { AppContext } from '../state/context.ts';
import { actionFor, type Action } from './shortcuts.ts';

/** The page's keydown handler. */
export function keyboard(
  { player, library, search, reader }: Pick<AppContext, 'player' | 'library' | 'search' | 'reader'>,
  openHelp: () => Promise<void>,
): (event: KeyboardEvent) => void {
  const actions: Record<Action, () => void> = {
    toggle: () => player.toggle(),
    back5: () => player.skip(-5),
    forward5: () => player.skip(5),
    back15: () => player.skip(-15),
    forward15: () => player.skip(15),
    prevChapter: () => player.previousChapter(),
    nextChapter: () => player.nextChapter(),
    slower: () => player.stepRate(-1),
    faster: () => player.stepRate(1),
    search: () => search.focus(),
    help: () => void openHelp(),
    quote: () => reader.quoteSelection(),
  };
  return (event) => {
    const action = actionFor(event);
    if (!action) return;
    // Back/forward arrows are the page's scroll keys only when the transcript has nothing to play.
    if ((action === 'back5' || action === 'forward5') && !library.episode?.enclosure) return;
    event.preventDefault();
    actions[action]();
  };
}
