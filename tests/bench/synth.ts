// A synthetic WebVTT transcript, generated in memory from a seed (shared by the Node and the
// browser benches). Names and words are invented here; nothing is copied from a real show.

import { rng } from './rng.ts';

export interface SynthOptions {
  /** Number of cues (default 4,000). */
  cues?: number;
  /** Number of distinct speakers (default 3). */
  speakers?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Total duration in seconds (default 3 hours). */
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
  'ga',
  'ri',
  'mon',
  'za',
  'el',
];

function stamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Generates a WebVTT file: ~150 bytes a cue, speaker runs, some word timings and entities. */
export function synthVtt(options: SynthOptions = {}): string {
  const count = options.cues ?? 4000;
  const speakerCount = Math.max(1, Math.min(options.speakers ?? 3, NAMES.length));
  const duration = options.duration ?? 3 * 3600;
  const random = rng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const vocabulary: string[] = [];
  for (let k = 0; k < 400; k++) {
    const parts = 1 + Math.floor(random() * 3);
    let word = '';
    for (let p = 0; p < parts; p++) word += pick(SYLLABLES);
    vocabulary.push(word);
  }
  const step = duration / count;
  const out: string[] = ['WEBVTT', 'Kind: captions', 'Language: en', ''];
  let speaker = 0;
  for (let c = 0; c < count; c++) {
    const start = c * step;
    const end = start + step * (0.85 + random() * 0.15);
    const newSpeaker = c === 0 || random() < 0.2;
    if (newSpeaker && c > 0)
      speaker = (speaker + 1 + Math.floor(random() * (speakerCount - 1))) % speakerCount;
    if (c % 50 === 0) out.push(`NOTE segment ${c / 50}`, '');
    out.push(
      String(c + 1),
      `${stamp(start)} --> ${stamp(end)}${c % 7 === 0 ? ' align:start' : ''}`,
    );
    const wordCount = 14 + Math.floor(random() * 8);
    const timed = random() < 0.15;
    const words: string[] = [];
    for (let w = 0; w < wordCount; w++) {
      let word = pick(vocabulary);
      const roll = random();
      if (roll < 0.02) word = '&amp;';
      else if (roll < 0.03) word += '&#x2019;s';
      else if (roll < 0.04) word = `<i>${word}</i>`;
      if (timed && w > 0 && w % 4 === 0) word = `<${stamp(start + (step * w) / wordCount)}>${word}`;
      words.push(word);
    }
    const voice = newSpeaker ? `<v ${NAMES[speaker]}>` : '';
    const half = Math.floor(words.length / 2);
    const pause = random() < 0.3 ? '?' : ',';
    out.push(voice + words.slice(0, half).join(' ') + pause, words.slice(half).join(' ') + '.', '');
  }
  return out.join('\n');
}
