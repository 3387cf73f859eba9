// Aligned results placed into the published turn (#12): words in cues, times from the audio,
// unheard text marked, and nothing taken from a result that does not fit the text.
import { describe, expect, test } from 'vitest';
import { retimeTurn, unheardRanges } from '../../../src/core/align/retime.ts';
import type { Turn } from '../../../src/core/model.ts';

// Two cues: "The kettle sang." (0–16) and "Then it stopped." (17–33).
const TURN: Turn = {
  start: 10,
  end: 16,
  speaker: 'Ada',
  text: 'The kettle sang. Then it stopped.',
  cues: [
    { start: 10, end: 13, text: 'The kettle sang.', offset: 0 },
    { start: 13, end: 16, text: 'Then it stopped.', offset: 17 },
  ],
};
const w = (from: number, to: number, start: number, end: number) => ({ from, to, start, end });
const ALL = [
  w(0, 3, 30.1, 30.3),
  w(4, 10, 30.3, 30.8),
  w(11, 15, 30.9, 31.4),
  w(17, 21, 32, 32.3),
  w(22, 24, 32.3, 32.5),
  w(25, 32, 32.5, 33.1),
];

describe('retimeTurn', () => {
  test('a shifted turn takes the audio times; each cue spans its words; published times are kept', () => {
    const out = retimeTurn(TURN, { index: 0, start: 30, end: 33.2, status: 'shifted', words: ALL });
    expect(out.start).toBe(30);
    expect(out.end).toBe(33.2);
    expect(out.published).toEqual({ start: 10, end: 16 });
    expect(out.timing).toBe('shifted');
    expect(out.unheard).toBeUndefined();
    expect(out.cues.map((c) => [c.start, c.end, c.words?.map((x) => x.text)])).toEqual([
      [30.1, 31.4, ['The', 'kettle', 'sang']],
      [32, 33.1, ['Then', 'it', 'stopped']],
    ]);
    expect(out.cues[1]?.words?.[2]).toEqual({
      start: 32.5,
      end: 33.1,
      text: 'stopped',
      offset: 25,
    });
  });

  test('words not heard are marked; a cue with no word heard sits between its neighbours', () => {
    const out = retimeTurn(TURN, {
      index: 0,
      start: 30,
      end: null,
      status: 'aligned',
      words: ALL.slice(0, 2),
    });
    expect(out.unheard).toEqual([[11, 32]]); // "sang. Then it stopped": one run
    expect(out.end).toBe(30.8); // the last word heard
    expect(out.cues[1]).toEqual({ start: 30.8, end: 30.8, text: 'Then it stopped.', offset: 17 });
  });

  test('a missing turn has no words, all of it unheard; an estimated one keeps its estimate unmarked', () => {
    const missing = retimeTurn(TURN, {
      index: 0,
      start: 12,
      end: 18,
      status: 'missing',
      words: ALL,
    });
    expect(missing.cues.some((c) => c.words)).toBe(false);
    expect(missing.unheard).toEqual([[0, 32]]);
    expect(missing.cues.map((c) => c.start)).toEqual([12, 12 + (6 * 17) / 33]);
    const guess = retimeTurn(TURN, {
      index: 0,
      start: 11,
      end: null,
      status: 'estimated',
      words: [],
    });
    expect([guess.start, guess.end, guess.timing, guess.unheard]).toEqual([
      11,
      17,
      'estimated',
      undefined,
    ]);
  });

  test('words past the text, overlapping or going back in time are dropped, never shown', () => {
    const out = retimeTurn(TURN, {
      index: 0,
      start: 30,
      end: 34,
      status: 'aligned',
      words: [w(0, 3, 30.1, 30.3), w(2, 10, 30.3, 30.8), w(11, 15, 29, 29.5), w(25, 90, 32.5, 33)],
    });
    expect(out.cues.flatMap((c) => c.words ?? []).map((x) => x.text)).toEqual(['The']);
  });
});

describe('unheardRanges', () => {
  test('punctuation and spaces between words are never unheard', () => {
    expect(unheardRanges('Yes — no!', [w(0, 3, 0, 1), w(6, 8, 1, 2)])).toEqual([]);
    expect(unheardRanges('Yes, GPU-4 no.', [w(0, 3, 0, 1), w(11, 13, 1, 2)])).toEqual([[5, 10]]);
  });
});
