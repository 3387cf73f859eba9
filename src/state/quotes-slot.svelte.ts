// Saved quotes, loaded after the first view (#11): nothing on the first turn's path reads them.
// The slot is what the app hands down; the quotes themselves arrive once, however often asked for.
import type { Quotes } from './quotes.svelte.ts';

export class QuotesSlot {
  /** The saved quotes once loaded, else null (their code and stored records are still coming). */
  value: Quotes | null = $state.raw(null);
  #loading: Promise<Quotes> | null = null;
  readonly #load: () => Promise<Quotes>;

  constructor(load: () => Promise<Quotes>) {
    this.#load = load;
  }

  /** The saved quotes, loaded on the first call; a failed load is tried again on the next. */
  ready(): Promise<Quotes> {
    this.#loading ??= this.#load().then(
      (quotes) => (this.value = quotes),
      (error: unknown) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  /** A change made in another tab; before the quotes are loaded there is nothing to merge it into. */
  onStorage(event: { key: string | null; newValue: string | null }): void {
    this.value?.onStorage(event);
  }
}
