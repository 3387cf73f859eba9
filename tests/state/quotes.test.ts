// Saved quotes: per-key persistence, undo, corrupt data, a full quota and merging across tabs.
import { describe, expect, test } from 'vitest';
import { buildQuote, type Quote } from '../../src/core/quote/quote.ts';
import { Quotes } from '../../src/state/quotes.svelte.ts';
import { exportMarkdown, quoteClipboard } from '../../src/core/quote/format.ts';
import { Store, type KeyValueStore, type StoreIssue } from '../../src/state/storage.ts';
import { CONTEXT, WORD_TURNS } from '../core/quote/fixtures.ts';

/** localStorage in a Map, recording every write. */
class MemoryStorage implements KeyValueStore {
  readonly data = new Map<string, string>();
  readonly writes: string[] = [];
  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes.push(key);
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

/** A store that is full: every write fails as browsers fail it. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

const KEY = 'verbatim:v1:quote:';

function makeQuote(createdAt: number, offset = 0): Quote {
  const q = buildQuote(WORD_TURNS, { turn: 0, offset }, { turn: 0, offset: offset + 6 }, CONTEXT, {
    now: () => createdAt,
    random: () => 0.1,
  });
  if (!q) throw new Error('no quote');
  return q;
}

function open(backing: KeyValueStore) {
  const issues: StoreIssue[] = [];
  const quotes = new Quotes(new Store(backing, (issue) => issues.push(issue)));
  return { quotes, issues };
}

const ids = (quotes: Quotes) => quotes.list.map((q) => q.id);

describe('Quotes', () => {
  test('add and remove write one key per quote; undo puts it back', () => {
    const backing = new MemoryStorage();
    const { quotes } = open(backing);
    const older = makeQuote(1000);
    const newer = makeQuote(2000, 3);
    quotes.add(older);
    quotes.add(newer);
    expect(backing.writes).toEqual([KEY + older.id, KEY + newer.id]);
    expect(ids(quotes)).toEqual([newer.id, older.id]);
    expect(JSON.parse(backing.getItem(KEY + newer.id) ?? '')).toEqual(newer);

    const undo = quotes.remove(older.id);
    expect(backing.getItem(KEY + older.id)).toBeNull();
    expect(backing.getItem(KEY + newer.id)).not.toBeNull();
    expect(ids(open(backing).quotes)).toEqual([newer.id]);

    undo();
    expect(ids(quotes)).toEqual([newer.id, older.id]);
    expect(open(backing).quotes.list).toEqual([newer, older]);
    expect(quotes.remove('no-such-id')).toBeTypeOf('function');
  });

  test('adding a quote with a known id replaces it', () => {
    const { quotes } = open(new MemoryStorage());
    const q = makeQuote(1000);
    quotes.add(q);
    quotes.add({ ...q, text: 'edited' });
    expect(quotes.list.map((item) => item.text)).toEqual(['edited']);
  });

  test('corrupt entries are skipped and reported once; the others load', () => {
    const backing = new MemoryStorage();
    const good = makeQuote(1000);
    backing.setItem(KEY + good.id, JSON.stringify(good));
    backing.setItem(KEY + 'a', '{not json');
    backing.setItem(KEY + 'b', JSON.stringify({ ...good, id: 'b', start: 'soon' }));
    backing.setItem(KEY + 'c', JSON.stringify({ ...good, id: 'c', segments: [{ speaker: 1 }] }));
    backing.setItem(KEY + 'd', JSON.stringify(good)); // under another quote's key
    const { quotes, issues } = open(backing);
    expect(ids(quotes)).toEqual([good.id]);
    expect(issues).toEqual([{ kind: 'corrupt', message: expect.any(String) }]);
    quotes.reload();
    expect(issues).toHaveLength(1);
  });

  test('a full quota keeps quotes in memory for the visit and says so once', () => {
    const { quotes, issues } = open(new FullStorage());
    const a = makeQuote(1000);
    const b = makeQuote(2000, 3);
    quotes.add(a);
    quotes.add(b);
    expect(ids(quotes)).toEqual([b.id, a.id]);
    expect(issues.map((issue) => issue.kind)).toEqual(['quota']);
    quotes.reload();
    expect(ids(quotes)).toEqual([b.id, a.id]);
  });

  test('two tabs on one storage merge each other’s changes by id', () => {
    const backing = new MemoryStorage();
    const tabA = open(backing).quotes;
    const tabB = open(backing).quotes;
    const event = (id: string) => ({ key: KEY + id, newValue: backing.getItem(KEY + id) });

    const first = makeQuote(1000);
    tabA.add(first);
    tabB.onStorage(event(first.id));
    const second = makeQuote(2000, 3);
    tabB.add(second);
    tabA.onStorage(event(second.id));
    expect(ids(tabA)).toEqual([second.id, first.id]);
    expect(ids(tabB)).toEqual([second.id, first.id]);

    tabA.remove(first.id);
    tabB.onStorage(event(first.id));
    expect(ids(tabB)).toEqual([second.id]);

    // Other keys and other apps' keys change nothing; a cleared storage is read again.
    tabB.onStorage({ key: 'verbatim:v1:pos:x', newValue: '{}' });
    tabB.onStorage({ key: 'quote:' + first.id, newValue: JSON.stringify(first) });
    expect(ids(tabB)).toEqual([second.id]);
    backing.data.clear();
    tabB.onStorage({ key: null, newValue: null });
    expect(tabB.list).toEqual([]);
  });

  test('a corrupt write from another tab is ignored', () => {
    const backing = new MemoryStorage();
    const { quotes, issues } = open(backing);
    backing.setItem(KEY + 'x', 'garbage');
    quotes.onStorage({ key: KEY + 'x', newValue: 'garbage' });
    expect(quotes.list).toEqual([]);
    expect(issues.map((issue) => issue.kind)).toEqual(['corrupt']);
  });

  test('export lists newest first', () => {
    const { quotes } = open(new MemoryStorage());
    quotes.add(makeQuote(2000, 3)); // "the th"
    quotes.add(makeQuote(3000, 7)); // "thing "
    quotes.add(makeQuote(1000, 0)); // "So the"
    const markdown = exportMarkdown(quotes.list);
    const order = ['“thing”', '“the th”', '“So the”'].map((text) => markdown.indexOf(text));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  test('the clipboard style is a persisted setting shared by tabs', () => {
    const backing = new MemoryStorage();
    const tabA = open(backing).quotes;
    const tabB = open(backing).quotes;
    const q = makeQuote(1000);
    expect(quoteClipboard(q, tabA.style).text.startsWith('“')).toBe(true);
    tabA.setStyle('markdown');
    expect(quoteClipboard(q, tabA.style).text.startsWith('> ')).toBe(true);
    expect(quoteClipboard(q, tabA.style).html.startsWith('<blockquote')).toBe(true);
    tabB.onStorage({ key: 'verbatim:v1:quote-style', newValue: '"markdown"' });
    expect(tabB.style).toBe('markdown');
    expect(open(backing).quotes.style).toBe('markdown');
  });
});
