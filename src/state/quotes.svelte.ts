// Saved quotes (issue "Quote any passage"): one storage key per quote, merged across tabs by id.
// Formatting them (core/quote/format.ts) is left to the quoting code, loaded on demand (#11).
import type { Quote, QuoteSegment } from '../core/quote/quote.ts';
import type { QuoteStyle } from '../core/quote/format.ts';
import { storeKeyOf, type Store } from './storage.ts';
import { isRecord } from '../core/json-values.ts';

const KEY = 'quote:';
const STYLE_KEY = 'quote-style';

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const isSegment = (v: unknown): v is QuoteSegment =>
  isRecord(v) &&
  typeof v['speaker'] === 'string' &&
  typeof v['text'] === 'string' &&
  isTime(v['start']);

/** Schema check for a stored quote (version 1 of the `quote:<id>` record). */
export function isQuote(v: unknown): v is Quote {
  return (
    isRecord(v) &&
    typeof v['id'] === 'string' &&
    v['id'] !== '' &&
    typeof v['text'] === 'string' &&
    Array.isArray(v['speakers']) &&
    v['speakers'].every((s) => typeof s === 'string') &&
    Array.isArray(v['segments']) &&
    v['segments'].every(isSegment) &&
    isTime(v['start']) &&
    isTime(v['end']) &&
    v['end'] >= v['start'] &&
    typeof v['episodeTitle'] === 'string' &&
    typeof v['showTitle'] === 'string' &&
    isOptionalString(v['feedUrl']) &&
    isOptionalString(v['guid']) &&
    (v['estimated'] === undefined || typeof v['estimated'] === 'boolean') &&
    typeof v['link'] === 'string' &&
    typeof v['createdAt'] === 'number' &&
    Number.isFinite(v['createdAt'])
  );
}

const isStyle = (v: unknown): v is QuoteStyle => v === 'plain' || v === 'markdown';

/** Newest first; equal times by id so every tab shows the same order. */
function newestFirst(a: Quote, b: Quote): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export class Quotes {
  /** Saved quotes, newest first. */
  list = $state<Quote[]>([]);
  /** What the clipboard's text carries besides HTML: plain text or Markdown (a persisted setting). */
  style = $state<QuoteStyle>('plain');
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
    this.reload();
  }

  /** Reads every saved quote again; corrupt ones are skipped (the Store reports that once). */
  reload(): void {
    const quotes: Quote[] = [];
    for (const key of this.#store.keys(KEY)) {
      const q = this.#read(key);
      if (q) quotes.push(q);
    }
    this.list = quotes.sort(newestFirst);
    this.style = this.#store.read(STYLE_KEY, isStyle) ?? 'plain';
  }

  /** Saves a quote (or replaces the one with its id). A failed write keeps it for this visit. */
  add(q: Quote): void {
    this.#store.write(KEY + q.id, q);
    this.#put(q);
  }

  /** Forgets a quote; returns an undo that saves it again. */
  remove(id: string): () => void {
    const q = this.list.find((item) => item.id === id);
    this.#store.remove(KEY + id);
    this.#drop(id);
    if (!q) return () => {};
    const copy = $state.snapshot(q);
    return () => this.restore(copy);
  }

  /** Puts back a removed quote (the undo of `remove`). */
  restore(q: Quote): void {
    this.add(q);
  }

  /** Merges a change made in another tab (a `storage` event; `key` is the full browser key). */
  onStorage(event: { key: string | null; newValue: string | null }): void {
    if (event.key === null) return this.reload(); // storage was cleared
    const key = storeKeyOf(event.key);
    if (key === STYLE_KEY) {
      this.style = this.#store.read(STYLE_KEY, isStyle) ?? 'plain';
      return;
    }
    if (key === null || !key.startsWith(KEY)) return;
    const id = key.slice(KEY.length);
    if (event.newValue === null) return this.#drop(id);
    const q = this.#read(key);
    if (q) this.#put(q);
  }

  setStyle(style: QuoteStyle): void {
    this.style = style;
    this.#store.write(STYLE_KEY, style);
  }

  #read(key: string): Quote | undefined {
    // A record under another quote's key is as unreadable as a corrupt one.
    return this.#store.read(key, (v): v is Quote => isQuote(v) && KEY + v.id === key);
  }

  #put(q: Quote): void {
    const rest = this.list.filter((item) => item.id !== q.id);
    const at = rest.findIndex((item) => newestFirst(q, item) < 0);
    rest.splice(at < 0 ? rest.length : at, 0, q);
    this.list = rest;
  }

  #drop(id: string): void {
    if (this.list.some((item) => item.id === id))
      this.list = this.list.filter((item) => item.id !== id);
  }
}
