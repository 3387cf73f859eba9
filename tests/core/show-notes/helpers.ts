// Shared by the property tests of the transcript parsers and the show-notes finders.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ParseResult, SpokenCue } from '../../../src/core/model.ts';
import { cuesToTurns } from '../../../src/core/transcript/turns.ts';

/** Asserts a parsed timeline is sorted by start, well formed, and within `duration` if given. */
export function checkTimeline(r: ParseResult<SpokenCue[]>, duration: number | null = null): void {
  let prev = -Infinity;
  for (const cue of r.value) {
    expect(Number.isFinite(cue.start)).toBe(true);
    expect(cue.start).toBeGreaterThanOrEqual(prev);
    expect(cue.end).toBeGreaterThanOrEqual(cue.start);
    expect(cue.text).not.toBe('');
    if (duration !== null) {
      expect(cue.start).toBeLessThan(duration);
      expect(cue.end).toBeLessThanOrEqual(duration);
    }
    prev = cue.start;
    for (const w of cue.words ?? []) {
      expect(cue.text.slice(w.offset, (w.offset ?? 0) + w.text.length)).toBe(w.text);
    }
  }
  for (const e of r.errors) expect(e.message).not.toBe('');
  // The turns built from them keep their offsets.
  for (const turn of cuesToTurns(r.value)) {
    for (const c of turn.cues)
      expect(turn.text.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
  }
}

/** Random edits of a valid file: deletions, insertions of tricky pieces, duplications. */
export function mutations(source: string, pieces: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(source.length), fc.nat(40), fc.constantFrom(...pieces), fc.nat(2));
  return fc.array(edit, { maxLength: 8 }).map((edits) => {
    let s = source;
    for (const [at, len, piece, kind] of edits) {
      const i = at % (s.length + 1);
      if (kind === 0) s = s.slice(0, i) + s.slice(i + len);
      else if (kind === 1) s = s.slice(0, i) + piece + s.slice(i);
      else s = s.slice(0, i) + s.slice(i, i + len) + s.slice(i);
    }
    return s;
  });
}
