// Estimated sentence timing inside a turn that has no finer timing: the turn's duration is
// spread over its sentences by character count. An estimate, to be shown as one.

export interface SentenceSpan {
  /** Character offset of the sentence (whitespace trimmed) in the text. */
  offset: number;
  length: number;
  /** Estimated start and end, in seconds. */
  start: number;
  end: number;
}

type Segmenter = { segment(text: string): Iterable<{ segment: string; index: number }> };

let segmenter: Segmenter | null | undefined;

function intlSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter =
        typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
          ? new Intl.Segmenter(undefined, { granularity: 'sentence' })
          : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

/** Sentence ends for engines without `Intl.Segmenter`: terminal punctuation, closers, spaces. */
const FALLBACK_SENTENCE = /[^.!?…。！？]*(?:[.!?…。！？]+["'”’)\]]*\s*|$)/gu;

/** Pushes `[from, to)` trimmed of whitespace, unless nothing is left. */
function pushTrimmed(spans: [number, number][], text: string, from: number, to: number): void {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text.charAt(a))) a++;
  while (b > a && /\s/.test(text.charAt(b - 1))) b--;
  if (b > a) spans.push([a, b]);
}

/** Sentence ranges `[offset, end)` found without `Intl.Segmenter`. Exported for tests. */
export function fallbackSentenceRanges(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(FALLBACK_SENTENCE)) {
    if (m[0] === '') continue;
    pushTrimmed(spans, text, m.index, m.index + m[0].length);
  }
  return spans;
}

/** Sentence ranges `[offset, end)`, whitespace trimmed, in text order. */
export function sentenceRanges(text: string): [number, number][] {
  const seg = intlSegmenter();
  if (seg === null) return fallbackSentenceRanges(text);
  const spans: [number, number][] = [];
  for (const s of seg.segment(text)) pushTrimmed(spans, text, s.index, s.index + s.segment.length);
  return spans;
}

/**
 * Splits `text` into sentences and spreads `[start, end]` over them in proportion to their
 * character counts. Spans are contiguous in time: each starts where the previous ended, the
 * first at `start`, the last at `end` (or `start` when end < start).
 */
export function estimateSentences(text: string, start: number, end: number): SentenceSpan[] {
  const ranges = sentenceRanges(text);
  let total = 0;
  for (const [a, b] of ranges) total += b - a;
  const duration = Math.max(0, end - start);
  const out: SentenceSpan[] = [];
  let chars = 0;
  let prev = start;
  for (let k = 0; k < ranges.length; k++) {
    const range = ranges[k];
    if (range === undefined) continue;
    const [a, b] = range;
    chars += b - a;
    const stop = k === ranges.length - 1 ? start + duration : start + (duration * chars) / total;
    out.push({ offset: a, length: b - a, start: prev, end: stop });
    prev = stop;
  }
  return out;
}
