// Refusals and fallbacks, in plain words: ALIGN=off, bad input, a language without a model,
// too many jobs, an address the proxy would refuse, unreachable or undecodable audio, no
// speech, and the caps on size, duration and time. None of these reach the aligner threads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WindowAligner } from '../../../src/server/align/pool.ts';
import { createAligner } from '../../../src/server/align/setup.ts';
import { wavFile } from '../../fixtures/align/synth-speech.ts';
import { listen, type Listening } from '../http-helpers.ts';
import {
  alignApp,
  audioServer,
  events,
  FIXTURES,
  published,
  send,
  type TestApp,
} from './helpers.ts';

/** Fails the test if any window reaches it; never settles when `hang` (to fill the job slots). */
const noAligner = (hang = false): WindowAligner => ({
  capacity: 1,
  align: () =>
    hang ? new Promise(() => undefined) : Promise.reject(new Error('The aligner should not run.')),
  close: async () => undefined,
});

const body = (audio: string, extra: Record<string, unknown> = {}) => ({
  audio,
  language: 'en',
  focus: 0,
  turns: published,
  ...extra,
});

async function errorOf(app: TestApp, audio: string): Promise<{ code: string; message: string }> {
  const posted = await send(app.app.port, 'POST', '/api/align', body(audio));
  expect(posted.status).toBe(202);
  const es = await events(app.app.port, String(posted.json?.job));
  expect(es.at(-1)?.event).toBe('error');
  return es.at(-1)?.data as { code: string; message: string };
}

describe('refusals at the door', () => {
  test('ALIGN=off answers 503 JSON; GET says it is off', async () => {
    const off = createAligner({ enabled: false, allowPrivate: true });
    const app = await listen((req, res) => void off.handle(req, res));
    const r = await send(app.port, 'POST', '/api/align', body('http://example.com/a.mp3'));
    expect(r.status).toBe(503);
    expect(r.json?.error).toMatch(/turned off/);
    // Asked first by the page (#12): a 200 that says so, not a failed request in its console.
    expect(await send(app.port, 'GET', '/api/align')).toEqual({
      status: 200,
      json: { available: false, error: 'Word timing is turned off on this server.' },
    });
    await app.close();
  });

  test('bad input, other languages, unknown jobs', async () => {
    const app = await alignApp({ aligner: noAligner() });
    const port = app.app.port;
    expect((await send(port, 'POST', '/api/align', '{nope')).status).toBe(400);
    expect((await send(port, 'POST', '/api/align', body('ftp://x/a.mp3'))).status).toBe(400);
    expect(
      (await send(port, 'POST', '/api/align', body('http://x/a.mp3', { turns: [] }))).status,
    ).toBe(400);
    expect(
      (
        await send(
          port,
          'POST',
          '/api/align',
          body('http://x/a.mp3', { turns: [{ start: -1, end: null, text: 'a' }] }),
        )
      ).status,
    ).toBe(400);
    const fr = await send(port, 'POST', '/api/align', body('http://x/a.mp3', { language: 'fr' }));
    expect(fr.status).toBe(422);
    expect(fr.json?.error).toBe(
      'Word timing is only available for English; this episode\'s language is "fr".',
    );
    expect((await send(port, 'PUT', '/api/align')).status).toBe(405);
    expect(await send(port, 'GET', '/api/align')).toEqual({
      status: 200,
      json: { available: true },
    });
    expect((await send(port, 'GET', '/api/align/0123456789abcdef/events')).status).toBe(404);
    expect((await send(port, 'POST', '/api/align/0123456789abcdef/focus', { t: 3 })).status).toBe(
      404,
    );
    await app.close();
  });

  test('too many jobs at once: 503', async () => {
    const app = await alignApp({ aligner: noAligner(true), maxRunning: 1, maxQueued: 1 });
    // A server that never answers keeps the jobs busy.
    const stuck = await listen(() => undefined);
    const at = (name: string) => body(`http://127.0.0.1:${stuck.port}/${name}.mp3`);
    const a = await send(app.app.port, 'POST', '/api/align', at('a'));
    const b = await send(app.app.port, 'POST', '/api/align', at('b'));
    const c = await send(app.app.port, 'POST', '/api/align', at('c'));
    expect([a.status, b.status, c.status]).toEqual([202, 202, 503]);
    expect(c.json?.error).toMatch(/too many episodes/);
    // Joining a running job is not a new job; focus on a known job is accepted.
    expect((await send(app.app.port, 'POST', '/api/align', at('a'))).json?.job).toBe(a.json?.job);
    expect(
      (await send(app.app.port, 'POST', `/api/align/${String(a.json?.job)}/focus`, { t: 12 }))
        .status,
    ).toBe(204);
    await app.close();
    await stuck.close();
  });
});

describe('audio that cannot be aligned', () => {
  let audio: Listening;
  let slow: Listening;
  beforeAll(async () => {
    audio = await audioServer({
      '/silence.wav': { body: wavFile(new Int16Array(16000 * 20)), type: 'audio/wav' },
      '/garbage.mp3': {
        body: Buffer.from('this is not audio at all, only text pretending'.repeat(200)),
      },
      '/dialogue.mp3': { body: readFileSync(join(FIXTURES, 'dialogue.mp3')) },
    });
    slow = await listen((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'audio/mpeg' });
      res.write(Buffer.alloc(1000));
    });
  });
  afterAll(async () => {
    await audio.close();
    await slow.close();
  });
  const url = (path: string) => `http://127.0.0.1:${audio.port}${path}`;

  test('no speech, undecodable, unreachable, not found', async () => {
    const app = await alignApp({ aligner: noAligner() });
    expect(await errorOf(app, url('/silence.wav'))).toEqual({
      code: 'no-speech',
      message: 'Word timing could not be found: no speech in the audio.',
    });
    expect((await errorOf(app, url('/garbage.mp3'))).code).toBe('undecodable');
    expect((await errorOf(app, 'http://127.0.0.1:9/closed.mp3')).code).toBe('unreachable');
    expect((await errorOf(app, url('/missing.mp3'))).code).toBe('unreachable');
    await app.close();
  });

  test('private addresses are refused unless ALLOW_PRIVATE_FEEDS', async () => {
    const app = await alignApp({ aligner: noAligner(), allowPrivate: false, allowAnyPort: true });
    const e = await errorOf(app, url('/dialogue.mp3'));
    expect(e.code).toBe('refused');
    expect(e.message).toMatch(/does not fetch from/);
    await app.close();
  });

  test('every redirect hop is checked', async () => {
    const hop = await listen((_req, res) => {
      res.writeHead(302, { Location: `http://localhost:${audio.port}/dialogue.mp3` });
      res.end();
    });
    // 127.0.0.1 counts as public here, so only the redirect's target is refused.
    const app = await alignApp({
      aligner: noAligner(),
      allowPrivate: false,
      allowAnyPort: true,
      checkAddress: (a) =>
        a === '127.0.0.1' ? { public: true } : { public: false, reason: 'private' },
    });
    const e = await errorOf(app, `http://127.0.0.1:${hop.port}/a.mp3`);
    expect(e.code).toBe('refused');
    await app.close();
    await hop.close();
  });

  test('caps: size, duration, download time', async () => {
    const small = await alignApp({ aligner: noAligner(), maxBytes: 50_000 });
    expect((await errorOf(small, url('/dialogue.mp3'))).code).toBe('too-large');
    await small.close();
    const short = await alignApp({ aligner: noAligner(), maxSeconds: 10 });
    expect((await errorOf(short, url('/dialogue.mp3'))).code).toBe('too-long');
    await short.close();
    const hurried = await alignApp({ aligner: noAligner(), fetchTimeoutMs: 300 });
    expect((await errorOf(hurried, `http://127.0.0.1:${slow.port}/a.mp3`)).code).toBe('timeout');
    await hurried.close();
  });
});
