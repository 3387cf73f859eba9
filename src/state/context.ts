// The app's state objects, created once in App.svelte and handed down by Svelte context.
import { getContext, setContext } from 'svelte';
import type { LazyAlignment } from './lazy-alignment.svelte.ts';
import type { Library } from './library.svelte.ts';
import type { Listening } from './listening.ts';
import type { Navigation } from './navigation.ts';
import type { Player } from './player.svelte.ts';
import type { Reader } from './reader.svelte.ts';
import type { QuotesSlot } from './quotes-slot.svelte.ts';
import type { Search } from './search.svelte.ts';
import type { Sync } from './sync.svelte.ts';
import type { Toasts } from './toast.svelte.ts';

const KEY = Symbol('verbatim');

export interface AppContext {
  player: Player;
  library: Library;
  reader: Reader;
  navigation: Navigation;
  listening: Listening;
  search: Search;
  /** Saved quotes, loaded after the first view (`value`, or `ready()`). */
  quotes: QuotesSlot;
  toasts: Toasts;
  alignment: LazyAlignment;
  sync: Sync;
}

export function provideApp(context: AppContext): void {
  setContext(KEY, context);
}

export function useApp(): AppContext {
  const context = getContext<AppContext | undefined>(KEY);
  if (!context) throw new Error('useApp() outside <App>');
  return context;
}
