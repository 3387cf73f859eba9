import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeToPcm } from '../../../src/server/align/decode.ts';
import { createAligner, type Aligner, type AlignOptions } from '../../../src/server/align/setup.ts';
import { listen, type Listening } from '../http-helpers.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/align');

export interface Truth {
  duration: number;
  turns: Array<{
    start: number;
    end: number;
    text: string;
    words: Array<{ text: string; start: number; end: number }>;
  }>;
}
export const truth = JSON.parse(readFileSync(join(FIXTURES, 'dialogue.json'), 'utf8')) as Truth;

/** Published turns as a turn-timed transcript gives them: starts to 0.1 s, no ends. */
export const published = truth.turns.map((t) => ({
  start: Math.round(t.start * 10) / 10,
  end: null,
  text: t.text,
}));

export interface Served {
  body: Buffer;
  type?: string;
  etag?: string;
}

/** A loopback server for audio files, by path. */
export async function audioServer(files: Record<string, Served>): Promise<Listening> {
  return listen((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404);
      return void res.end();
    }
    res.writeHead(200, {
      'Content-Type': file.type ?? 'audio/mpeg',
      'Content-Length': file.body.length,
      ...(file.etag ? { ETag: file.etag } : {}),
    });
    res.end(file.body);
  });
}

export interface TestApp {
  aligner: Aligner;
  app: Listening;
  cacheDir: string;
  close(): Promise<void>;
}

export async function alignApp(options: Partial<AlignOptions> = {}): Promise<TestApp> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'align-test-'));
  const aligner = createAligner({
    enabled: true,
    allowPrivate: true,
    cacheDir,
    threads: 2,
    ...options,
  });
  const app = await listen((req, res) => void aligner.handle(req, res));
  return {
    aligner,
    app,
    cacheDir,
    async close() {
      await app.close();
      await aligner.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  json: Record<string, unknown> | null;
}

export function send(port: number, method: string, path: string, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const data =
      body === undefined
        ? undefined
        : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent: false,
        headers: data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

export interface Event {
  event: string;
  data: Record<string, unknown>;
}

/** Reads a job's event stream until it ends. */
export function events(port: number, job: string, onEvent?: (e: Event) => void): Promise<Event[]> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/api/align/${job}/events`, agent: false },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`events answered ${res.statusCode}`));
        let buffer = '';
        const out: Event[] = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const name = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (name && data) {
              const e = { event: name, data: JSON.parse(data) as Record<string, unknown> };
              out.push(e);
              onEvent?.(e);
            }
          }
        });
        res.on('end', () => resolve(out));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Decodes a fixture to 16 kHz samples (with the aligner's own decoder). */
export async function samplesOf(file: string): Promise<Int16Array> {
  const dir = mkdtempSync(join(tmpdir(), 'align-pcm-'));
  try {
    await decodeToPcm(file, join(dir, 'out.pcm'), { maxSeconds: 600, timeoutMs: 30_000 });
    const bytes = readFileSync(join(dir, 'out.pcm'));
    return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TurnEvent {
  index: number;
  start: number;
  end: number;
  status: string;
  words: Array<{ from: number; to: number; start: number; end: number; estimated?: boolean }>;
}

export const turnsOf = (es: Event[]): TurnEvent[] =>
  es
    .filter((e) => e.event === 'turn')
    .map((e) => e.data as unknown as TurnEvent)
    .sort((a, b) => a.index - b.index);

/** Word-start errors (seconds) of aligned turns against the truth, given an offset per turn. */
export function startErrors(
  turns: TurnEvent[],
  shift: (index: number) => number = () => 0,
): number[] {
  const errors: number[] = [];
  for (const t of turns) {
    const real = truth.turns[t.index]?.words ?? [];
    t.words.forEach((w, k) => {
      const r = real[k];
      if (r && !w.estimated) errors.push(Math.abs(w.start - (r.start + shift(t.index))));
    });
  }
  return errors;
}
