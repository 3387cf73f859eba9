// The demo's audio is on the server itself (#12): `npm start` without ALLOW_PRIVATE_FEEDS must
// still align it, by reading the file it serves, without lifting the address rule for anything
// else.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAppHandler } from '../../../src/server/app-server.ts';
import { ownFile } from '../../../src/server/align/own-file.ts';
import type { WindowAligner } from '../../../src/server/align/pool.ts';
import { listen, type Listening } from '../http-helpers.ts';
import { events, FIXTURES, published, send } from './helpers.ts';

let root: string;
let outside: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'own-root-'));
  outside = mkdtempSync(join(tmpdir(), 'own-outside-'));
  mkdirSync(join(root, 'demo'));
  copyFileSync(join(FIXTURES, 'dialogue.mp3'), join(root, 'demo', 'episode.mp3'));
  writeFileSync(join(root, 'demo', 'notes.txt'), 'not audio');
  writeFileSync(join(outside, 'secret.mp3'), 'outside the root');
  symlinkSync(join(outside, 'secret.mp3'), join(root, 'demo', 'link.mp3'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('ownFile', () => {
  test('only audio inside the root, asked for through this server', () => {
    const own = ownFile(root);
    const host = '127.0.0.1:4173';
    expect(own('http://127.0.0.1:4173/demo/episode.mp3', host)).toMatch(/demo\/episode\.mp3$/);
    expect(own('http://127.0.0.1:4173/demo/episode.mp3', 'example.com')).toBeNull();
    expect(own('http://127.0.0.1:4174/demo/episode.mp3', host)).toBeNull();
    expect(own('http://127.0.0.1:4173/demo/episode.mp3', undefined)).toBeNull();
    expect(own('http://127.0.0.1:4173/demo/notes.txt', host)).toBeNull();
    expect(own('http://127.0.0.1:4173/demo/missing.mp3', host)).toBeNull();
    expect(own('http://127.0.0.1:4173/demo/link.mp3', host)).toBeNull();
    expect(own('http://127.0.0.1:4173/demo/..%2f..%2fetc/passwd.mp3', host)).toBeNull();
    expect(own('http://127.0.0.1:4173/%2e%2e/%2e%2e/etc/hostname.mp3', host)).toBeNull();
    expect(own('ftp://127.0.0.1:4173/demo/episode.mp3', host)).toBeNull();
  });
});

describe('the app server aligns its own audio without ALLOW_PRIVATE_FEEDS', () => {
  // Decoding is real; the windows are refused at once (this is about where the audio comes from).
  const noWindows: WindowAligner = {
    capacity: 1,
    align: async () => ({ words: null, score: null }),
    close: async () => undefined,
  };
  let app: Listening;
  beforeAll(async () => {
    const cacheDir = join(root, '.cache');
    const handler = createAppHandler({
      root,
      proxy: { allowPrivate: false },
      align: { enabled: true, allowPrivate: false, cacheDir, aligner: noWindows },
    });
    app = await listen((req, res) => void handler(req, res));
  });
  afterAll(async () => app?.close());

  test('its own file is read (the copy is described), another loopback address is refused', async () => {
    const own = await send(app.port, 'POST', '/api/align', {
      audio: `http://127.0.0.1:${app.port}/demo/episode.mp3`,
      language: 'en',
      focus: 0,
      turns: published,
    });
    expect(own.status).toBe(202);
    const es = await events(app.port, String(own.json?.job));
    const meta = es.find((e) => e.event === 'meta')?.data as { duration: number } | undefined;
    expect(meta?.duration).toBeCloseTo(40.5, 0);
    const other = await send(app.port, 'POST', '/api/align', {
      audio: `http://127.0.0.1:9/demo/episode.mp3`,
      language: 'en',
      focus: 0,
      turns: published,
    });
    const refused = await events(app.port, String(other.json?.job));
    expect(refused.at(-1)?.data).toMatchObject({ code: 'refused' });
  });
});
