// Podcasting 2.0 JSON transcripts → SpokenCue[]:
// `{"version":"1.0.0","segments":[{"speaker","startTime","endTime","body"}]}`. Segments may be
// whole phrases or single words; runs of single words become cues with word timings.
import type { ParseIssue, ParseResult, SpokenCue, SpokenWord } from '../model.ts';
import { isRecord, jsonSeconds } from '../json-values.ts';
import { renderCueText } from './vtt-cue-text.ts';

interface Segment {
  start: number;
  end: number | null;
  body: string;
  speaker: string | null;
}

function pick(item: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) if (item[key] !== undefined) return item[key];
  return undefined;
}

/** Longest pause inside one cue of word segments, and most words in one. */
const MAX_GAP = 1.5;
const MAX_WORDS = 15;
const SENTENCE_END = /[.!?…。！？]["'”’)\]]*$/u;
/** Punctuation that attaches to the word before it, with no space. */
const ATTACHED = /^[.,!?;:…%)\]}”’»。！？、，]+$/u;

function readSegments(list: unknown[], errors: ParseIssue[]): Segment[] {
  const segments: Segment[] = [];
  let bad = 0;
  for (const item of list) {
    if (!isRecord(item)) {
      bad++;
      continue;
    }
    const start = jsonSeconds(pick(item, 'startTime', 'start'));
    const rawBody = pick(item, 'body', 'text');
    if (start === null || (typeof rawBody !== 'string' && typeof rawBody !== 'number')) {
      bad++;
      continue;
    }
    // What the listener reads: markup dropped and character references decoded, as in the other
    // formats (some publishers put `&amp;` or `<i>` into JSON bodies).
    const body = renderCueText(String(rawBody)).text.replace(/\s+/g, ' ').trim();
    if (body === '') continue;
    const end = jsonSeconds(pick(item, 'endTime', 'end'));
    const who = item['speaker'];
    const speaker = typeof who === 'string' && who.trim() !== '' ? who.trim() : null;
    segments.push({ start, end: end !== null && end >= start ? end : null, body, speaker });
  }
  if (bad > 0) {
    errors.push({
      message:
        bad === 1
          ? 'A segment without a start time or text was skipped.'
          : `${bad} segments without a start time or text were skipped.`,
    });
  }
  return segments;
}

const isWord = (s: Segment): boolean => !s.body.includes(' ');

/** Joins a run of word segments into one cue with word timings. */
function wordCue(run: Segment[], speaker: string | null, nextStart: number | null): SpokenCue {
  let text = '';
  const words: SpokenWord[] = [];
  for (let k = 0; k < run.length; k++) {
    const w = run[k];
    if (w === undefined) continue;
    if (text !== '' && !ATTACHED.test(w.body)) text += ' ';
    const end = w.end ?? run[k + 1]?.start ?? nextStart ?? w.start;
    words.push({ start: w.start, end: Math.max(end, w.start), text: w.body, offset: text.length });
    text += w.body;
  }
  const first = words[0]?.start ?? 0;
  const last = words.reduce((m, w) => Math.max(m, w.end ?? w.start), first);
  return { start: first, end: last, text, speaker, words };
}

/** Groups segments into cues: phrases stay as they are, runs of single words are joined. */
function toCues(segments: Segment[]): SpokenCue[] {
  const cues: SpokenCue[] = [];
  let speaker: string | null = null;
  let k = 0;
  while (k < segments.length) {
    const seg = segments[k];
    if (seg === undefined) break;
    const own = seg.speaker;
    const resolved: string | null = own ?? speaker;
    const next = segments[k + 1];
    if (!isWord(seg) || next === undefined || !isWord(next)) {
      const end = seg.end ?? next?.start ?? seg.start;
      cues.push({ start: seg.start, end: Math.max(end, seg.start), text: seg.body, speaker: own });
      speaker = resolved;
      k++;
      continue;
    }
    const run: Segment[] = [seg];
    k++;
    while (k < segments.length && run.length < MAX_WORDS) {
      const prev = run[run.length - 1];
      const w = segments[k];
      if (prev === undefined || w === undefined || !isWord(w)) break;
      if (w.speaker !== null && w.speaker !== resolved) break;
      if (SENTENCE_END.test(prev.body) && !ATTACHED.test(w.body)) break;
      if (w.start - (prev.end ?? prev.start) > MAX_GAP) break;
      run.push(w);
      k++;
    }
    cues.push(wordCue(run, own, segments[k]?.start ?? null));
    speaker = resolved;
  }
  return cues;
}

/** Parses a JSON transcript (or a bare array of segments). Never throws. */
export function parseTranscriptJson(input: string): ParseResult<SpokenCue[]> {
  const errors: ParseIssue[] = [];
  let data: unknown;
  try {
    data = JSON.parse(typeof input === 'string' ? input.replace(/^\uFEFF/, '') : '');
  } catch {
    return { value: [], errors: [{ message: 'The transcript file is not valid JSON.' }] };
  }
  const list = isRecord(data) ? data['segments'] : data;
  if (!Array.isArray(list)) {
    return { value: [], errors: [{ message: 'The transcript file has no "segments" list.' }] };
  }
  const segments = readSegments(list, errors);
  for (let k = 1; k < segments.length; k++) {
    if ((segments[k]?.start ?? 0) < (segments[k - 1]?.start ?? 0)) {
      errors.push({ message: 'The segments were out of order; they were sorted by start time.' });
      segments.sort((a, b) => a.start - b.start);
      break;
    }
  }
  return { value: toCues(segments), errors };
}
