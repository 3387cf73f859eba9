// Show-notes transcript and chapter finding on a synthetic 3-hour show. Prints figures; asserts
// nothing. Run: npx tsx tests/bench/notes-throughput.ts
import { JSDOM } from 'jsdom';
import { findNotesChapters } from '../../src/core/show-notes/chapters.ts';
import { htmlToLines } from '../../src/core/text/html-lines.ts';
import { readShowNotes } from '../../src/core/show-notes/transcript.ts';
import { linesToCues } from '../../src/core/text/timed-transcript.ts';
import { cuesToTurns } from '../../src/core/transcript/turns.ts';
import { synthNotesTranscript } from './synth-notes.ts';

const duration = 3 * 3600;
const html = synthNotesTranscript({ turns: 1500, speakers: 3, seed: 7, duration });
const mb = new TextEncoder().encode(html).length / 1e6;
const { window } = new JSDOM('');
const parser = new window.DOMParser();
const parseHtml = (s: string): Document => parser.parseFromString(s, 'text/html');

function time(runs: number, body: () => void): number {
  for (let k = 0; k < 3; k++) body(); // warm up the JIT
  const t0 = performance.now();
  for (let k = 0; k < runs; k++) body();
  return (performance.now() - t0) / runs;
}

const doc = parseHtml(html);
const cached = (): Document => doc;
const r = readShowNotes(html, cached, duration);
const turns = cuesToTurns(r.transcript.value);
console.log(
  `synthetic notes: ${(mb * 1000).toFixed(0)} KB, ${r.transcript.value.length} cues, ${turns.length} turns, ${r.chapters.value.length} chapters, ${r.transcript.errors.length + r.chapters.errors.length} issues`,
);
const parseMs = time(10, () => parseHtml(html));
const ownMs = time(20, () => readShowNotes(html, cached, duration));
const fullMs = time(10, () => readShowNotes(html, parseHtml, duration));
const chaptersMs = time(10, () => findNotesChapters(html, parseHtml, duration));
const lines = htmlToLines(html, cached).map((l) => l.text);
const pureMs = time(20, () => linesToCues(lines, { duration, where: 'in the show notes' }));
const rate = (ms: number): string => `${ms.toFixed(1)} ms = ${(mb / (ms / 1000)).toFixed(1)} MB/s`;
console.log(`jsdom parse alone: ${rate(parseMs)}`);
console.log(
  `readShowNotes on a parsed document (lines, structure, chapters, cues): ${rate(ownMs)}`,
);
console.log(`lines → cues alone (no DOM): ${rate(pureMs)}`);
console.log(`readShowNotes with jsdom parsing: ${rate(fullMs)}`);
console.log(`findNotesChapters with jsdom parsing: ${rate(chaptersMs)}`);
