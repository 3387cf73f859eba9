// A real job end to end through the HTTP handler, on loopback: generated speech with known
// word times, turn-timed text, unknown words (Zorbulax, GPU), focus first, cache reuse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  alignApp,
  audioServer,
  events,
  FIXTURES,
  published,
  send,
  startErrors,
  truth,
  turnsOf,
  type TestApp,
} from './helpers.ts';
import type { Listening } from '../http-helpers.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

describe('POST /api/align → events', () => {
  let app: TestApp;
  let audio: Listening;
  beforeAll(async () => {
    app = await alignApp();
    audio = await audioServer({
      '/dialogue.mp3': { body: readFileSync(join(FIXTURES, 'dialogue.mp3')), etag: '"v1"' },
    });
  });
  afterAll(async () => {
    await audio.close();
    await app.close();
  });

  test(
    'aligns every turn to the words the audio holds, nearest the focus first',
    { timeout: 120_000 },
    async () => {
      const body = {
        audio: `http://127.0.0.1:${audio.port}/dialogue.mp3`,
        language: 'en-US',
        focus: 30,
        turns: published,
      };
      const posted = await send(app.app.port, 'POST', '/api/align', body);
      expect(posted.status).toBe(202);
      expect(posted.json?.cached).toBe(false);
      const job = String(posted.json?.job);
      // The same audio and text join the same job.
      expect((await send(app.app.port, 'POST', '/api/align', body)).json?.job).toBe(job);
      const es = await events(app.app.port, job);
      expect(es[0]?.event).toBe('meta');
      expect((es[0]?.data.duration as number) - truth.duration).toBeLessThan(0.2);
      expect(es.at(-1)?.event).toBe('done');
      const turns = turnsOf(es);
      expect(turns.map((t) => t.status)).toEqual(truth.turns.map(() => 'aligned'));
      // The first turn to arrive is the one holding the focus.
      const first = es.find((e) => e.event === 'turn')?.data.index as number;
      const holding = truth.turns.findIndex((t) => t.start <= 30 && t.end >= 30);
      expect(Math.abs(first - holding)).toBeLessThanOrEqual(1);
      const errors = startErrors(turns);
      expect(errors.length).toBe(truth.turns.flatMap((t) => t.words).length);
      expect(median(errors)).toBeLessThan(0.05);
      expect([...errors].sort((a, b) => a - b)[Math.floor(errors.length * 0.95)]).toBeLessThan(
        0.25,
      );
      // Words the dictionary lacks: an invented name and an acronym.
      for (const name of ['Zorbulax', 'GPU']) {
        const i = truth.turns.findIndex((t) => t.text.includes(name));
        const k = truth.turns[i]?.words.findIndex((w) => w.text === name) ?? -1;
        const got = turns[i]?.words[k];
        expect(truth.turns[i]?.text.slice(got?.from, got?.to)).toBe(name);
        expect(Math.abs((got?.start ?? 0) - (truth.turns[i]?.words[k]?.start ?? 99))).toBeLessThan(
          0.1,
        );
      }
      // Finished: a new request is answered from the cache, with the same events.
      const again = await send(app.app.port, 'POST', '/api/align', body);
      expect(again.json?.cached).toBe(true);
      const t0 = performance.now();
      const replay = await events(app.app.port, job);
      expect(performance.now() - t0).toBeLessThan(300);
      expect(turnsOf(replay)).toEqual(turns);
    },
  );
});
