import { JSDOM } from 'jsdom';
import fc from 'fast-check';
import { findNotesChapters } from '../../src/core/show-notes-chapters.ts';
import { findNotesTranscript } from '../../src/core/show-notes-transcript.ts';
import { parseTranscriptHtml } from '../../src/core/transcript-html.ts';
import { findTimestampsInText } from '../../src/core/notes-timestamps.ts';
const { window } = new JSDOM('');
const parser = new window.DOMParser();
const parseHtml = (s: string) => parser.parseFromString(s, 'text/html');
const samples = fc.sample(fc.string({ maxLength: 300 }), 200);
const time = (name: string, f: (s: string) => unknown) => {
  const t = performance.now();
  let worst = 0, ws = '';
  for (const s of samples) { const a = performance.now(); f(s); const d = performance.now() - a; if (d > worst) { worst = d; ws = s; } }
  console.log(name, ((performance.now() - t) / samples.length).toFixed(2), 'worst', worst.toFixed(1), JSON.stringify(ws).slice(0, 80));
};
time('parse', (s) => parseHtml(s));
time('chapters', (s) => findNotesChapters(s, parseHtml, 100));
time('transcript', (s) => findNotesTranscript(s, parseHtml, 100));
time('html', (s) => parseTranscriptHtml(s, parseHtml));
time('ts', (s) => findTimestampsInText(s, 100));
