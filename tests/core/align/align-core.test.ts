import { describe, expect, test } from 'vitest';
import { baseKey, turnGrammar, turnWords } from '../../../src/core/align/grammar.ts';
import { ipaToCmu, isAcronym, spellLetters } from '../../../src/core/align/ipa.ts';
import {
  estimateWords,
  orderByFocus,
  predictOffset,
  publishedSpan,
  searchOffsets,
  plausibleWords,
  statusFor,
  type TurnResult,
} from '../../../src/core/align/plan.ts';
import { findGaps, FRAME_RATE, frameLevels, speechFlags } from '../../../src/core/align/speech.ts';
import { keysOf, tokenize } from '../../../src/core/align/tokens.ts';

describe('tokenize', () => {
  test('keeps offsets in the shown text and leaves punctuation out', () => {
    const text = '“Well,” she said — it’s 20% off, ChatGPT-style!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.from, t.to))).toEqual([
      'Well',
      'she',
      'said',
      'it’s',
      '20%',
      'off',
      'ChatGPT-style',
    ]);
    expect(keysOf(tokens)).toEqual([
      'well',
      'she',
      'said',
      "it's",
      'q20x11',
      'off',
      'chatgpt',
      'style',
    ]);
    expect(tokens[6]?.words.map((w) => w.say)).toEqual(['ChatGPT', 'style']);
  });
  test('folds diacritics and keeps case for pronunciation', () => {
    expect(tokenize('Café GPU')[0]?.words[0]).toEqual({ key: 'cafe', say: 'Café' });
    expect(tokenize('Café GPU')[1]?.words[0]).toEqual({ key: 'gpu', say: 'GPU' });
  });
});

describe('pronunciations', () => {
  test('espeak IPA to CMU phones', () => {
    expect(ipaToCmu('zˈoːɹbjʊlˌæks')).toBe('Z AO R B Y UH L AE K S');
    expect(ipaToCmu('tʃˈæt')).toBe('CH AE T');
    expect(ipaToCmu('bˈʌtn̩')).toBe('B AH T AH N');
  });
  test('acronyms letter by letter', () => {
    expect(isAcronym('GPU')).toBe(true);
    expect(isAcronym('GPUs')).toBe(true);
    expect(isAcronym('Gpu')).toBe(false);
    expect(spellLetters('GPUs')).toBe('JH IY P IY Y UW Z');
  });
});

describe('turn grammar', () => {
  const g = turnGrammar(
    tokenize('so we can'),
    tokenize('the tide is out'),
    tokenize('reach the old lighthouse'),
  );
  test('neighbours are optional context', () => {
    expect(g.jsgf).toContain(
      'public <s> = [[[[the] tide] is] out] so we can [reach [the [old [lighthouse]]]];',
    );
  });
  test('finds the turn inside what the aligner returns', () => {
    const w = (t: string, b: number) => ({ t, b, d: 0.2 });
    const out = [
      w('<sil>', 0),
      w('is', 0.1),
      w('out', 0.3),
      w('so', 1),
      w('we', 1.2),
      w('can(2)', 1.4),
      w('reach', 2),
      w('</s>', 3),
    ];
    expect(turnWords(out, g)?.map((x) => x.b)).toEqual([1, 1.2, 1.4]);
    expect(turnWords([w('so', 1), w('can', 1.2)], g)).toBeNull();
    expect(turnWords([w('tide', 0), w('so', 1), w('we', 1.2), w('can', 1.4)], g)).toBeNull();
    expect(baseKey('to(3)')).toBe('to');
  });
});

describe('planning', () => {
  const turns = [0, 10, 20, 30].map((start) => ({ start, end: null, text: 'one two three four' }));
  test('spans, focus order, offsets from found neighbours', () => {
    expect(publishedSpan(turns, 1)).toEqual([10, 20]);
    expect(publishedSpan(turns, 3)[1]).toBeCloseTo(31.4);
    expect(orderByFocus(turns, 21)).toEqual([2, 1, 3, 0]);
    const results: Array<TurnResult | undefined> = [
      undefined,
      { index: 1, start: 32, end: 35, status: 'shifted', words: [] },
      undefined,
      undefined,
    ];
    expect(predictOffset(turns, results, 3)).toBe(22);
    expect(predictOffset(turns, results, 0)).toBe(22);
    expect(statusFor(10, 11)).toBe('aligned');
    expect(statusFor(10, 32)).toBe('shifted');
  });
  test('search offsets cover the range later first', () => {
    const offsets = searchOffsets([10, 20], 0, 30, 10);
    expect(offsets[0]).toBeGreaterThan(0);
    expect(offsets[1]).toBeLessThan(0);
    expect(Math.max(...offsets)).toBeLessThanOrEqual(30);
  });
  test('a word stretched over other speech is not plausible', () => {
    expect(plausibleWords([{ d: 0.3 }, { d: 1.1 }])).toBe(true);
    expect(plausibleWords([{ d: 0.3 }, { d: 3 }])).toBe(false);
  });
  test('estimates are marked', () => {
    const words = estimateWords(
      [
        { from: 0, to: 3 },
        { from: 4, to: 7 },
      ],
      1,
      3,
    );
    expect(words).toEqual([
      { from: 0, to: 3, start: 1, end: 2, estimated: true },
      { from: 4, to: 7, start: 2, end: 3, estimated: true },
    ]);
  });
});

describe('speech and gaps', () => {
  test('loud stretches between found turns that their times leave no room for', () => {
    const rate = 16000;
    const samples = new Int16Array(rate * 40);
    const tone = (a: number, b: number) => {
      for (let i = a * rate; i < b * rate; i++) samples[i] = Math.round(8000 * Math.sin(i / 5));
    };
    tone(1, 5); // turn 0
    tone(6, 26); // an ad
    tone(27, 31); // turn 1, published at 6
    const flags = speechFlags(frameLevels(samples, rate));
    expect(flags.length).toBe(40 * FRAME_RATE);
    const turns = [
      { start: 1, end: 5, text: 'a' },
      { start: 6, end: 10, text: 'b' },
    ];
    const results: TurnResult[] = [
      { index: 0, start: 1, end: 5, status: 'aligned', words: [] },
      { index: 1, start: 27, end: 31, status: 'shifted', words: [] },
    ];
    const gaps = findGaps(turns, results, flags);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.start).toBeCloseTo(6, 1);
    expect(gaps[0]?.end).toBeCloseTo(26, 1);
    // Published with the same room: no gap.
    expect(findGaps([turns[0]!, { start: 27, end: 31, text: 'b' }], results, flags)).toEqual([]);
  });
});
