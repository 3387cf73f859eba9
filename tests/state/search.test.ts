// Transcript search (#11): the matcher loads when the listener first types, so the first view
// carries none of it; until then the field says it is searching, never "No matches".
import { describe, expect, test } from 'vitest';
import { Search } from '../../src/state/search.svelte.ts';
import type { Turn } from '../../src/core/model.ts';

const turns: Turn[] = [
  { speaker: 'Ada', start: 0, end: 5, text: 'The café opens at nine.', cues: [] },
  { speaker: 'Ben', start: 5, end: 9, text: 'Then the CAFE closes.', cues: [] },
];

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

  test('Enter pressed before the matcher arrived goes to the first match once it has', async () => {
    const search = new Search(() => turns);
    search.setQuery('cafe');
    search.next();
    expect(search.index).toBe(-1);
    await search.ready();
    await Promise.resolve();
    expect(search.current?.turn).toBe(0);
  });
});
