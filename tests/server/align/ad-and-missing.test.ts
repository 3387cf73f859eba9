// Audio that differs from the text: an ad spliced in (turns after it come back shifted, with
// their true times, and the ad as a gap), and a turn cut from the audio (reported missing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { wavFile } from '../../fixtures/align/synth-speech.ts';
import type { Listening } from '../http-helpers.ts';
import {
  alignApp,
  audioServer,
  events,
  FIXTURES,
  published,
  samplesOf,
  send,
  startErrors,
  truth,
  turnsOf,
  type TestApp,
} from './helpers.ts';

const RATE = 16000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

describe('audio that is not what the transcript says', () => {
  let app: TestApp;
  let audio: Listening;
  const AD_BEFORE = 3;
  const CUT = 4;
  let adSeconds = 0;
  let adSpeech: [number, number] = [0, 0];
  let cutSeconds = 0;
  beforeAll(async () => {
    const dialogue = await samplesOf(join(FIXTURES, 'dialogue.mp3'));
    const ad = await samplesOf(join(FIXTURES, 'ad.mp3'));
    // The ad goes in the pause before turn AD_BEFORE.
    const at = Math.round(((truth.turns[AD_BEFORE]?.start ?? 0) - 0.35) * RATE);
    const withAd = new Int16Array(dialogue.length + ad.length);
    withAd.set(dialogue.subarray(0, at));
    withAd.set(ad, at);
    withAd.set(dialogue.subarray(at), at + ad.length);
    adSeconds = ad.length / RATE;
    const loud = (x: number) => Math.abs(x) > 300;
    adSpeech = [(at + ad.findIndex(loud)) / RATE, (at + ad.findLastIndex(loud)) / RATE];
    // Turn CUT (and the pause after it) is removed.
    const a = Math.round(((truth.turns[CUT]?.start ?? 0) - 0.1) * RATE);
    const b = Math.round(((truth.turns[CUT + 1]?.start ?? 0) - 0.1) * RATE);
    const cut = new Int16Array(dialogue.length - (b - a));
    cut.set(dialogue.subarray(0, a));
    cut.set(dialogue.subarray(b), a);
    cutSeconds = (b - a) / RATE;
    app = await alignApp();
    audio = await audioServer({
      '/ad.wav': { body: wavFile(withAd), type: 'audio/wav' },
      '/cut.wav': { body: wavFile(cut), type: 'audio/wav' },
    });
  });
  afterAll(async () => {
    await audio.close();
    await app.close();
  });

  // Before the edge check (turn-search.ts) the first turn after the ad came back ~3 s early, its
  // first three words on the ad's last seconds and a pause holding its real first words after them.
  test(
    'an inserted ad: later turns shifted to their true times, the ad reported as a gap',
    { timeout: 600_000 },
    async () => {
      const posted = await send(app.app.port, 'POST', '/api/align', {
        audio: `http://127.0.0.1:${audio.port}/ad.wav`,
        language: null,
        focus: 0,
        turns: published,
      });
      const es = await events(app.app.port, String(posted.json?.job));
      expect(es.at(-1)?.event).toBe('done');
      const turns = turnsOf(es);
      expect(turns.map((t) => t.status)).toEqual(
        truth.turns.map((_, i) => (i < AD_BEFORE ? 'aligned' : 'shifted')),
      );
      const shift = (i: number) => (i >= AD_BEFORE ? adSeconds : 0);
      expect(median(startErrors(turns, shift))).toBeLessThan(0.05);
      // Turns after the ad on their own, too (the ad's end must not be taken for their words).
      expect(median(startErrors(turns.slice(AD_BEFORE), shift))).toBeLessThan(0.05);
      const gaps = es
        .filter((e) => e.event === 'gap')
        .map((e) => e.data as { start: number; end: number });
      expect(gaps, JSON.stringify({ gaps, adSpeech })).toHaveLength(1);
      // The gap is the ad's speech, to within a second (loudness frames, word edges).
      expect(
        Math.abs((gaps[0]?.start ?? 0) - adSpeech[0]),
        JSON.stringify({ gaps, adSpeech, turns: turns.map((t) => [t.start, t.end]) }),
      ).toBeLessThan(1);
      expect(
        Math.abs((gaps[0]?.end ?? 0) - adSpeech[1]),
        JSON.stringify({ gaps, adSpeech, turns: turns.map((t) => [t.start, t.end]) }),
      ).toBeLessThan(1);
    },
  );

  test(
    'a turn missing from the audio is reported missing; the rest still align',
    { timeout: 600_000 },
    async () => {
      const posted = await send(app.app.port, 'POST', '/api/align', {
        audio: `http://127.0.0.1:${audio.port}/cut.wav`,
        language: 'en',
        focus: 0,
        turns: published,
      });
      const es = await events(app.app.port, String(posted.json?.job));
      expect(es.at(-1)?.event).toBe('done');
      const turns = turnsOf(es);
      expect(turns[CUT]?.status).toBe('missing');
      expect(turns[CUT]?.words).toEqual([]);
      const others = turns.filter((t) => t.index !== CUT);
      expect(others.every((t) => t.status === 'aligned' || t.status === 'shifted')).toBe(true);
      expect(turns[CUT + 1]?.status).toBe(cutSeconds > 1.5 ? 'shifted' : 'aligned');
      expect(median(startErrors(others, (i) => (i > CUT ? -cutSeconds : 0)))).toBeLessThan(0.05);
      expect(es.some((e) => e.event === 'gap')).toBe(false);
    },
  );
});
