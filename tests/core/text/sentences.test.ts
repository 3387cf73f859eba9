import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateSentences,
  fallbackSentenceRanges,
  type SentenceSpan,
} from '../../../src/core/text/sentences.ts';

function expectWellFormed(text: string, spans: SentenceSpan[], start: number, end: number): void {
  let prevEnd = start;
  let prevOffset = 0;
  for (const s of spans) {
    expect(s.length).toBeGreaterThan(0);
    expect(s.offset).toBeGreaterThanOrEqual(prevOffset);
    const piece = text.slice(s.offset, s.offset + s.length);
    expect(piece).toBe(piece.trim());
    expect(s.start).toBeCloseTo(prevEnd, 9);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    prevEnd = s.end;
    prevOffset = s.offset + s.length;
  }
  if (spans.length > 0) expect(spans[spans.length - 1]?.end).toBe(Math.max(start, end));
  // Every non-space character is inside some span.
  const covered = new Array<boolean>(text.length).fill(false);
  for (const s of spans) for (let k = s.offset; k < s.offset + s.length; k++) covered[k] = true;
  for (let k = 0; k < text.length; k++) {
    if (!/\s/.test(text.charAt(k))) expect(covered[k]).toBe(true);
  }
}

describe('estimateSentences', () => {
  it('splits sentences and spreads the time by characters', () => {
    const text = 'Short one. This sentence is much longer than that. End!';
    const spans = estimateSentences(text, 10, 20);
    expect(spans.map((s) => text.slice(s.offset, s.offset + s.length))).toEqual([
      'Short one.',
      'This sentence is much longer than that.',
      'End!',
    ]);
    const chars = 10 + 39 + 4;
    expect(spans[0]?.start).toBe(10);
    expect(spans[0]?.end).toBeCloseTo(10 + (10 * 10) / chars, 9);
    expect(spans[1]?.end).toBeCloseTo(10 + (10 * 49) / chars, 9);
    expect(spans[2]?.end).toBe(20);
    expectWellFormed(text, spans, 10, 20);
  });

  it('trims surrounding whitespace from spans', () => {
    const text = '  Leading space.   Trailing space.  ';
    const spans = estimateSentences(text, 0, 4);
    expect(spans.map((s) => text.slice(s.offset, s.offset + s.length))).toEqual([
      'Leading space.',
      'Trailing space.',
    ]);
  });

  it('gives one span to text without sentence punctuation', () => {
    expect(estimateSentences('no full stop here', 3, 7)).toEqual([
      { offset: 0, length: 17, start: 3, end: 7 },
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(estimateSentences('', 0, 10)).toEqual([]);
    expect(estimateSentences('   \n ', 0, 10)).toEqual([]);
  });

  it('gives zero-length times when the end is before the start', () => {
    const spans = estimateSentences('One. Two.', 5, 4);
    expect(spans.every((s) => s.start === 5 && s.end === 5)).toBe(true);
  });

  it('has sums, monotonic times and full coverage for any text', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('Word', ' ', '.', '!', '?', '\n', 'é', '。', '"', 'Mr. ', '3.5'), {
            maxLength: 40,
          })
          .map((a) => a.join('')),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (text, start, duration) => {
          const spans = estimateSentences(text, start, start + duration);
          expectWellFormed(text, spans, start, start + duration);
          const sum = spans.reduce((acc, s) => acc + (s.end - s.start), 0);
          if (spans.length > 0) expect(sum).toBeCloseTo(duration, 6);
        },
      ),
    );
  });
});

describe('fallbackSentenceRanges (engines without Intl.Segmenter)', () => {
  it('splits on terminal punctuation', () => {
    const text = 'Is it? Yes! It is. 終わり。次';
    expect(fallbackSentenceRanges(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'Is it?',
      'Yes!',
      'It is.',
      '終わり。',
      '次',
    ]);
  });

  it('covers every non-space character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const ranges = fallbackSentenceRanges(text);
        const covered = new Array<boolean>(text.length).fill(false);
        for (const [a, b] of ranges) for (let k = a; k < b; k++) covered[k] = true;
        for (let k = 0; k < text.length; k++)
          if (!/\s/.test(text.charAt(k))) expect(covered[k]).toBe(true);
      }),
    );
  });
});
