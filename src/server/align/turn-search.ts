// Finding one turn in the audio: at the offset its neighbours suggest, then in shifted windows
// (an inserted ad moves everything after it), then between its found neighbours, then sentence
// by sentence; what is still not found keeps an estimate, and a turn with no room for it in
// the audio is reported missing.
import { turnGrammar, type AlignedWord } from '../../core/align/grammar.ts';
import {
  estimateWords,
  padFor,
  plausibleWords,
  predictOffset,
  publishedSpan,
  searchOffsets,
  statusFor,
  tooShortFor,
  windowFor,
  type TurnInput,
  type TurnResult,
  type WordTime,
} from '../../core/align/plan.ts';
import { speechSeconds } from '../../core/align/speech.ts';
import type { AlignToken } from '../../core/align/tokens.ts';
import { sentenceRanges } from '../../core/text/sentences.ts';
import type { WindowAligner } from './pool.ts';
import { MIN_SCORE } from './window-task.ts';

export interface SearchContext {
  pcm: string;
  duration: number;
  turns: readonly TurnInput[];
  tokens: ReadonlyArray<readonly AlignToken[]>;
  results: Array<TurnResult | undefined>;
  flags: Uint8Array;
  aligner: WindowAligner;
  /** How far later / earlier than published a turn is looked for. */
  maxLater: number;
  maxEarlier: number;
  signal: AbortSignal;
}

const found = (r: TurnResult | undefined): r is TurnResult =>
  r !== undefined && (r.status === 'aligned' || r.status === 'shifted');

/** Times for tokens from the aligner's words (several aligner words may make one token). */
function tokenTimes(tokens: readonly AlignToken[], words: readonly AlignedWord[]): WordTime[] {
  let k = 0;
  return tokens.map((t) => {
    const first = words[k];
    const last = words[k + t.words.length - 1];
    k += t.words.length;
    const start = first?.b ?? 0;
    return { from: t.from, to: t.to, start, end: last ? last.b + last.d : start };
  });
}

/** Tries one window; the tokens' times when the turn (or piece) is there, else null. */
async function tryWindow(
  c: SearchContext,
  piece: readonly AlignToken[],
  before: readonly AlignToken[],
  after: readonly AlignToken[],
  from: number,
  to: number,
): Promise<WordTime[] | null> {
  if (c.signal.aborted) throw c.signal.reason;
  const a = Math.max(0, from);
  const b = Math.min(c.duration, to);
  if (b - a < 0.3 || piece.length === 0) return null;
  const grammar = turnGrammar(piece, before, after);
  const words = [...before, ...piece, ...after].flatMap((t) => t.words);
  const r = await c.aligner.align({ pcm: c.pcm, from: a, to: b, words, grammar });
  if (!r.words || r.score === null || r.score < MIN_SCORE || !plausibleWords(r.words)) return null;
  return tokenTimes(piece, r.words);
}

/** A pause this long after a turn's first few words, with speech inside it, strands those words. */
const STRANDED_GAP = 1;
const STRANDED_SPEECH = 0.4;

/**
 * The edge check (#12): a window that reaches back over an inserted ad's last seconds can put a
 * turn's first words on the ad's speech, leaving a pause after them that holds speech the turn
 * then lacks (its real first words). Found that way, the turn is aligned again from the end of
 * the stranded words; the new times are kept when they no longer strand any.
 */
async function unstranded(c: SearchContext, i: number, words: WordTime[]): Promise<WordTime[]> {
  const at = strandedAt(c, words);
  if (at === null) return words;
  const tokens = c.tokens[i] ?? [];
  const [before, after] = neighbours(c, i);
  const from = words[at - 1]?.end ?? 0;
  const to = (words.at(-1)?.end ?? from) + padFor(publishedSpan(c.turns, i));
  const again = await tryWindow(c, tokens, before, after, from, to);
  return again && (again[0]?.start ?? 0) >= from - 0.05 && strandedAt(c, again) === null
    ? again
    : words;
}

/** Index of the first word after a stranding pause among a turn's first words, or null. */
function strandedAt(c: SearchContext, words: readonly WordTime[]): number | null {
  const limit = Math.min(5, Math.floor(words.length / 3));
  for (let k = 1; k <= limit; k++) {
    const a = words[k - 1]?.end ?? 0;
    const b = words[k]?.start ?? 0;
    if (b - a >= STRANDED_GAP && speechSeconds(c.flags, a + 0.1, b - 0.1) >= STRANDED_SPEECH)
      return k;
  }
  return null;
}

function resultOf(c: SearchContext, i: number, words: WordTime[]): TurnResult {
  const start = words[0]?.start ?? 0;
  const end = words.at(-1)?.end ?? start;
  return { index: i, start, end, status: statusFor(c.turns[i]?.start ?? start, start), words };
}

function neighbours(c: SearchContext, i: number): [readonly AlignToken[], readonly AlignToken[]] {
  return [c.tokens[i - 1] ?? [], c.tokens[i + 1] ?? []];
}

/** First pass: the expected window, then shifted ones. Null when it should wait for neighbours. */
export async function searchTurn(c: SearchContext, i: number): Promise<TurnResult | null> {
  const tokens = c.tokens[i] ?? [];
  const [before, after] = neighbours(c, i);
  const span = publishedSpan(c.turns, i);
  const tried = new Set<number>();
  const attempt = async (offset: number): Promise<TurnResult | null> => {
    const rounded = Math.round(offset * 10) / 10;
    if (tried.has(rounded)) return null;
    tried.add(rounded);
    const [a, b] = windowFor(span, offset, c.duration);
    const words = await tryWindow(c, tokens, before, after, a, b);
    return words ? resultOf(c, i, await unstranded(c, i, words)) : null;
  };
  const expected = predictOffset(c.turns, c.results, i);
  const direct = await attempt(expected);
  if (direct) return direct;
  for (const offset of searchOffsets(span, expected, c.maxLater, c.maxEarlier)) {
    // A neighbour found meanwhile may already know where this part of the audio went.
    const now = predictOffset(c.turns, c.results, i);
    const r = (now !== expected ? await attempt(now) : null) ?? (await attempt(offset));
    if (r) return r;
  }
  return null;
}

/** The room between the nearest found turns on either side, in audio time. */
function room(c: SearchContext, i: number): [number, number] {
  const offset = predictOffset(c.turns, c.results, i);
  const span = publishedSpan(c.turns, i);
  let a = Math.max(0, span[0] + offset - 2);
  let b = Math.min(c.duration, span[1] + offset + 2);
  for (let j = i - 1; j >= 0; j--) {
    const r = c.results[j];
    if (found(r)) {
      a = r.end;
      break;
    }
  }
  for (let j = i + 1; j < c.results.length; j++) {
    const r = c.results[j];
    if (found(r)) {
      b = r.start;
      break;
    }
  }
  return [a, Math.max(a, b)];
}

/** Second pass, once neighbours are known: between them, then sentence by sentence. */
export async function settleTurn(c: SearchContext, i: number): Promise<TurnResult> {
  const tokens = c.tokens[i] ?? [];
  const [before, after] = neighbours(c, i);
  const [a, b] = room(c, i);
  if (tokens.length === 0 || tooShortFor(tokens.length, b - a, speechSeconds(c.flags, a, b)))
    return { index: i, start: a, end: a, status: 'missing', words: [] };
  const whole = await tryWindow(c, tokens, before, after, a - 0.5, b + 0.5);
  if (whole) return resultOf(c, i, await unstranded(c, i, whole));
  const text = c.turns[i]?.text ?? '';
  const pieces = sentenceRanges(text).map(([from, to]) =>
    tokens.filter((t) => t.from >= from && t.to <= to),
  );
  const times: Array<WordTime[] | null> = [];
  for (const [k, piece] of pieces.entries()) {
    const prev = k > 0 ? (pieces[k - 1] ?? []) : before;
    const next = k + 1 < pieces.length ? (pieces[k + 1] ?? []) : after;
    times.push(pieces.length > 1 ? await tryWindow(c, piece, prev, next, a - 0.5, b + 0.5) : null);
  }
  // Estimates fill what was not found, between the found pieces around it.
  const words: WordTime[] = [];
  for (const [k, piece] of pieces.entries()) {
    const got = times[k];
    if (got) {
      words.push(...got);
      continue;
    }
    const start = words.at(-1)?.end ?? a;
    const nextFound = times.slice(k + 1).find((t) => t !== null)?.[0]?.start ?? b;
    const share = pieces.slice(k).filter((_, j) => !times[k + j]).length;
    const until = times.slice(k + 1).some((t) => t !== null) ? nextFound : b;
    const end = start + (until - start) / Math.max(1, share);
    words.push(...estimateWords(piece, start, Math.max(start, end)));
  }
  const anyFound = times.some((t) => t !== null);
  const first = words[0]?.start ?? a;
  const last = words.at(-1)?.end ?? a;
  return {
    index: i,
    start: first,
    end: last,
    status: anyFound ? statusFor(c.turns[i]?.start ?? first, first) : 'estimated',
    words,
  };
}
