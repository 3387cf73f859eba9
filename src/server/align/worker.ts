// One aligner thread: a soundswallower (PocketSphinx) decoder with the 16 kHz en-us model.
// It aligns one window at a time: the turn's grammar over the window, then a confidence check
// on the span it found (the turn's words against a free phone loop over the same audio), so a
// window that does not hold the turn is reported as not found rather than forced.
import { closeSync, openSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import createModule, { type Decoder } from 'soundswallower';
import { phonemize } from 'phonemizer';
import { exactGrammar, turnWords, type AlignedWord } from '../../core/align/grammar.ts';
import { ipaToCmu, isAcronym, spellLetters } from '../../core/align/ipa.ts';
import type { AlignWord } from '../../core/align/tokens.ts';
import { decoderConfig, featParamsJson, modelFiles, SAMPLE_RATE } from './model.ts';
import type { WindowResult, WindowTask } from './window-task.ts';

const PHONES =
  'AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH T TH UH UW V W Y Z ZH'.split(
    ' ',
  );
const PHONE_LOOP = `#JSGF V1.0;\ngrammar loop;\npublic <s> = <p>*;\n<p> = ${PHONES.map((p) => `ph_${p.toLowerCase()}`).join(' | ')};\n`;

interface Wasm {
  _malloc(n: number): number;
  _decoder_hyp(decoder: number, out: number): number;
  HEAP32: Int32Array;
}

const files = modelFiles();
const dir =
  (workerData as { modelDir?: string } | undefined)?.modelDir ??
  join(tmpdir(), 'verbatim-align-model');
const ss = await createModule();
const decoder: Decoder = new ss.Decoder(decoderConfig(files, featParamsJson(files.hmm, dir)));
await decoder.initialize();
decoder.add_words(...PHONES.map((p): [string, string] => [`ph_${p.toLowerCase()}`, p]));
const wasm = ss as unknown as Wasm;
const scorePtr = wasm._malloc(4);
const known = new Set<string>();

async function pronounce(words: readonly AlignWord[]): Promise<void> {
  const missing = new Map<string, string>();
  for (const w of words) {
    if (known.has(w.key) || missing.has(w.key)) continue;
    if (decoder.lookup_word(w.key) !== null) known.add(w.key);
    else missing.set(w.key, w.say);
  }
  if (missing.size === 0) return;
  const entries: Array<[string, string]> = [];
  const spoken: Array<[string, string]> = [];
  for (const [key, say] of missing) {
    if (isAcronym(say)) entries.push([key, spellLetters(say)]);
    else spoken.push([key, say]);
  }
  if (spoken.length > 0) {
    const clean = spoken.map(([, say]) => say.replace(/[.!?]+/g, ' ').trim() || 'x');
    let ipa = await phonemize(clean.join('. '), 'en-us');
    if (ipa.length !== clean.length)
      ipa = (await Promise.all(clean.map((s) => phonemize(s, 'en-us')))).map((p) => p.join(' '));
    spoken.forEach(([key, say], i) => {
      const phones =
        ipaToCmu(ipa[i] ?? '') || spellLetters(say.toUpperCase().replace(/[^A-Z]/g, '')) || 'AH';
      entries.push([key, phones]);
    });
  }
  decoder.add_words(...entries);
  // A very long-running worker forgets what it added rather than grow without end.
  if (known.size > 20000) known.clear();
  for (const [key] of entries) known.add(key);
}

function readWindow(path: string, from: number, to: number): Float32Array {
  const first = Math.max(0, Math.floor(from * SAMPLE_RATE));
  const count = Math.max(0, Math.floor(to * SAMPLE_RATE) - first);
  const bytes = Buffer.alloc(count * 2);
  const fd = openSync(path, 'r');
  let got = 0;
  try {
    got = readSync(fd, bytes, 0, bytes.length, first * 2);
  } finally {
    closeSync(fd);
  }
  const samples = new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(got / 2));
  return Float32Array.from(samples, (s) => s / 32768);
}

/** Decodes audio with a grammar; returns the path score (log scale) or null on no result. */
function decode(jsgf: string, audio: Float32Array): number | null {
  decoder.set_grammar(jsgf);
  decoder.start();
  decoder.process_audio(audio, false, true);
  decoder.stop();
  if (decoder.get_text().trim() === '') return null;
  wasm._decoder_hyp((decoder as unknown as { cdecoder: number }).cdecoder, scorePtr);
  return wasm.HEAP32[scorePtr >> 2] ?? null;
}

/** The free phone loop's score: narrower beams are enough for a score to compare against. */
function loopScore(audio: Float32Array): number | null {
  const beam = 1e-80;
  for (const key of ['beam', 'pbeam', 'wbeam']) decoder.set_config(key, beam);
  try {
    return decode(PHONE_LOOP, audio);
  } finally {
    for (const key of ['beam', 'pbeam', 'wbeam']) decoder.set_config(key, 1e-200);
  }
}

function alignedWords(offset: number): AlignedWord[] {
  const out = decoder.get_alignment().w ?? [];
  return out.map((w) => ({ t: w.t, b: w.b + offset, d: w.d }));
}

async function alignWindow(task: WindowTask): Promise<WindowResult> {
  await pronounce(task.words);
  const audio = readWindow(task.pcm, task.from, task.to);
  if (audio.length < SAMPLE_RATE / 10) return { words: null, score: null };
  if (decode(task.grammar.jsgf, audio) === null) return { words: null, score: null };
  const words = turnWords(alignedWords(task.from), task.grammar);
  const first = words?.[0];
  const last = words?.at(-1);
  if (!words || !first || !last) return { words: null, score: null };
  // Confidence: the turn's words over their own span against a free phone loop there.
  const a = Math.max(task.from, first.b - 0.2);
  const b = Math.min(task.to, last.b + last.d + 0.2);
  const span = audio.subarray(
    Math.floor((a - task.from) * SAMPLE_RATE),
    Math.floor((b - task.from) * SAMPLE_RATE),
  );
  const forced = decode(exactGrammar(task.grammar.turn), span);
  const free = loopScore(span);
  const frames = Math.max(1, (b - a) * 100);
  const score = forced === null || free === null ? null : (forced - free) / frames;
  return { words, score };
}

parentPort?.on('message', (message: { id: number; task: WindowTask }) => {
  alignWindow(message.task).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
parentPort?.postMessage({ ready: true });
