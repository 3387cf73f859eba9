// Find-in-transcript: folding, offsets that line up with the turn text, limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/core/model.ts';
import { findMatches, fold } from '../../src/core/search.ts';

const turn = (text: string, start = 0): Turn => ({
  start,
  end: start + 1,
  speaker: '',
  text,
  cues: [{ start, end: start + 1, text, offset: 0 }],
});

describe('findMatches', () => {
  it('ignores case and accents; offsets point at the words in the original text', () => {
    const turns = [
      turn('Café society at the CAFE.'),
      turn('No match here.'),
      turn('un café, deux cafés', 5),
    ];
    const matches = findMatches(turns, 'cafe');
    expect(
      matches.map((m) => [m.turn, turns[m.turn]!.text.slice(m.offset, m.offset + m.length)]),
    ).toEqual([
      [0, 'Café'],
      [0, 'CAFE'],
      [2, 'café'],
      [2, 'café'],
    ]);
  });

  it('collapses spaces in the query, needs two characters (or one digit), and stops at the limit', () => {
    const turns = [turn('one two  three two'), turn('2 for 2')];
    expect(findMatches(turns, '  two ')).toHaveLength(2);
    expect(findMatches(turns, 't')).toEqual([]);
    expect(findMatches(turns, '2')).toHaveLength(2);
    expect(findMatches([turn('aa aa aa aa')], 'aa', 3)).toHaveLength(3);
  });

  it('gives the same answers for the same transcript asked again (folded once, then reused)', () => {
    const turns = [turn('Ünïcode ünicode UNICODE')];
    const first = findMatches(turns, 'unicode');
    expect(first).toHaveLength(3);
    expect(findMatches(turns, 'unicode')).toEqual(first);
    expect(findMatches(turns, 'code')).toHaveLength(3);
  });

  it('folding keeps one character per UTF-16 unit, so every offset lines up', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const folded = fold(text);
        expect(folded.length).toBe(text.length);
        if (!/[^\x00-\x7f]/.test(text)) expect(folded).toBe(text.toLowerCase());
        // The same as folding one code point at a time.
        let slow = '';
        for (const ch of text) {
          const base = ch
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase();
          slow +=
            base.length === ch.length
              ? base
              : ch.toLowerCase().length === ch.length
                ? ch.toLowerCase()
                : ch;
        }
        expect(folded).toBe(slow);
      }),
    );
    // A lone high surrogate before a real pair: the pair still folds as one character.
    expect(fold('\ud800\u{10400}')).toBe('\ud800\u{10428}');
  });
});
