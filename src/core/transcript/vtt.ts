// WebVTT → SpokenCue[]. Hand-written and line based (https://www.w3.org/TR/webvtt1/), lenient
// where real files are sloppy, and never throws: problems come back as issues with line numbers.
import type { ParseIssue, ParseResult, SpokenCue, SpokenWord } from '../model.ts';
import { formatVttTime } from '../time.ts';
import { renderCueText } from './vtt-cue-text.ts';
import { readVttTimestamp, timestampEnd } from './vtt-timestamp.ts';

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 12) return false;
  }
  return true;
}

/** True when `line` starts with `word` followed by a space, a tab or the end of the line. */
function startsWithKeyword(line: string, word: string): boolean {
  if (!line.startsWith(word)) return false;
  const c = line.charCodeAt(word.length);
  return Number.isNaN(c) || c === 32 || c === 9;
}

/** Skips WebVTT whitespace inside a line: space, tab and form feed (#15). */
function skipSpaces(s: string, i: number): number {
  for (let c = s.charCodeAt(i); c === 32 || c === 9 || c === 12; c = s.charCodeAt(++i));
  return i;
}

/** Set by `readTiming` on success. */
let timingStart = 0;
let timingEnd = 0;

/** Reads `start --> end [settings]`; false when the line is not a valid timing line. */
function readTiming(line: string): boolean {
  let i = skipSpaces(line, 0);
  const start = readVttTimestamp(line, i);
  if (start < 0) return false;
  i = skipSpaces(line, timestampEnd);
  if (!line.startsWith('-->', i)) return false;
  i = skipSpaces(line, i + 3);
  const end = readVttTimestamp(line, i);
  if (end < 0) return false;
  // Whatever follows the end time is settings, glued or not (`align:start`, a no-break space):
  // settings never decide whether a cue exists (#15).
  timingStart = start;
  timingEnd = end;
  return true;
}

function toWords(text: string, marks: number[], start: number, end: number): SpokenWord[] {
  const words: SpokenWord[] = [];
  let from = 0;
  let time = start;
  for (let k = 0; k <= marks.length; k += 2) {
    const to = k < marks.length ? (marks[k] ?? text.length) : text.length;
    let a = from;
    let b = Math.min(to, text.length);
    while (a < b && text.charCodeAt(a) === 32) a++;
    while (b > a && text.charCodeAt(b - 1) === 32) b--;
    if (b > a) words.push({ start: time, text: text.slice(a, b), offset: a });
    if (k < marks.length) {
      // Timestamps outside the cue or going backwards are clamped, keeping words in order.
      const t = marks[k + 1] ?? time;
      time = Math.min(Math.max(t, time), end);
      from = to;
    }
  }
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (word !== undefined) word.end = words[w + 1]?.start ?? end;
  }
  return words;
}

/** Splits on CRLF, LF and lone CR. */
function splitLines(text: string): string[] {
  if (text.indexOf('\r') < 0) return text.split('\n');
  return text.split(/\r\n?|\n/);
}

/** Parses a WebVTT file. Never throws; cues come back sorted by start with end ≥ start. */
export function parseVtt(input: string): ParseResult<SpokenCue[]> {
  const errors: ParseIssue[] = [];
  const cues: SpokenCue[] = [];
  const text = typeof input === 'string' ? input : '';
  const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const n = lines.length;
  let i = 0;
  const header = lines[0] ?? '';
  if (startsWithKeyword(header, 'WEBVTT')) {
    i = 1;
    // Header metadata runs to the first blank line; a timing line there starts the first cue.
    while (i < n && !isBlank(lines[i] ?? '') && !(lines[i] ?? '').includes('-->')) i++;
  } else {
    errors.push({ line: 1, message: 'The file does not start with "WEBVTT"; read it anyway.' });
  }
  let sorted = true;
  let lastStart = -Infinity;
  // Blocks as the spec's "collect a WebVTT block" reads them (#15): a line with "-->" is the
  // block's timing line only as its first line, or its second after one id line; anywhere else
  // it ends the block and starts the next one. So a cue after an id and a stray line, or right
  // after a `NOTE` line (whose id is then "NOTE"), exists. Leniencies, on purpose: blank lines
  // may hold whitespace, timestamps are read loosely (vtt-timestamp.ts), files without the
  // header are read, and a `<` that opens no tag is kept as text (vtt-cue-text.ts).
  while (i < n) {
    if (isBlank(lines[i] ?? '')) {
      i++;
      continue;
    }
    const blockLine = i + 1;
    const first = lines[i] ?? '';
    let timing = -1; // index of the timing line within this block
    let count = 0;
    for (; i < n; i++) {
      const line = lines[i] ?? '';
      if (isBlank(line)) break;
      count++;
      if (line.includes('-->')) {
        if (timing < 0 && count <= 2) timing = i;
        else break; // this line starts the next block
      }
    }
    if (timing < 0) {
      const comment =
        startsWithKeyword(first, 'NOTE') ||
        startsWithKeyword(first, 'STYLE') ||
        startsWithKeyword(first, 'REGION');
      if (!comment)
        errors.push({ line: blockLine, message: 'A block without a cue timing line was skipped.' });
      continue;
    }
    const line = lines[timing] ?? '';
    const timingLine = timing + 1;
    if (!readTiming(line)) {
      errors.push({
        line: timingLine,
        message: `Unreadable cue timing "${line.trim().slice(0, 80)}"; the cue was skipped.`,
      });
      continue;
    }
    const start = timingStart;
    let end = timingEnd;
    // Cue text: the block's lines after the timing line, joined by spaces.
    let raw = '';
    for (let k = timing + 1; k < i; k++)
      raw = k === timing + 1 ? (lines[k] ?? '') : raw + ' ' + lines[k];
    if (end < start) {
      errors.push({
        line: timingLine,
        message: `The cue ends (${formatVttTime(end)}) before it starts (${formatVttTime(start)}); its end was set to its start.`,
      });
      end = start;
    }
    const r = renderCueText(raw);
    if (r.text === '') continue;
    const cue: SpokenCue = { start, end, text: r.text, speaker: r.speaker };
    if (r.marks !== null) cue.words = toWords(r.text, r.marks, start, end);
    if (r.voices !== null) cue.voices = r.voices;
    if (start < lastStart) sorted = false;
    lastStart = start;
    cues.push(cue);
  }
  if (!sorted) {
    errors.push({ message: 'The cues were out of order; they were sorted by start time.' });
    cues.sort((a, b) => a.start - b.start);
  }
  return { value: cues, errors };
}
