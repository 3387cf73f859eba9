// Starts the built app exactly as `npm start` does (on a free port) and the fixture publisher.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startApp } from './app-process.ts';
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

let app: ChildProcess | undefined;
let strict: ChildProcess | undefined;
let fixtures: FixtureServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(resolve(ROOT, 'dist/index.html')))
    throw new Error('dist/ is missing: run `npm run build` first');
  // Word timing off (#12): these servers keep every episode's published timing, so the tests that
  // share them see the same times on every run; align.test.ts starts its own server with it on.
  const main = await startApp(true, { ALIGN: 'off' });
  const locked = await startApp(false, { ALIGN: 'off' });
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
