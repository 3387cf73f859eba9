// Runs the real `npm run inspect` command (its script, via node + tsx) and serves fixtures on
// loopback for URL inputs (#15).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listen, type Listening } from './http-helpers.ts';

export const FIXTURES = join(process.cwd(), 'tests/fixtures/inspect');
export const fixture = (name: string): string => join(FIXTURES, name);

export interface Run {
  code: number | null;
  lines: string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read back from stdout
  docs: any[];
  stderr: string;
}

/** `node --import tsx src/server/inspect/cli.ts …args`, as the package.json script runs it. */
export function inspect(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn('node', ['--import', 'tsx', 'src/server/inspect/cli.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ALLOW_PRIVATE_FEEDS: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const lines = stdout.split('\n').filter((l) => l !== '');
      resolve({ code, lines, docs: lines.map((l): unknown => JSON.parse(l)), stderr });
    });
  });
}

const TYPES: Record<string, string> = {
  xml: 'application/rss+xml; charset=utf-8',
  vtt: 'text/vtt',
  json: 'application/json',
  srt: 'application/x-subrip',
};

/** Serves tests/fixtures/inspect on 127.0.0.1; unknown names get a 404. */
export function serveFixtures(): Promise<Listening> {
  return listen((req, res) => {
    const name = (req.url ?? '/').slice(1);
    if (!/^[\w.-]+$/.test(name)) return void res.writeHead(404).end();
    let body: Buffer;
    try {
      body = readFileSync(fixture(name));
    } catch {
      return void res.writeHead(404).end();
    }
    const ext = name.split('.').pop() ?? '';
    res.writeHead(200, { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' });
    res.end(body);
  });
}
