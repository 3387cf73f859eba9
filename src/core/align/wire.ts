// The word-timing protocol between the page and the server's aligner (#12), and a reader for its
// events that never throws: a malformed event becomes an issue, never a crash or a wrong time.
import type { ParseResult, Turn } from '../model.ts';

/** One turn as the page asks for it: published times and the text exactly as the page shows it. */
export interface AlignRequestTurn {
  /** Published start, seconds. */
  start: number;
  /** Published end, seconds, or null when unknown. */
  end: number | null;
  text: string;
}

/** Body of `POST /api/align`. */
export interface AlignRequest {
  /** The enclosure URL, as the page plays it. */
  audio: string;
  /** BCP 47 language of the transcript, or null when the feed does not say. */
  language: string | null;
  /** Seconds of audio the listener is at: aligned first. */
  focus: number;
  turns: AlignRequestTurn[];
}

/** A word found in the audio: characters [from, to) of the turn's text, heard from start to end (s). */
export interface AlignedWord {
  from: number;
  to: number;
  start: number;
  end: number;
  /** Not found in the audio: its time is guessed from its place (shown as ≈, never as exact). */
  estimated?: true;
}

/**
 * How a turn's times were found: `aligned` at its published place, `shifted` elsewhere (an ad was
 * inserted before it), `missing` (its words are not in the audio), `estimated` (not found: guessed).
 */
export type TurnStatus = 'aligned' | 'shifted' | 'missing' | 'estimated';

export interface TurnResult {
  index: number;
  /** Audio seconds. */
  start: number;
  end: number | null;
  status: TurnStatus;
  words: AlignedWord[];
}

/** The copy of the audio that was aligned. */
export interface AlignMeta {
  /** Decoded duration, seconds. */
  duration: number;
  audio: { url: string; length: number | null; etag: string | null };
}

/** Speech in the audio that the transcript lacks (an inserted ad), audio seconds. */
export interface SpeechGap {
  start: number;
  end: number;
}

export type AlignEvent =
  | { type: 'meta'; meta: AlignMeta }
  | { type: 'turn'; turn: TurnResult }
  | { type: 'gap'; gap: SpeechGap }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done' }
  | { type: 'error'; code: string; message: string };

/** The request for a transcript's turns (times as published, text as shown). */
export function alignRequest(
  audio: string,
  language: string | null,
  focus: number,
  turns: readonly Turn[],
): AlignRequest {
  return {
    audio,
    language,
    focus: Math.max(0, Number.isFinite(focus) ? focus : 0),
    turns: turns.map((t) => ({
      start: t.start,
      end: Number.isFinite(t.end) && t.end > t.start ? t.end : null,
      text: t.text,
    })),
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const time = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const count = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const STATUSES: readonly string[] = ['aligned', 'shifted', 'missing', 'estimated'];

function word(v: unknown): AlignedWord | null {
  if (!isObj(v)) return null;
  const { from, to, start, end } = v;
  if (!count(from) || !count(to) || to <= from || !time(start) || !time(end) || end < start)
    return null;
  return v['estimated'] === true
    ? { from, to, start, end, estimated: true }
    : { from, to, start, end };
}

function turnResult(v: unknown, issues: string[]): TurnResult | null {
  if (!isObj(v) || !count(v['index']) || !time(v['start'])) return null;
  const status = typeof v['status'] === 'string' ? v['status'] : '';
  if (!STATUSES.includes(status)) return null;
  const end = time(v['end']) && v['end'] >= v['start'] ? v['end'] : null;
  const words: AlignedWord[] = [];
  for (const w of Array.isArray(v['words']) ? v['words'] : []) {
    const ok = word(w);
    if (ok) words.push(ok);
    else issues.push(`Turn ${v['index']}: a word without a usable place or time was skipped.`);
  }
  return { index: v['index'], start: v['start'], end, status: status as TurnStatus, words };
}

/** Reads one server-sent event (its `event:` name and `data:` text); null for an unknown or unusable one. */
export function parseAlignEvent(type: string, data: string): ParseResult<AlignEvent | null> {
  const issues: string[] = [];
  const result = (value: AlignEvent | null) => ({
    value,
    errors: issues.map((message) => ({ message })),
  });
  let body: unknown;
  try {
    body = data.trim() === '' ? {} : JSON.parse(data);
  } catch {
    issues.push(`The aligner sent a "${type}" event that is not JSON.`);
    return result(null);
  }
  const v = isObj(body) ? body : {};
  switch (type) {
    case 'meta': {
      const audio = isObj(v['audio']) ? v['audio'] : {};
      if (!time(v['duration']) || v['duration'] <= 0) break;
      return result({
        type: 'meta',
        meta: {
          duration: v['duration'],
          audio: {
            url: typeof audio['url'] === 'string' ? audio['url'] : '',
            length: count(audio['length']) ? audio['length'] : null,
            etag: typeof audio['etag'] === 'string' ? audio['etag'] : null,
          },
        },
      });
    }
    case 'turn': {
      const turn = turnResult(v, issues);
      if (turn) return result({ type: 'turn', turn });
      break;
    }
    case 'gap':
      if (time(v['start']) && time(v['end']) && v['end'] > v['start'])
        return result({ type: 'gap', gap: { start: v['start'], end: v['end'] } });
      break;
    case 'progress':
      if (count(v['done']) && count(v['total']))
        return result({
          type: 'progress',
          done: Math.min(v['done'], v['total']),
          total: v['total'],
        });
      break;
    case 'done':
      return result({ type: 'done' });
    case 'error': {
      const message = typeof v['message'] === 'string' && v['message'].trim() ? v['message'] : '';
      return result({
        type: 'error',
        code: typeof v['code'] === 'string' ? v['code'] : 'unknown',
        message: message || 'the aligner stopped without saying why.',
      });
    }
    default:
      return result(null); // an event this page does not know: ignored on purpose (newer server)
  }
  issues.push(`The aligner sent a "${type}" event the page cannot use.`);
  return result(null);
}
