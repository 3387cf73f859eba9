// The word-timing job seen from the page (#12), against a fake server: results batch once a
// frame, wait for the audio's duration, are refused for another copy, and failures say why.
import { describe, expect, test } from 'vitest';
import type { AlignEvent, AlignRequest } from '../../src/core/align/wire.ts';
import type { Turn } from '../../src/core/model.ts';
import { AlignFailure, type AlignClient } from '../../src/state/align-client.ts';
import { Alignment } from '../../src/state/alignment.svelte.ts';
import { retimeTurn } from '../../src/core/align/retime.ts';
import { alignRequest } from '../../src/core/align/wire.ts';

const turn = (start: number, end: number, text: string): Turn => ({
  start,
  end,
  speaker: 'A',
  text,
  cues: [{ start, end, text, offset: 0 }],
});
const TURNS = [turn(0, 4, 'Good morning.'), turn(4, 9, 'Morning to you.')];

function fakeServer(refuse?: string, offer: string | null = null) {
  const requests: AlignRequest[] = [];
  const focuses: number[] = [];
  let emit: (event: AlignEvent) => void = () => {};
  let end: (error?: Error) => void = () => {};
  const client: AlignClient = {
    async offered() {
      return offer;
    },
    async start(request) {
      requests.push(request);
      if (refuse) throw new AlignFailure(refuse);
      return { job: 'j1', cached: false };
    },
    stream(_job, onEvent) {
      emit = onEvent;
      return new Promise((resolve, reject) => {
        end = (error) => (error ? reject(error) : resolve());
      });
    },
    async focus(_job, t) {
      focuses.push(t);
    },
  };
  return {
    client,
    requests,
    focuses,
    emit: (e: AlignEvent) => emit(e),
    end: (e?: Error) => end(e),
  };
}

function setup(refuse?: string, offer: string | null = null) {
  const server = fakeServer(refuse, offer);
  const frames: Array<() => void> = [];
  const timers: Array<() => void> = [];
  const applied: Array<Map<number, Turn>> = [];
  let media: number | null = 60;
  const engine = {
    client: server.client,
    retimeTurn,
    alignRequest,
    isFailure: (e: unknown): e is Error => e instanceof AlignFailure,
  };
  const alignment = new Alignment(
    async () => engine,
    { mediaDuration: () => media, applyAligned: (batch) => void applied.push(new Map(batch)) },
    (cb) => frames.push(cb),
    (cb) => void timers.push(cb),
  );
  const frame = () => frames.splice(0).forEach((cb) => cb());
  const timer = () => timers.splice(0).forEach((cb) => cb());
  const setMedia = (d: number | null) => (media = d);
  return { server, alignment, applied, frame, timer, setMedia };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const meta = (duration: number): AlignEvent => ({
  type: 'meta',
  meta: { duration, audio: { url: 'a', length: null, etag: null } },
});
const result = (index: number, start: number): AlignEvent => ({
  type: 'turn',
  turn: {
    index,
    start,
    end: start + 1,
    status: 'aligned',
    words: [{ from: 0, to: 4, start, end: start + 0.5 }],
  },
});

describe('Alignment', () => {
  test('results arriving together reach the timeline in one batch on the next frame', async () => {
    const { server, alignment, applied, frame } = setup();
    alignment.start({ audio: 'https://x.test/a.mp3', language: 'en', turns: TURNS, focus: 3 });
    await settle();
    expect(server.requests[0]?.focus).toBe(3);
    expect(alignment.phase).toBe('aligning');
    server.emit(meta(60.2));
    server.emit(result(0, 0.3));
    server.emit({ type: 'progress', done: 1, total: 2 });
    server.emit(result(1, 4.4));
    expect(alignment.percent).toBe(50);
    expect(applied).toHaveLength(0);
    frame();
    expect(applied).toHaveLength(1);
    expect([...applied[0]!.keys()]).toEqual([0, 1]);
    expect(applied[0]!.get(1)?.cues[0]?.words?.[0]).toEqual({
      start: 4.4,
      end: 4.9,
      text: 'Morn',
      offset: 0,
    });
    server.emit({ type: 'done' });
    frame();
    expect(alignment.phase).toBe('done');
    expect(alignment.percent).toBe(100);
  });

  test('results wait until the browser knows the audio duration', async () => {
    const { server, alignment, applied, frame, timer, setMedia } = setup();
    setMedia(null);
    alignment.start({ audio: 'a', language: null, turns: TURNS, focus: 0 });
    await settle();
    server.emit(meta(60));
    server.emit(result(0, 0.3));
    frame();
    timer();
    frame();
    expect(applied).toHaveLength(0);
    setMedia(60.3);
    timer();
    frame();
    expect(applied).toHaveLength(1);
  });

  test('another copy of the audio (durations differ by more than half a second) is refused plainly', async () => {
    const { server, alignment, applied, frame } = setup();
    alignment.start({ audio: 'a', language: null, turns: TURNS, focus: 0 });
    await settle();
    server.emit(meta(80));
    server.emit(result(0, 0.3));
    frame();
    expect(applied).toHaveLength(0);
    expect(alignment.phase).toBe('failed');
    expect(alignment.message).toBe(
      'Word times were found for a different copy of this audio (1:20 long; this one is 1:00), so the published timing is kept.',
    );
  });

  test('another copy is refused as soon as the server says which it aligned, before any turn', async () => {
    const { server, alignment, frame } = setup();
    alignment.start({ audio: 'a', language: null, turns: TURNS, focus: 0 });
    await settle();
    server.emit(meta(75));
    frame();
    expect(alignment.phase).toBe('failed');
    expect(alignment.message).toMatch(/^Word times were found for a different copy of this audio/);
  });

  test('a server that does not offer word times is not asked to compute them', async () => {
    const { server, alignment } = setup(undefined, 'Word timing is turned off on this server.');
    alignment.start({ audio: 'a', language: null, turns: TURNS, focus: 0 });
    await settle();
    expect(server.requests).toEqual([]);
    expect(alignment.phase).toBe('failed');
    expect(alignment.message).toBe('Word timing is turned off on this server.');
  });

  test('a refusal, an error event and a lost stream each end in one plain line', async () => {
    const refused = setup('Word timing is turned off on this server.');
    refused.alignment.start({ audio: 'a', language: null, turns: TURNS, focus: 0 });
    await settle();
    expect(refused.alignment.message).toBe('Word timing is turned off on this server.');
    const bad = setup('The transcript has more than 5000 turns.');
    bad.alignment.start({ audio: 'a', language: null, turns: TURNS, focus: 0 });
    await settle();
    expect(bad.alignment.message).toBe(
      'Word timing could not be found: the transcript has more than 5000 turns.',
    );
    const errored = setup();
    errored.alignment.start({ audio: 'a', language: null, turns: TURNS, focus: 0 });
    await settle();
    errored.server.emit({ type: 'error', code: 'no-speech', message: 'No speech in the audio.' });
    expect(errored.alignment.message).toBe(
      'Word timing could not be found: no speech in the audio.',
    );
    const lost = setup();
    lost.alignment.start({ audio: 'a', language: null, turns: TURNS, focus: 0 });
    await settle();
    lost.server.end(new AlignFailure('the connection to the server was lost.'));
    await settle();
    expect(lost.alignment.phase).toBe('failed');
    expect(lost.alignment.message).toMatch(/connection to the server was lost/);
  });

  test('seeks send one focus once they settle; a reset job ignores late events', async () => {
    const { server, alignment, applied, frame, timer } = setup();
    alignment.start({ audio: 'a', language: null, turns: TURNS, focus: 0 });
    await settle();
    alignment.focus(100);
    alignment.focus(200);
    timer();
    await settle();
    expect(server.focuses).toEqual([200]);
    alignment.reset();
    server.emit(meta(60));
    server.emit(result(0, 0.3));
    frame();
    expect(applied).toHaveLength(0);
    expect(alignment.phase).toBe('idle');
  });
});
