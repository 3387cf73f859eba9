// Starts the built app exactly as `npm start` does (on a free port) and the fixture publisher.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
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
let fixtures: FixtureServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const port = await freePort();
  app = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ALLOW_PRIVATE_FEEDS: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const appUrl = `http://127.0.0.1:${port}/`;
  await waitForUp(appUrl, app);
  fixtures = await startFixtureServer();
  project.provide('appUrl', appUrl);
  project.provide('fixtureUrl', fixtures.url);
}

export async function teardown(): Promise<void> {
  app?.kill('SIGTERM');
  await fixtures?.close();
}
