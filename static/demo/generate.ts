// Builds the Verbatim demo episode from script.txt: one espeak-ng clip per sentence, silence
// trimmed and measured with sox, then concatenated; cue times come from the measured sample
// counts, never from estimates. Writes episode.mp3, transcript.vtt, chapters.json, feed.xml
// and cover.svg next to this file, then checks the mp3 against the computed timings.
// Run from the project root: bash static/demo/generate.sh  (or: npx tsx static/demo/generate.ts)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverSvg } from './cover.ts';
import { clock, feedXml } from './feed.ts';

type Role = 'host' | 'guest';
interface Speaker {
  key: string;
  name: string;
  role: Role;
}
interface Turn {
  speaker: Speaker;
  sentences: string[];
  chapter: number;
}
interface Script {
  meta: Map<string, string>;
  speakers: Speaker[];
  chapters: string[];
  turns: Turn[];
}
interface Cue {
  speaker: Speaker;
  text: string;
  start: number; // seconds
  end: number;
  chapter: number;
}

const RATE = 22050; // Hz: espeak-ng's native rate, so resampling is a no-op
const PCM = ['-r', String(RATE), '-c', '1', '-b', '16']; // mono 16-bit everywhere
const VOICES: Record<Role, string[]> = {
  host: ['-v', 'en-us+f3', '-p', '62', '-s', '126'], // brighter US voice, ~150 wpm measured
  guest: ['-v', 'en-gb+m3', '-p', '36', '-s', '121'], // lower British voice, ~155 wpm measured
};
const GAP = { leadIn: 0.5, sentence: 0.25, turn: 0.6, tail: 1.0 }; // seconds of silence
const TRIM = ['silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse'];
const LAME = ['--quiet', '-m', 'm', '--cbr', '-b', '48', '-q', '2', '--resample', '22.05'];
const PUB_DATE = 'Tue, 14 Apr 2026 07:30:00 +0000';
const dir = dirname(fileURLToPath(import.meta.url));

function run(cmd: string, args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}
// -R: repeatable mode; seeds sox's dither so that every run writes identical bytes.
const sox = (args: string[]): string => run('sox', ['-R', ...args]).stderr;
const samplesOf = (file: string): number => Number(run('soxi', ['-s', file]).stdout.trim());
function soxStat(file: string, effects: string[], key: string): number {
  const m = new RegExp(`${key}:\\s+(-?[\\d.]+)`).exec(sox([file, '-n', ...effects, 'stat']));
  if (!m?.[1]) throw new Error(`no "${key}" in sox stat of ${file}`);
  return Number(m[1]);
}
const rms = (file: string, from: number, len: number): number =>
  soxStat(file, ['trim', from.toFixed(3), len.toFixed(3)], 'RMS\\s+amplitude');
const lengthOf = (file: string, effects: string[] = []): number =>
  soxStat(file, effects, 'Length \\(seconds\\)');

function parseScript(text: string): Script {
  const script: Script = { meta: new Map(), speakers: [], chapters: [], turns: [] };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const fail = (why: string): never => {
      throw new Error(`script.txt:${i + 1}: ${why}`);
    };
    if (line.startsWith('## ')) script.chapters.push(line.slice(3).trim());
    else if (!line || line.startsWith('#')) return;
    else if (line.startsWith('@speaker ')) {
      const [key, name, role] = line
        .slice(9)
        .split('|')
        .map((s) => s.trim());
      if (!key || !name || (role !== 'host' && role !== 'guest')) fail('bad @speaker line');
      else script.speakers.push({ key, name, role });
    } else if (line.startsWith('@')) {
      const [key = '', ...rest] = line.slice(1).split(/\s+/);
      script.meta.set(key, rest.join(' '));
    } else {
      const t = /^([^:]+):\s+(.+)$/.exec(line);
      const speaker = script.speakers.find((s) => s.key === t?.[1]);
      if (!t?.[2] || !speaker) fail(`not a turn by a known speaker: ${line}`);
      else if (!script.chapters.length) fail('turn before the first ## chapter');
      else {
        const sentences = t[2].split(/(?<=[.!?])\s+/);
        script.turns.push({ speaker, sentences, chapter: script.chapters.length - 1 });
      }
    }
  });
  return script;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
function vttTime(sec: number): string {
  const ms = Math.round(sec * 1000);
  const [h, m, s] = [Math.floor(ms / 3_600_000), Math.floor(ms / 60_000) % 60, (ms / 1000) | 0];
  return `${pad(h)}:${pad(m)}:${pad(s % 60)}.${pad(ms % 1000, 3)}`;
}
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** Synthesises, trims and measures every sentence, then builds and encodes the episode. */
function synthesise(script: Script, work: string, mp3: string): { cues: Cue[]; total: number } {
  const silence = (sec: number): string => {
    const file = join(work, `gap-${Math.round(sec * 1000)}.wav`);
    sox([...PCM, '-n', ...PCM, file, 'trim', '0s', `${Math.round(sec * RATE)}s`]);
    return file;
  };
  const gap = { sentence: silence(GAP.sentence), turn: silence(GAP.turn) };
  const parts: string[] = [];
  const cues: Cue[] = [];
  let pos = 0; // samples so far: every time below is an exact sample count / RATE
  const add = (file: string): void => {
    parts.push(file);
    pos += samplesOf(file);
  };
  add(silence(GAP.leadIn));
  script.turns.forEach((turn, ti) => {
    if (ti > 0) add(gap.turn);
    turn.sentences.forEach((text, si) => {
      if (si > 0) add(gap.sentence);
      const id = pad(cues.length + 1, 3);
      const [raw, clip] = [join(work, `${id}-raw.wav`), join(work, `${id}.wav`)];
      run('espeak-ng', [...VOICES[turn.speaker.role], '-w', raw, text]);
      sox([raw, ...PCM, clip, ...TRIM]);
      const start = pos / RATE;
      add(clip);
      cues.push({ speaker: turn.speaker, text, start, end: pos / RATE, chapter: turn.chapter });
    });
  });
  add(silence(GAP.tail));
  const [joined, norm] = [join(work, 'joined.wav'), join(work, 'norm.wav')];
  sox([...parts, joined]);
  sox([joined, norm, 'gain', '-n', '-1.5']); // peak-normalise, gently below full scale
  if (samplesOf(norm) !== pos) throw new Error('joined length differs from the sum of its parts');
  const [show = '', episode = ''] = [script.meta.get('show'), script.meta.get('episode')];
  run('lame', [...LAME, '--tt', episode, '--ta', show, '--tl', show, '--ty', '2026', norm, mp3]);
  // Browsers play LAME's encoder + decoder delay (576 + 529 samples) as leading silence, so the
  // words in episode.mp3 start that much later than in the wav: shift the cues to match what plays.
  const shift = 1105 / RATE;
  const shifted = cues.map((c) => ({ ...c, start: c.start + shift, end: c.end + shift }));
  return { cues: shifted, total: pos / RATE };
}

function writeVtt(cues: Cue[]): void {
  const esc = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const blocks = cues.map((c, i) => {
    const times = `${vttTime(c.start)} --> ${vttTime(c.end)}`;
    return `${i + 1}\n${times}\n<v ${c.speaker.name}>${esc(c.text)}`;
  });
  const note = 'NOTE\nGenerated by static/demo/generate.sh from script.txt. Do not edit by hand.';
  writeFileSync(join(dir, 'transcript.vtt'), ['WEBVTT', note, ...blocks].join('\n\n') + '\n');
}

/** Prints speech energy just before and just after some cue starts, read from the mp3. */
function boundaryCheck(mp3: string, work: string, cues: Cue[], firsts: number[]): void {
  // Decode once and measure the decoded wav: sox's trim on an mp3 seeks inexactly.
  const [wav, decoded] = [join(work, 'norm.wav'), join(work, 'decoded.wav')];
  sox([mp3, decoded]);
  const picks = [...new Set([0, 1, 2, ...firsts, cues.length - 1])].sort((a, b) => a - b);
  console.log(
    'Boundary check, RMS amplitude in episode.mp3 decoded by sox (0.2 s before / after):',
  );
  for (const i of picks) {
    const c = cues[i];
    if (!c) continue;
    const [before, after] = [rms(decoded, c.start - 0.2, 0.2), rms(decoded, c.start, 0.2)];
    const ok = before < 0.01 && after > 5 * before;
    const verdict = ok ? 'ok' : 'SUSPICIOUS';
    console.log(
      `  cue ${pad(i + 1, 3)} at ${vttTime(c.start)}: gap ${before.toFixed(4)}, speech ${after.toFixed(4)} ${verdict}`,
    );
    if (!ok) process.exitCode = 1;
  }
  const onset = (file: string): number => lengthOf(file) - lengthOf(file, TRIM.slice(0, 4));
  const [wavOnset, mp3Onset] = [onset(wav), onset(decoded)];
  console.log(
    `  first speech onset: ${wavOnset.toFixed(3)} s in the wav, ${mp3Onset.toFixed(3)} s in sox's mp3 ` +
      `decode (decoder offset ${((mp3Onset - wavOnset) * 1000).toFixed(1)} ms); cue 1 starts at ` +
      `${cues[0]?.start.toFixed(3)} s`,
  );
}

function main(): void {
  const script = parseScript(readFileSync(join(dir, 'script.txt'), 'utf8'));
  const meta = (key: string): string => script.meta.get(key) ?? '';
  const mp3 = join(dir, 'episode.mp3');
  const work = mkdtempSync(join(tmpdir(), 'verbatim-demo-'));
  try {
    const { cues, total } = synthesise(script, work, mp3);
    const seconds = Number(run('soxi', ['-D', mp3]).stdout.trim());
    const drift = Math.abs(seconds - total) * 1000;
    console.log(
      `Duration: computed ${total.toFixed(3)} s, soxi -D episode.mp3 ${seconds.toFixed(3)} s ` +
        `(diff ${drift.toFixed(1)} ms), fully decoded by sox ${lengthOf(mp3).toFixed(3)} s`,
    );
    if (drift > 50) throw new Error('mp3 duration is more than 50 ms off the computed total');

    writeVtt(cues);
    const firsts = script.chapters.map((title, ci) => {
      const i = cues.findIndex((c) => c.chapter === ci);
      if (i < 0) throw new Error(`chapter "${title}" has no turns`);
      return i;
    });
    const chapters = script.chapters.map((title, ci) => {
      const startTime = ci === 0 ? 0 : round3(cues[firsts[ci] ?? 0]?.start ?? 0);
      return { startTime, title };
    });
    const json = JSON.stringify({ version: '1.2.0', chapters }, null, 2);
    writeFileSync(join(dir, 'chapters.json'), json + '\n');
    const feed = feedXml({
      show: meta('show'),
      tagline: meta('tagline'),
      episode: meta('episode'),
      summary: meta('summary'),
      guestNote: meta('guestnote'),
      people: script.speakers,
      chapters,
      pubDate: PUB_DATE,
      bytes: statSync(mp3).size,
      seconds,
    });
    writeFileSync(join(dir, 'feed.xml'), feed);
    writeFileSync(join(dir, 'cover.svg'), coverSvg(meta('show'), meta('tagline')));

    boundaryCheck(mp3, work, cues, firsts.slice(1));
    const words = cues.reduce((n, c) => n + c.text.split(/\s+/).length, 0);
    const speaking = cues.reduce((n, c) => n + c.end - c.start, 0);
    console.log(
      `Summary: ${clock(total)} (${total.toFixed(3)} s), ${script.turns.length} turns, ` +
        `${cues.length} cues, ${chapters.length} chapters, ${words} words ` +
        `(${Math.round((words / speaking) * 60)} wpm while speaking), episode.mp3 ${statSync(mp3).size} bytes`,
    );
    for (const c of chapters) console.log(`  (${clock(c.startTime)}) ${c.startTime} s  ${c.title}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
