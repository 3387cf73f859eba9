// Transcript search state: the query, its matches, and which one is chosen.
import type { findMatches, Match } from '../core/search.ts';
import type { Turn } from '../core/model.ts';

type Finder = typeof findMatches;

export class Search {
  query = $state('');
  /** Index into `matches` of the chosen match, −1 when none is chosen. */
  index = $state(-1);
  /** Reads the transcript's turns (reactively, from the player). Set once by the constructor. */
  #turns: () => readonly Turn[] = () => [];
  /** The search field while it is on the page (#11: focused through here, not by element id). */
  #field: { focus(): void } | null = null;

  constructor(turns: () => readonly Turn[]) {
    this.#turns = turns;
  }

  /** The matcher, loaded when the listener first types a query (#11: not first-load weight). */
  #find: Finder | null = $state.raw(null);
  #loading: Promise<void> | null = null;
  /** False once the matcher could not be loaded (said beside the field). */
  loaded = $state<boolean | null>(null);

  readonly matches: Match[] = $derived(
    this.query && this.#find ? this.#find(this.#turns(), this.query) : [],
  );

  /** Resolves once the matcher is loaded (at once after the first time). */
  ready(): Promise<void> {
    this.#loading ??= import('../core/search.ts').then(
      (m) => {
        this.#find = m.findMatches;
        this.loaded = true;
      },
      () => {
        this.loaded = false;
        this.#loading = null; // asked again with the next query
      },
    );
    return this.#loading;
  }

  get current(): Match | null {
    return this.matches[this.index] ?? null;
  }
  setQuery(query: string): void {
    this.query = query;
    this.index = -1;
    if (query) void this.ready();
  }
  next(): void {
    // Enter pressed before the matcher arrived goes to the first match once it has (#11).
    if (this.query && !this.#find && this.loaded !== false)
      return void this.ready().then(() => this.next());
    if (this.matches.length) this.index = (this.index + 1) % this.matches.length;
  }
  previous(): void {
    if (this.query && !this.#find && this.loaded !== false)
      return void this.ready().then(() => this.previous());
    if (this.matches.length)
      this.index = (this.index - 1 + this.matches.length) % this.matches.length;
  }
  clear(): void {
    this.query = '';
    this.index = -1;
  }
  /** Moves the keyboard to the search field, when one is on the page (the / shortcut). */
  focus(): void {
    if (this.#field) this.#field.focus();
    // The field arrives just after the first view (#11): a / pressed before that still lands.
    else this.#focusWanted = true;
  }
  #focusWanted = false;
  /** Connects the search field; returns the function that disconnects it. */
  attachField(field: { focus(): void }): () => void {
    this.#field = field;
    if (this.#focusWanted) field.focus();
    this.#focusWanted = false;
    return () => {
      if (this.#field === field) this.#field = null;
    };
  }
}
