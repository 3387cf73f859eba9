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
  test('a quote ending inside a cue marks its own words, not the rest of the cue (#14)', () => {
    const turns: Turn[] = [
      cueTurn(
        0,
        'Ada',
        ['He fixed radios for the whole street, in his old kitchen.', 'Then more.'],
        6,
      ),
    ];
    const q = buildQuote(
      turns,
      { turn: 0, offset: 3 },
      { turn: 0, offset: 'He fixed radios for the whole street'.length },
      { episodeTitle: 'E', showTitle: 'S', appBase: 'https://v.example/' },
    )!;
    const link = new URL(q.link);
    const r = rangeForTimes(
      turns,
      Number(link.searchParams.get('t')),
      Number(link.searchParams.get('end')),
    )!;
    expect(turns[0]!.text.slice(r.from.offset, r.to.offset)).toBe(q.text);
    expect(q.text).toBe('fixed radios for the whole street');
  });
  test('every word-aligned selection of a long turn maps back to its own words through its link', () => {
    const text = Array.from({ length: 60 }, (_, i) => `word${i}${i % 7 === 6 ? '.' : ''}`).join(
      ' ',
    );
    const turns: Turn[] = [
      {
        start: 100,
        end: 160,
        speaker: 'Ada',
        text,
        cues: [{ start: 100, end: 160, text, offset: 0 }],
      },
    ];
    const bounds = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
    for (let i = 0; i < bounds.length; i += 5) {
      for (let j = i; j < bounds.length; j += 7) {
        const q = buildQuote(
          turns,
          { turn: 0, offset: bounds[i]![0]! },
          { turn: 0, offset: bounds[j]![1]! },
          { episodeTitle: 'E', showTitle: 'S', appBase: 'https://v.example/' },
        )!;
        const link = new URL(q.link);
        const t = Number(link.searchParams.get('t'));
        const end = Number(link.searchParams.get('end') ?? t + 0.01);
        const r = rangeForTimes(turns, t, end)!;
        expect(text.slice(r.from.offset, r.to.offset)).toBe(q.text);
      }
    }
  });
  test('a selection that stops inside a word marks just as much of it', () => {
    const text = 'It still works. It is up there, next to the kettle.';
    const turns: Turn[] = [
      { start: 0, end: 20, speaker: 'Ada', text, cues: [{ start: 0, end: 20, text, offset: 0 }] },
    ];
    const q = buildQuote(
      turns,
      { turn: 0, offset: 3 },
      { turn: 0, offset: text.indexOf('the kettle') + 2 },
      { episodeTitle: 'E', showTitle: 'S', appBase: 'https://v.example/' },
    )!;
    const link = new URL(q.link);
    const r = rangeForTimes(
      turns,
      Number(link.searchParams.get('t')),
      Number(link.searchParams.get('end')),
    )!;
    expect(text.slice(r.from.offset, r.to.offset)).toBe('still works. It is up there, next to th');
  });
  test('nothing for an empty or reversed range', () => {
    expect(rangeForTimes(TURNS, 5, 5)).toBeNull();
    expect(rangeForTimes([], 1, 2)).toBeNull();
  });
});
