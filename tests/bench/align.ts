// Word timing bench (issue #12): speed, word-start error against known times, server memory,
// first words near the listener's position, cached latency. Synthetic speech from espeak-ng
// (per word, so every true time is known); without espeak-ng, the committed test dialogue.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegPath } from '../../src/server/align/decode.ts';
import { synthesize, wavFile, type Line, type SynthTurn } from '../fixtures/align/synth-speech.ts';
import { audioServer, events, send, turnsOf, type Event } from '../server/align/helpers.ts';
import { rng } from './rng.ts';

export interface Row {
  figure: string;
  value: string;
}

const VOCAB =
  `the a of and to in is it that for on with as was at by this from or but not be are have you we they
she he her his our their there here when where what which who how why all some more most many much time day night
year work home house garden river harbour boat road train station music radio record song story book paper letter
market bread coffee tea water rain wind weather morning evening summer winter city village bridge tower lighthouse
old new small large quiet loud early late warm cold bright dark long short good better best simple careful honest
make take give find keep tell ask think know feel hear listen play build mend paint carry open close start finish
always never often sometimes almost really quite very only still again together already perhaps because although
people friend neighbour teacher engineer farmer baker painter doctor family children brother sister mother father`
    .split(/\s+/)
    .filter((w) => w !== '');

function script(seconds: number, seed: number): Line[] {
  const r = rng(seed);
  const lines: Line[] = [];
  let estimate = 0;
  while (estimate < seconds) {
    const sentences = 1 + Math.floor(r() * 3);
    const parts: string[] = [];
    for (let s = 0; s < sentences; s++) {
      const n = 5 + Math.floor(r() * 9);
      const words = Array.from({ length: n }, () => VOCAB[Math.floor(r() * VOCAB.length)] ?? 'the');
      parts.push(`${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
    }
    const text = parts.join(' ');
    lines.push({ voice: lines.length % 2 ? 'en-gb' : 'en-us', text });
    estimate += text.split(' ').length * 0.42 + 0.7;
  }
  return lines;
}

function procStat(pid: number): { cpu: number; hwm: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const cpu = (Number(stat[11]) + Number(stat[12])) / 100;
  const hwm =
    Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  return { cpu, hwm };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

interface Episode {
  mp3: Buffer;
  turns: SynthTurn[];
  duration: number;
}

function episode(seconds: number, seed: number, dir: string): Episode {
  const { samples, turns } = synthesize(script(seconds, seed));
  const wav = join(dir, `ep-${seed}.wav`);
  const mp3 = join(dir, `ep-${seed}.mp3`);
  writeFileSync(wav, wavFile(samples));
  execFileSync(ffmpegPath() ?? 'ffmpeg', ['-v', 'error', '-y', '-i', wav, '-b:a', '48k', mp3]);
  rmSync(wav);
  return { mp3: readFileSync(mp3), turns, duration: samples.length / 16000 };
}

async function runOne(ep: Episode, focus: number, label: string, rows: Row[]): Promise<void> {
  const cache = mkdtempSync(join(tmpdir(), 'align-bench-cache-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/align-server.ts'], {
    env: { ...process.env, ALIGN_CACHE_DIR: cache },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) =>
    server.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
  );
  const files = await audioServer({ '/ep.mp3': { body: ep.mp3, etag: '"1"' } });
  try {
    const published = ep.turns.map((t) => ({
      start: Math.round(t.start * 10) / 10,
      end: null,
      text: t.text,
    }));
    const body = {
      audio: `http://127.0.0.1:${files.port}/ep.mp3`,
      language: 'en',
      focus,
      turns: published,
    };
    const cpu0 = procStat(server.pid ?? 0).cpu;
    const t0 = performance.now();
    let firstNear = NaN;
    const holding = ep.turns.findIndex((t) => t.end >= focus);
    const posted = await send(port, 'POST', '/api/align', body);
    const es = await events(port, String(posted.json?.job), (e: Event) => {
      if (e.event === 'turn' && e.data.index === holding && Number.isNaN(firstNear))
        firstNear = performance.now() - t0;
    });
    const wall = (performance.now() - t0) / 1000;
    const { cpu, hwm } = procStat(server.pid ?? 0);
    const turns = turnsOf(es);
    const errors: number[] = [];
    for (const t of turns)
      t.words.forEach((w, k) => {
        const real = ep.turns[t.index]?.words[k];
        if (real && !w.estimated) errors.push(Math.abs(w.start - real.start) * 1000);
      });
    const words = ep.turns.reduce((n, t) => n + t.words.length, 0);
    const statuses = turns.reduce<Record<string, number>>(
      (m, t) => ({ ...m, [t.status]: (m[t.status] ?? 0) + 1 }),
      {},
    );
    const minutes = (ep.duration / 60).toFixed(1);
    rows.push({
      figure: `Aligner, ${label} (${minutes} min, ${ep.turns.length} turns): wall time`,
      value: `${wall.toFixed(1)} s = ${(ep.duration / wall).toFixed(1)}× real time (2 threads); ${JSON.stringify(statuses)}`,
    });
    rows.push({
      figure: `Aligner, ${label}: speed per core (CPU time)`,
      value: `${(ep.duration / (cpu - cpu0)).toFixed(1)}× real time (${(cpu - cpu0).toFixed(0)} CPU s)`,
    });
    rows.push({
      figure: `Aligner, ${label}: word-start error`,
      value: `median ${pct(errors, 0.5).toFixed(0)} ms, p95 ${pct(errors, 0.95).toFixed(0)} ms over ${errors.length} of ${words} words`,
    });
    rows.push({
      figure: `Aligner, ${label}: first words at the focus (${focus.toFixed(0)} s)`,
      value: `${(firstNear / 1000).toFixed(1)} s after the request`,
    });
    rows.push({ figure: `Aligner, ${label}: server peak RSS`, value: `${hwm.toFixed(0)} MB` });
    const c0 = performance.now();
    const again = await send(port, 'POST', '/api/align', body);
    await events(port, String(again.json?.job));
    rows.push({
      figure: `Aligner, ${label}: cached word times`,
      value: `${(performance.now() - c0).toFixed(0)} ms (request to last event)`,
    });
  } finally {
    server.kill('SIGTERM');
    await files.close();
    rmSync(cache, { recursive: true, force: true });
  }
}

/** Rows for `npm run bench`; `long` adds the 67-minute episode (a few minutes of CPU). */
export async function alignBench(options: { long?: boolean } = {}): Promise<Row[]> {
  const rows: Row[] = [];
  if (spawnSync('espeak-ng', ['--version']).status !== 0) {
    rows.push({
      figure: 'Aligner',
      value: 'skipped: espeak-ng is needed to make speech with known word times',
    });
    return rows;
  }
  const dir = mkdtempSync(join(tmpdir(), 'align-bench-'));
  try {
    await runOne(episode(300, 11, dir), 150, '5-minute synthetic episode', rows);
    if (options.long)
      await runOne(episode(67 * 60, 12, dir), 1800, '67-minute synthetic episode', rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1]?.endsWith('align.ts')) {
  for (const row of await alignBench({ long: process.argv.includes('--long') }))
    console.log(`${row.figure}: ${row.value}`);
}
