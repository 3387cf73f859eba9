// Requests to the transcript view and the search field go through the state that owns them (#11),
// not through a counter, an event on document or an element id.
import { describe, expect, test } from 'vitest';
import { Reader } from '../../src/state/reader.svelte.ts';
import { Search } from '../../src/state/search.svelte.ts';

function view() {
  const calls: string[] = [];
  return {
    calls,
    revealCurrent: () => void calls.push('reveal'),
    quoteSelection: () => void calls.push('quote'),
  };
}

describe('Reader', () => {
  test('follow pauses on request and back-to-now resumes it and reveals the current turn', () => {
    const reader = new Reader();
    const v = view();
    reader.attach(v);
    expect(reader.follow).toBe(true);
    reader.pauseFollow();
    expect(reader.follow).toBe(false);
    reader.backToNow();
    expect(reader.follow).toBe(true);
    reader.quoteSelection();
    expect(v.calls).toEqual(['reveal', 'quote']);
  });

  test('a detached view hears nothing; a newer view is not detached by the older one', () => {
    const reader = new Reader();
    const old = view();
    const detachOld = reader.attach(old);
    const next = view();
    reader.attach(next);
    detachOld();
    reader.backToNow();
    expect(old.calls).toEqual([]);
    expect(next.calls).toEqual(['reveal']);
  });
});

describe('Search.focus', () => {
  test('focuses the attached field, and nothing once it is gone', () => {
    const search = new Search(() => []);
    let focused = 0;
    const detach = search.attachField({ focus: () => void focused++ });
    search.focus();
    detach();
    search.focus();
    expect(focused).toBe(1);
  });
});
