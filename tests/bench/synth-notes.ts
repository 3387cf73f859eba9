// Synthetic Substack-style show notes with a long transcript, generated from a seed (for the
// notes bench and browser tests). Names, words and the show are invented here.

import { rng } from './rng.ts';

export interface SynthNotesOptions {
  /** Number of transcript turns (default 1,500). */
  turns?: number;
  /** Number of distinct speakers (default 3). */
  speakers?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Episode length in seconds (default 3 hours). */
  duration?: number;
}

const NAMES = ['Ilse Marrow', 'Teo Vantongeren', 'Priya Okonkwo-Hale', 'Dagny Ruiz', 'Omar Feld'];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tas',
  'vo',
  'pel',
  'dor',
  'shi',
  'qua',
  'ne',
  'bri',
  'sol',
  'tu',
  'fen',
];

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Generates show notes HTML: intro, sponsor prose, a Timestamps list and a Transcript. */
export function synthNotesTranscript(options: SynthNotesOptions = {}): string {
  const turns = options.turns ?? 1500;
  const speakerCount = Math.max(1, Math.min(options.speakers ?? 3, NAMES.length));
  const duration = options.duration ?? 3 * 3600;
  const random = rng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const vocabulary: string[] = [];
  for (let k = 0; k < 300; k++) {
    let word = '';
    for (let p = 0, n = 1 + Math.floor(random() * 3); p < n; p++) word += pick(SYLLABLES);
    vocabulary.push(word);
  }
  const sentence = (): string => {
    const words: string[] = [];
    for (let w = 0, n = 6 + Math.floor(random() * 14); w < n; w++) words.push(pick(vocabulary));
    const first = words[0] ?? 'ka';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return words.join(' ') + pick(['.', '.', '.', '?', '!']);
  };
  const paragraph = (): string => {
    const out: string[] = [];
    for (let s = 0, n = 1 + Math.floor(random() * 4); s < n; s++) out.push(sentence());
    return out.join(' ');
  };
  const out: string[] = [
    `<p>${paragraph()} <a href="https://example.com/show?t=10:00">Listen on the web</a>.</p>`,
    '<p>Thanks to our sponsor: the read at 10:00 is short, and the live show starts at 9:30pm on a 16:9 screen.</p>',
    '<h3>Timestamps</h3>',
    '<ul>',
  ];
  for (let c = 0; c < 12; c++) {
    out.push(`<li><p>(${clock((duration * c) / 12)}) ${sentence().slice(0, 40)}</p></li>`);
  }
  out.push(
    '</ul>',
    '<h3>Transcript</h3>',
    '<p><em>Transcribed by a machine; edited for clarity.</em></p>',
  );
  const step = duration / turns;
  let speaker = 0;
  let last = 0;
  for (let t = 0; t < turns; t++) {
    if (t > 0) speaker = (speaker + 1 + Math.floor(random() * (speakerCount - 1))) % speakerCount;
    // One turn in twenty shares the previous start; others move on.
    const start =
      t > 0 && random() < 0.05
        ? last
        : Math.max(last, Math.floor(t * step + random() * step * 0.5));
    last = start;
    const name = NAMES[speaker] ?? 'Ilse Marrow';
    const cut = random();
    const text = (cut < 0.03 ? '..' : cut < 0.06 ? '—' : '') + paragraph();
    const form = random();
    if (form < 0.8) out.push(`<p>[${clock(start)}] <strong>${name}:</strong> ${text}</p>`);
    else out.push(`<p><strong>${name}</strong> [${clock(start)}]: ${text}</p>`);
    if (random() < 0.3) out.push(`<p>${paragraph()}</p>`);
  }
  return out.join('\n');
}
