// SubRip (SRT) → SpokenCue[]. Lenient where real files are sloppy (missing index lines or blank
// lines, `.` for `,`, one-digit or missing hours) and never throws. Speakers follow the common
// convention: `Name: text` on the first card of a new speaker only; later cards keep it.
import type { ParseIssue, ParseResult, SpokenCue } from '../model.ts';
import { countLabels, splitLabel, type Label } from '../text/speaker-label.ts';
import { formatVttTime } from '../time.ts';
import { renderCueText } from './vtt-cue-text.ts';

export interface SrtOptions {
  /** Names known to be speakers (from the feed); a label naming one is trusted even once. */
  speakers?: readonly string[];
}

const STAMP = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[,.:](\d{1,3}))?`;
const TIMING = new RegExp(String.raw`^\s*${STAMP}\s*-->\s*${STAMP}(?:\s|$)`);

function stampSeconds(h?: string, m?: string, s?: string, f?: string): number | null {
  const minutes = Number(m ?? '');
  const seconds = Number(s ?? '');
  if (!(minutes < 60 && seconds < 60)) return null;
  const fraction = f === undefined ? 0 : Number('0.' + f);
  return Number(h ?? 0) * 3600 + minutes * 60 + seconds + fraction;
}

/** Reads `start --> end` (coordinates after it are ignored); null when not a timing line. */
function readTiming(line: string): [number, number] | null {
  if (line.indexOf('-->') < 0) return null;
  const m = TIMING.exec(line);
  if (m === null) return null;
  const start = stampSeconds(m[1], m[2], m[3], m[4]);
  const end = stampSeconds(m[5], m[6], m[7], m[8]);
  return start === null || end === null ? null : [start, end];
}

const isBlank = (line: string | undefined): boolean => line === undefined || line.trim() === '';
const isIndex = (line: string | undefined): boolean =>
  line !== undefined && /^\s*\d+\s*$/.test(line);

interface Card {
  start: number;
  end: number;
  text: string;
  label: Label | null;
}

/** Card text: ASS overrides (`{\an8}`) and tags dropped, entities decoded, lines joined. */
function cardText(lines: string[]): string {
  return renderCueText(lines.join('\n').replace(/\{\\[^}\n]{0,200}\}/g, '')).text;
}

/** Parses an SRT file. Never throws; cues come back sorted by start with end ≥ start. */
export function parseSrt(input: string, options: SrtOptions = {}): ParseResult<SpokenCue[]> {
  const errors: ParseIssue[] = [];
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : '';
  const lines = text.split(/\r\n?|\n/);
  const n = lines.length;
  const cards: Card[] = [];
  let skipped = 0;
  let firstSkipped = 0;
  let i = 0;
  while (i < n) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    const timing = readTiming(line ?? '');
    if (timing === null) {
      // An index line is followed by the timing; anything else is a stray block.
      if (isIndex(line) && lines[i + 1] !== undefined && (lines[i + 1] ?? '').includes('-->')) {
        i++;
        continue;
      }
      if (i > 0 || !/^\s*WEBVTT/.test(line ?? '')) {
        if (skipped++ === 0) firstSkipped = i + 1;
      }
      i++;
      while (i < n && !isBlank(lines[i]) && readTiming(lines[i] ?? '') === null) i++;
      continue;
    }
    i++;
    const body: string[] = [];
    // Text runs to a blank line, a timing line, or an index line right before a timing line.
    while (i < n && !isBlank(lines[i]) && readTiming(lines[i] ?? '') === null) {
      if (isIndex(lines[i]) && readTiming(lines[i + 1] ?? '') !== null) break;
      body.push(lines[i] ?? '');
      i++;
    }
    let [start, end] = timing;
    if (end < start) {
      errors.push({
        line: i - body.length,
        message: `A subtitle ends (${formatVttTime(end)}) before it starts (${formatVttTime(start)}); its end was set to its start.`,
      });
      end = start;
    }
    const rendered = cardText(body);
    if (rendered === '') continue;
    cards.push({ start, end, text: rendered, label: splitLabel(rendered, true) });
  }
  if (skipped > 0) {
    errors.push({
      line: firstSkipped,
      message:
        skipped === 1
          ? 'A block without a readable timing line was skipped.'
          : `${skipped} blocks without a readable timing line were skipped.`,
    });
  }
  return { value: toCues(cards, options, errors), errors };
}

/**
 * Speakers written as `Name:` (or `>> NAME:`) in cues that name none otherwise: a
 * WebVTT file without `<v>` (captions exported as WebVTT often do this, #15), read by SRT's rule.
 * Cues with word times keep their text as it is (a label taken off would move their words).
 */
export function labelledCues(cues: readonly SpokenCue[]): SpokenCue[] {
  if (cues.some((c) => c.speaker !== null || c.words)) return [...cues];
  return toCues(
    // `[Upbeat Music]` in captions is a sound, not a speaker: only `Name:` forms here.
    cues.map((c) => ({ ...c, label: splitLabel(c.text) })),
    {},
    [],
  );
}

/** Applies the speaker rule: a label counts when it recurs or names a known speaker. */
function toCues(cards: Card[], options: SrtOptions, errors: ParseIssue[]): SpokenCue[] {
  const known = new Set(options.speakers ?? []);
  const counts = countLabels(cards.map((c) => c.label));
  const cues: SpokenCue[] = [];
  let pending: string | null = null;
  let sorted = true;
  let last = -Infinity;
  for (const card of cards) {
    const l = card.label;
    const trusted = l !== null && (known.has(l.name) || (counts.get(l.name) ?? 0) >= 2);
    let speaker: string | null = trusted ? l.name : null;
    const cueText = trusted ? l.rest : card.text.replace(/^\s*>>+\s*/, '');
    if (cueText === '') {
      // A card holding only a name (`ADA:`) names the speaker of the next one.
      if (speaker !== null) pending = speaker;
      continue;
    }
    if (speaker === null && pending !== null) speaker = pending;
    pending = null;
    if (card.start < last) sorted = false;
    last = card.start;
    cues.push({ start: card.start, end: card.end, text: cueText, speaker });
  }
  if (!sorted) {
    errors.push({ message: 'The subtitles were out of order; they were sorted by start time.' });
    cues.sort((a, b) => a.start - b.start);
  }
  return cues;
}
