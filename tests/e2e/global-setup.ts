// Starts the built app exactly as `npm start` does (on a free port) and the fixture publisher.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { writeLongTranscriptFeed } from './long-transcript.ts';
import { writeLongNotesFeed } from './long-notes.ts';
import { writeLongMp3 } from './long-audio.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** The same app without ALLOW_PRIVATE_FEEDS: its proxy refuses loopback addresses. */
    strictAppUrl: string;
    fixtureUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function waitForUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`app server did not answer at ${url}`);
}

let app: ChildProcess | undefined;
let strict: ChildProcess | undefined;

async function startApp(allowPrivate: boolean): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  if (allowPrivate) env['ALLOW_PRIVATE_FEEDS'] = '1';
  else delete env['ALLOW_PRIVATE_FEEDS'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForUp(url, child);
  return { child, url };
}
let fixtures: FixtureServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(resolve(ROOT, 'dist/index.html')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const main = await startApp(true);
  const locked = await startApp(false);
  app = main.child;
  strict = locked.child;
  writeLongMp3(
    resolve(ROOT, 'static/demo/episode.mp3'),
    resolve(ROOT, 'test-results/generated/long.mp3'),
    15,
  );
  writeLongTranscriptFeed(resolve(ROOT, 'test-results/generated'));
  writeLongNotesFeed(resolve(ROOT, 'test-results/generated'));
  fixtures = await startFixtureServer();
  project.provide('appUrl', main.url);
  project.provide('strictAppUrl', locked.url);
  project.provide('fixtureUrl', fixtures.url);
}

export async function teardown(): Promise<void> {
  app?.kill('SIGTERM');
  strict?.kill('SIGTERM');
  await fixtures?.close();
}
