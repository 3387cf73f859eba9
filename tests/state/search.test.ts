// Transcript search (#11): the matcher loads when the listener first types, so the first view
// carries none of it; until then the field says it is searching, never "No matches".
import { describe, expect, test } from 'vitest';
import { Search } from '../../src/state/search.svelte.ts';
import type { Turn } from '../../src/core/model.ts';

const turns = [
  { speaker: 'Ada', start: 0, end: 5, text: 'The café opens at nine.' },
  { speaker: 'Ben', start: 5, end: 9, text: 'Then the CAFE closes.' },
] as unknown as Turn[];

describe('Search', () => {
  test('no matches are claimed before the matcher is loaded; then every match', async () => {
    const search = new Search(() => turns);
    expect(search.loaded).toBeNull();
    search.setQuery('cafe');
    expect(search.matches).toEqual([]);
    expect(search.loaded).toBeNull(); // "Searching…", not "No matches"
    await search.ready();
    expect(search.loaded).toBe(true);
    expect(search.matches.map((m) => m.turn)).toEqual([0, 1]);
    search.next();
    expect(search.current?.turn).toBe(0);
    search.clear();
    expect(search.matches).toEqual([]);
  });
});
