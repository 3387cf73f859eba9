import { describe, expect, test } from 'vitest';
import type { Turn } from '../../../src/core/model.ts';
import { rangeForTimes } from '../../../src/core/quote/range.ts';
import { buildQuote } from '../../../src/core/quote/quote.ts';

const cueTurn = (start: number, speaker: string, sentences: string[], step = 3): Turn => {
  let offset = 0;
  const cues = sentences.map((text, i) => {
    const cue = { start: start + i * step, end: start + (i + 1) * step - 0.2, text, offset };
    offset += text.length + 1;
    return cue;
  });
  return { start, end: start + sentences.length * step, speaker, text: sentences.join(' '), cues };
};
const TURNS: Turn[] = [
  cueTurn(0, 'Ada', ['First thing.', 'Second thing here.', 'Third one.']),
  cueTurn(10, 'Ben', ['Reply starts.', 'And goes on.']),
  {
    start: 20,
    end: 30,
    speaker: 'Ada',
    text: 'one two three four five six seven eight nine ten',
    cues: [
      { start: 20, end: 30, text: 'one two three four five six seven eight nine ten', offset: 0 },
    ],
  },
];
const slice = (r: ReturnType<typeof rangeForTimes>) => {
  if (!r) return null;
  if (r.from.turn === r.to.turn) return TURNS[r.from.turn]!.text.slice(r.from.offset, r.to.offset);
  return [
    TURNS[r.from.turn]!.text.slice(r.from.offset),
    TURNS[r.to.turn]!.text.slice(0, r.to.offset),
  ];
};

describe('rangeForTimes', () => {
  test('cue-timed: whole cues from the one at t to the one at end', () => {
    expect(slice(rangeForTimes(TURNS, 3, 5.9))).toBe('Second thing here.');
    expect(slice(rangeForTimes(TURNS, 3.5, 9))).toBe('Second thing here. Third one.');
  });
  test('across turns', () => {
    expect(slice(rangeForTimes(TURNS, 6, 12))).toEqual(['Third one.', 'Reply starts.']);
  });
  test('turn-only timing is interpolated and snapped to whole words', () => {
    expect(slice(rangeForTimes(TURNS, 22, 24))).toMatch(/^(three|two) .*(four|five)$/);
  });
  test('a quote built from a selection maps back to the same words', () => {
    const q = buildQuote(
      TURNS,
      { turn: 0, offset: 13 },
      { turn: 1, offset: 13 },
      { episodeTitle: 'E', showTitle: 'S', appBase: 'https://v.example/' },
    );
    expect(q).not.toBeNull();
    const back = slice(rangeForTimes(TURNS, q!.start, q!.end));
    expect(back).toEqual(['Second thing here. Third one.', 'Reply starts.']);
  });
  test('nothing for an empty or reversed range', () => {
    expect(rangeForTimes(TURNS, 5, 5)).toBeNull();
    expect(rangeForTimes([], 1, 2)).toBeNull();
  });
});
