// Episodes for the word-timing browser tests (#12), written from the aligner's espeak fixture
// (tests/fixtures/align: a 40 s two-voice walk with every word's true time): a turn-timed HTML
// transcript, the audio as published, with an ad spliced in, as two copies that differ between
// downloads, and silence.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeToPcm } from '../../src/server/align/decode.ts';
import { RATE, wavFile } from '../fixtures/align/synth-speech.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SOURCE = join(ROOT, 'tests/fixtures/align');
/** Served by the fixture server as /<mode>/generated/align/<file>. */
export const ALIGN_DIR = join(ROOT, 'test-results/generated/align');

export interface TruthWord {
  text: string;
  start: number;
  end: number;
}
export interface Truth {
  duration: number;
  turns: Array<{ start: number; end: number; text: string; words: TruthWord[] }>;
}
export const truth = JSON.parse(readFileSync(join(SOURCE, 'dialogue.json'), 'utf8')) as Truth;
const SPEAKERS = ['Ada Quill', 'Ben Marlow'];
/** The ad goes into the pause before this turn. */
export const AD_BEFORE = 3;
/** Extra silence at the end of the copy the server downloads (another edit of the episode). */
export const OTHER_COPY_EXTRA = 4;

async function samplesOf(file: string, work: string): Promise<Int16Array> {
  const pcm = join(work, 'decoded.pcm');
  await decodeToPcm(file, pcm, { maxSeconds: 600, timeoutMs: 30_000 });
  const bytes = readFileSync(pcm);
  return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

const joined = (...parts: Int16Array[]): Int16Array => {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** "0:06" from seconds, whole seconds as a show-notes transcript publishes them. */
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

function transcriptHtml(): string {
  return truth.turns
    .map(
      (t, i) =>
        `<cite>${SPEAKERS[i % 2]}:</cite>\n<time>${clock(t.start)}</time>\n<p>${t.text}</p>\n`,
    )
    .join('');
}

function feedXml(base: string): string {
  const transcript = `${base}/cors/generated/align/walk.html`;
  const item = (guid: string, title: string, audio: string) => `
    <item>
      <title>${title}</title>
      <guid isPermaLink="false">${guid}</guid>
      <enclosure url="${audio}" length="0" type="audio/${audio.endsWith('.wav') ? 'wav' : 'mpeg'}"/>
      <podcast:transcript url="${transcript}" type="text/html" language="en"/>
    </item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>Harbour Walks</title>
    <language>en</language>${item('walk', 'The harbour walk', `${base}/cors/fixtures/align/dialogue.mp3`)}${item('ad', 'The harbour walk, with an ad', `${base}/cors/generated/align/walk-ad.wav`)}${item('copies', 'The harbour walk, another edit', `${base}/copies/generated/align/walk-copy.wav`)}${item('silence', 'The harbour walk, silent', `${base}/cors/generated/align/silence.wav`)}
  </channel>
</rss>
`;
}

export interface AlignFixtures {
  feedUrl: string;
  /** Seconds of audio the ad adds before turn AD_BEFORE. */
  adSeconds: number;
}

/** Writes the files once per run; `base` is the fixture server's address. */
export async function writeAlignFixtures(base: string): Promise<AlignFixtures> {
  mkdirSync(ALIGN_DIR, { recursive: true });
  const dialogue = await samplesOf(join(SOURCE, 'dialogue.mp3'), ALIGN_DIR);
  const ad = await samplesOf(join(SOURCE, 'ad.mp3'), ALIGN_DIR);
  const at = Math.round(((truth.turns[AD_BEFORE]?.start ?? 0) - 0.35) * RATE);
  const write = (name: string, samples: Int16Array) =>
    writeFileSync(join(ALIGN_DIR, name), wavFile(samples));
  write('walk-ad.wav', joined(dialogue.subarray(0, at), ad, dialogue.subarray(at)));
  write('walk-copy.wav', dialogue);
  write('walk-copy.other.wav', joined(dialogue, new Int16Array(OTHER_COPY_EXTRA * RATE)));
  write('silence.wav', new Int16Array(6 * RATE));
  writeFileSync(join(ALIGN_DIR, 'walk.html'), transcriptHtml());
  writeFileSync(join(ALIGN_DIR, 'feed.xml'), feedXml(base));
  return { feedUrl: `${base}/cors/generated/align/feed.xml`, adSeconds: ad.length / RATE };
}
