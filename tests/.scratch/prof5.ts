import { JSDOM } from 'jsdom';
import { writeFileSync } from 'node:fs';
import { htmlToLines } from '../../src/core/show-notes-lines.ts';
import { synthNotesTranscript } from '../bench/synth-notes.ts';
const html = synthNotesTranscript({ turns: 1500, speakers: 3, seed: 7 });
const { window } = new JSDOM('');
const doc = new window.DOMParser().parseFromString(html, 'text/html');
writeFileSync('/tmp/lines.json', JSON.stringify(htmlToLines(html, () => doc).map((l) => l.text)));
