// Where to look for each turn in the audio, in which order, and what to call the result:
// turns nearest the listener's position first; each window placed by the offset that the
// nearest aligned turn showed (an inserted ad moves everything after it); shifted windows to
// search when a turn is not where expected.

export interface TurnInput {
  /** Published start, seconds. */
  start: number;
  /** Published end, or null when only starts are known. */
  end: number | null;
  text: string;
}

export type TurnStatus = 'aligned' | 'shifted' | 'missing' | 'estimated';

export interface WordTime {
  from: number;
  to: number;
  start: number;
  end: number;
  /** Set when this word's time is an estimate inside an otherwise aligned turn. */
  estimated?: true;
}

export interface TurnResult {
  index: number;
  start: number;
  end: number;
  status: TurnStatus;
  words: WordTime[];
}

/** A turn further than this from its published time is reported as shifted. */
export const SHIFT_TOLERANCE = 1.5;

/** Seconds a word takes when nothing better is known (for ends and estimates). */
export const SECONDS_PER_WORD = 0.35;

/** The published start and end of turn i (the next start, or an estimate from its length). */
export function publishedSpan(turns: readonly TurnInput[], i: number): [number, number] {
  const turn = turns[i];
  if (!turn) throw new RangeError(`No turn ${i}.`);
  const words = turn.text.split(/\s+/).filter((w) => w !== '').length;
  const guess = turn.start + Math.max(1, words * SECONDS_PER_WORD);
  const next = turns[i + 1]?.start;
  const end = turn.end ?? (next !== undefined && next > turn.start ? next : guess);
  return [turn.start, Math.max(end, turn.start + 0.2)];
}

/** Indices ordered by how far their published span is from the focus position. */
export function orderByFocus(turns: readonly TurnInput[], focus: number): number[] {
  const distance = (i: number): number => {
    const [a, b] = publishedSpan(turns, i);
    return focus < a ? a - focus : focus > b ? focus - b : 0;
  };
  return turns.map((_, i) => i).sort((x, y) => distance(x) - distance(y) || x - y);
}

/** Audio time minus published time, from the nearest turn already found (earlier ones first). */
export function predictOffset(
  turns: readonly TurnInput[],
  results: ReadonlyArray<TurnResult | undefined>,
  i: number,
): number {
  const found = (r: TurnResult | undefined): r is TurnResult =>
    r !== undefined && (r.status === 'aligned' || r.status === 'shifted');
  for (let j = i - 1; j >= 0; j--) {
    const r = results[j];
    if (found(r)) return r.start - (turns[j]?.start ?? r.start);
  }
  for (let j = i + 1; j < turns.length; j++) {
    const r = results[j];
    if (found(r)) return r.start - (turns[j]?.start ?? r.start);
  }
  return 0;
}

/** Margin around a turn's expected span: enough for drift, small enough not to swallow neighbours. */
export function padFor(span: readonly [number, number]): number {
  return 3 + 0.15 * (span[1] - span[0]);
}

export function windowFor(
  span: readonly [number, number],
  offset: number,
  duration: number,
): [number, number] {
  const pad = padFor(span);
  const a = Math.max(0, span[0] + offset - pad);
  const b = Math.min(duration, span[1] + offset + pad);
  return [a, Math.max(a, b)];
}

/**
 * Further offsets to try when the turn is not at the expected one: later first (inserted ads
 * are the usual cause), then earlier, stepping by less than two margins so every offset in
 * range is covered by some window.
 */
export function searchOffsets(
  span: readonly [number, number],
  offset: number,
  maxLater: number,
  maxEarlier: number,
): number[] {
  const step = padFor(span) * 1.5;
  const out: number[] = [];
  for (let k = 1; k * step <= Math.max(maxLater, maxEarlier); k++) {
    if (k * step <= maxLater) out.push(offset + k * step);
    if (k * step <= maxEarlier) out.push(offset - k * step);
  }
  return out;
}

export function statusFor(published: number, audio: number): 'aligned' | 'shifted' {
  return Math.abs(audio - published) > SHIFT_TOLERANCE ? 'shifted' : 'aligned';
}

/** Word times spread over [start, end] by character count: an estimate, marked as one. */
export function estimateWords(
  tokens: ReadonlyArray<{ from: number; to: number }>,
  start: number,
  end: number,
): WordTime[] {
  const weight = (t: { from: number; to: number }): number => t.to - t.from + 1;
  const total = tokens.reduce((n, t) => n + weight(t), 0);
  const span = Math.max(0, end - start);
  let at = start;
  return tokens.map((t) => {
    const length = total > 0 ? (span * weight(t)) / total : 0;
    const word: WordTime = { from: t.from, to: t.to, start: at, end: at + length, estimated: true };
    at += length;
    return word;
  });
}

/** True when a turn of this many words cannot fit between its found neighbours. */
export function tooShortFor(words: number, seconds: number, speechSeconds: number): boolean {
  const need = words * SECONDS_PER_WORD * 0.3;
  return seconds < need || speechSeconds < need;
}

/** No spoken word lasts this long: a longer one was stretched over speech it is not (an ad's end). */
export const MAX_WORD_SECONDS = 1.6;

export function plausibleWords(words: ReadonlyArray<{ d: number }>): boolean {
  return words.every((w) => w.d <= MAX_WORD_SECONDS);
}
