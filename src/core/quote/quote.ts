// Quote any passage (issue "Quote any passage"): a transcript selection → words, speakers, times, link.
import { buildDeepLink } from './deep-link.ts';
import type { Turn } from '../model.ts';
import type { TextPoint } from './text-point.ts';
import { clamp, finite, timeAt, timeIsEstimate } from '../turn-time.ts';

export type { TextPoint } from './text-point.ts';
export { pointAtLabel } from './text-point.ts';

/** One turn's share of a quote. */
export interface QuoteSegment {
  /** The speaker's name, or '' when unknown. */
  speaker: string;
  /** The selected words of this turn, whitespace tidied. */
  text: string;
  /** Seconds (audio time). */
  start: number;
}

export interface Quote {
  id: string;
  /** The selected words verbatim, whitespace runs collapsed to one space and ends trimmed. */
  text: string;
  /** Distinct known speakers, in order of appearance ('' is left out). */
  speakers: string[];
  segments: QuoteSegment[];
  /** Seconds (audio time). */
  start: number;
  /** Seconds (audio time), ≥ start. */
  end: number;
  /**
   * True when start or end is interpolated inside a turn or cue rather than read from a word or
   * cue boundary: shown as `≈` wherever the time is (#14). Absent on quotes saved before.
   */
  estimated?: boolean;
  episodeTitle: string;
  showTitle: string;
  feedUrl?: string;
  guid?: string;
  /** Deep link `?feed=…&episode=…&t=…&end=…`, or '' when the app's address is unusable. */
  link: string;
  /** Epoch ms. */
  createdAt: number;
}

export interface QuoteContext {
  feedUrl?: string;
  guid?: string;
  episodeTitle: string;
  showTitle: string;
  /** The app's address without query, e.g. `location.origin + location.pathname`. */
  appBase: string;
  /** The listener's transcript timing offset (player.offset): quote times are audio times. */
  offset?: number;
}

export interface QuoteDeps {
  /** Epoch ms; defaults to Date.now. */
  now?: () => number;
  /** [0, 1); defaults to Math.random. */
  random?: () => number;
}

/** Collapses whitespace runs to one space and trims the ends; nothing else changes. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function makeId(now: number, random: () => number): string {
  const r = Math.floor(clamp(random(), 0, 0.999999999) * 36 ** 8);
  return `${now.toString(36)}-${r.toString(36).padStart(8, '0')}`;
}

function ordered(from: TextPoint, to: TextPoint): [TextPoint, TextPoint] {
  const reversed = from.turn > to.turn || (from.turn === to.turn && from.offset > to.offset);
  return reversed ? [to, from] : [from, to];
}

/** Offsets of the first and past-the-last non-space characters of `text` in [a, b), or null. */
function trimmedRange(text: string, a: number, b: number): [number, number] | null {
  let s = a;
  let e = b;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return s < e ? [s, e] : null;
}

/**
 * The quote for a selection (either direction), or null when it holds no words or points outside
 * the transcript. Keeps exactly the selected characters (a half-selected word stays half), tidying
 * only whitespace; turns are joined with one space.
 */
export function buildQuote(
  turns: readonly Turn[],
  fromPoint: TextPoint,
  toPoint: TextPoint,
  context: QuoteContext,
  deps: QuoteDeps = {},
): Quote | null {
  const [from, to] = ordered(fromPoint, toPoint);
  const first = turns[from.turn];
  const last = turns[to.turn];
  if (!first || !last) return null;
  const shift = finite(context.offset ?? 0, 0);
  const audio = (t: number) => Math.max(0, t + shift);

  const segments: QuoteSegment[] = [];
  // Where the words themselves begin and end (whitespace and empty turn ends are not timed).
  let head: TextPoint | null = null;
  let tail: TextPoint = to;
  for (let i = from.turn; i <= to.turn; i++) {
    const turn = turns[i];
    if (!turn) continue;
    const a = i === from.turn ? clamp(finite(from.offset, 0), 0, turn.text.length) : 0;
    const b = i === to.turn ? clamp(finite(to.offset, 0), 0, turn.text.length) : turn.text.length;
    const range = trimmedRange(turn.text, a, b);
    if (!range) continue;
    head ??= { turn: i, offset: range[0] };
    tail = { turn: i, offset: range[1] };
    const text = tidy(turn.text.slice(range[0], range[1]));
    segments.push({ speaker: turn.speaker, text, start: audio(timeAt(turn, range[0], 'start')) });
  }
  if (head === null) return null;

  const lo = finite(first.start, 0);
  const hi = Math.max(lo, finite(last.end, lo));
  const headTurn = turns[head.turn] ?? first;
  const tailTurn = turns[tail.turn] ?? last;
  let start = Math.max(lo, timeAt(headTurn, head.offset, 'start'));
  let end = Math.min(hi, timeAt(tailTurn, tail.offset, 'end'));
  const estimated =
    timeIsEstimate(headTurn, head.offset, 'start') || timeIsEstimate(tailTurn, tail.offset, 'end');
  // Only punctuation between two words, or overlapping turns: collapse to one instant.
  if (end < start) start = end = clamp(start, lo, hi);
  start = audio(start);
  end = audio(end);
  const firstSegment = segments[0];
  if (firstSegment) firstSegment.start = start;

  const createdAt = (deps.now ?? Date.now)();
  let link = '';
  try {
    link = buildDeepLink(context.appBase, {
      feed: context.feedUrl,
      episode: context.guid,
      t: start,
      end: end > start ? end : undefined,
    });
  } catch {
    // An unusable app address: the quote is still worth keeping without a link.
  }
  const quote: Quote = {
    id: makeId(createdAt, deps.random ?? Math.random),
    text: segments.map((s) => s.text).join(' '),
    speakers: [...new Set(segments.map((s) => s.speaker).filter((s) => s !== ''))],
    segments,
    start,
    end,
    ...(estimated ? { estimated } : {}),
    episodeTitle: context.episodeTitle,
    showTitle: context.showTitle,
    link,
    createdAt,
  };
  if (context.feedUrl) quote.feedUrl = context.feedUrl;
  if (context.guid) quote.guid = context.guid;
  return quote;
}
