// Reading controls (#14): the transcript's look, kept across visits, tolerant of bad stored data.
import { describe, expect, test } from 'vitest';
import { ReadingLook } from '../../src/state/reading-look.svelte.ts';
import { Store, type KeyValueStore } from '../../src/state/storage.ts';

function memory(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

describe('ReadingLook', () => {
  test('starts at the defaults, and a choice is kept for the next visit', () => {
    const backing = memory();
    const first = new ReadingLook(new Store(backing));
    expect(first.look).toEqual({ size: 'medium', width: 'wide', font: 'serif' });
    expect(first.scale).toBe(1);
    first.set({ size: 'large', font: 'sans' });
    const next = new ReadingLook(new Store(backing));
    expect(next.look).toEqual({ size: 'large', width: 'wide', font: 'sans' });
    expect(next.scale).toBeGreaterThan(1);
    next.set({ width: 'narrow' });
    expect(next.measure).toBe('32em');
  });

  test('stored nonsense reads as the defaults', () => {
    const backing = memory();
    new Store(backing).write('reading-look', { size: 'huge', width: 'wide', font: 'serif' });
    expect(new ReadingLook(new Store(backing)).look.size).toBe('medium');
  });
});
