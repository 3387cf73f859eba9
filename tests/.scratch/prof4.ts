import { JSDOM } from 'jsdom';
import { htmlToLines } from '../../src/core/show-notes-lines.ts';
import { linesToCues } from '../../src/core/timed-transcript.ts';
import { synthNotesTranscript } from '../bench/synth-notes.ts';
const html = synthNotesTranscript({ turns: 1500, speakers: 3, seed: 7 });
const { window } = new JSDOM('');
const doc = new window.DOMParser().parseFromString(html, 'text/html');
const lines = htmlToLines(html, () => doc).map((l) => l.text);
for (let k = 0; k < 30; k++) linesToCues(lines, { duration: 10800, where: 'x' });
