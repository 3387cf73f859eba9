// HowlerEngine against the real howler, on a media element that behaves as WebKit's did (#13): it
// may reach readyState 4 and fire canplaythrough before it knows the duration (0 until
// durationchange). A Play pressed while loading then "ended" at once and never called play().
import { beforeAll, describe, expect, test } from 'vitest';
import type { EngineEvent } from '../../src/audio/engine.ts';

/** The few parts of HTMLAudioElement that howler and the engine touch. */
class FakeAudio extends EventTarget {
  static made: FakeAudio[] = [];
  src = '';
  preload = '';
  volume = 1;
  muted = false;
  playbackRate = 1;
  currentTime = 0;
  duration = NaN;
  readyState = 0;
  paused = true;
  ended = false;
  error = null;
  oncanplaythrough = null;
  plays = 0;
  seekable = { length: 0, start: () => 0, end: () => 0 };
  buffered = { length: 0, start: () => 0, end: () => 0 };
  constructor() {
    super();
    FakeAudio.made.push(this);
  }
  canPlayType(): string {
    return 'probably';
  }
  /** As a media element's load(): what it knew about the last source is gone. */
  load(): void {
    this.readyState = 0;
    this.duration = NaN;
    this.ended = false;
    this.currentTime = 0;
  }
  /** Where the element was each time play() was called. */
  playedFrom: number[] = [];
  play(): Promise<void> {
    if (this.src && !this.src.startsWith('data:')) this.plays++;
    this.playedFrom.push(this.currentTime);
    this.paused = false;
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
  removeAttribute(): void {}
  /** The element as the engine's episode sees it: the last one given the episode's address. */
  static episode(): FakeAudio {
    return FakeAudio.made.filter((a) => a.src.endsWith('.mp3')).at(-1)!;
  }
}

type EngineClass = typeof import('../../src/audio/howler-engine.ts').HowlerEngine;
let HowlerEngine: EngineClass;

beforeAll(async () => {
  const g = globalThis as Record<string, unknown>;
  g.window = globalThis;
  g.Audio = FakeAudio;
  g.HTMLMediaElement = { HAVE_METADATA: 1 };
  g.location = { protocol: 'http:' };
  ({ HowlerEngine } = await import('../../src/audio/howler-engine.ts'));
});

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function opened() {
  const engine = new HowlerEngine();
  const events: EngineEvent[] = [];
  engine.subscribe((e) => events.push(e));
  engine.load({ url: 'http://127.0.0.1:9/episode.mp3', type: 'audio/mpeg' });
  return { engine, events, node: FakeAudio.episode() };
}

/** WebKit under load: readyState 4 and canplaythrough while the duration still reads 0. */
function readyBeforeDuration(node: FakeAudio) {
  node.readyState = 4;
  node.duration = 0;
  node.dispatchEvent(new Event('canplaythrough'));
}
/** Play pressed while loading, then the element ready before it knows its duration. */
async function playingBeforeDuration() {
  const playing = opened();
  playing.engine.play();
  readyBeforeDuration(playing.node);
  await tick();
  return playing;
}
function durationKnown(node: FakeAudio, seconds: number) {
  node.duration = seconds;
  node.dispatchEvent(new Event('durationchange'));
}

describe('HowlerEngine on an element that is ready before it knows its duration (#13)', () => {
  test('a Play pressed while loading calls the element’s play(); no end, no zero duration', async () => {
    const { engine, events, node } = await playingBeforeDuration();
    durationKnown(node, 196.7);
    await tick();
    expect(node.plays).toBe(1);
    expect(events.filter((e) => e.type === 'ended')).toEqual([]);
    const durations = events.flatMap((e) => (e.type === 'loaded' ? [e.duration] : []));
    expect(durations).toEqual([196.7]);
    engine.destroy();
  });

  test('a rate change while playing before the duration is known does not end the episode', async () => {
    const { engine, events } = await playingBeforeDuration();
    engine.setRate(0.75); // howler sets an end timer from the sprite's length: it must not overflow
    await tick(30);
    expect(events.filter((e) => e.type === 'ended')).toEqual([]);
    engine.destroy();
  });

  test('once the duration is known, a rate change near the end still ends there', async () => {
    const { engine, events, node } = await playingBeforeDuration();
    durationKnown(node, 10);
    node.currentTime = 9.99;
    engine.setRate(2);
    node.paused = true;
    node.ended = true;
    await tick(30);
    expect(events.some((e) => e.type === 'ended')).toBe(true);
    engine.destroy();
  });
});

describe('HowlerEngine on an element that reports a sub-second duration for good (#13)', () => {
  /** WebKit under load: ready, network idle, and a 197-s file said to last 0.0016 s. */
  function readyTooShort(node: FakeAudio) {
    node.readyState = 4;
    node.duration = 0.001563;
    node.dispatchEvent(new Event('durationchange'));
    node.dispatchEvent(new Event('canplaythrough'));
  }
  const errors = (events: EngineEvent[]) =>
    events.flatMap((e) => (e.type === 'error' ? [e.message] : []));

  test('is reported once as an error (so the player reloads), never as the episode’s length', async () => {
    const { engine, events, node } = opened();
    engine.play();
    readyTooShort(node);
    await tick();
    expect(errors(events)).toEqual([
      'The audio reported a length under a second, which cannot be the episode.',
    ]);
    expect(events.filter((e) => e.type === 'loaded')).toEqual([]);
    expect(engine.duration()).toBeNull();
    engine.destroy();
  });

  test('a sub-second duration while still loading is waited out, not an error', async () => {
    const { engine, events, node } = opened();
    node.readyState = 1;
    durationKnown(node, 0.5);
    node.dispatchEvent(new Event('loadedmetadata'));
    durationKnown(node, 196.7);
    node.readyState = 4;
    node.dispatchEvent(new Event('canplaythrough'));
    await tick();
    expect(errors(events)).toEqual([]);
    const durations = events.flatMap((e) => (e.type === 'loaded' ? [e.duration] : []));
    expect(durations.at(-1)).toBe(196.7);
    expect(durations).not.toContain(0.5);
    engine.destroy();
  });

  test('an element that "ends" after a sub-second duration is an error, not the episode’s end', async () => {
    const { engine, events, node } = opened();
    node.readyState = 2;
    node.duration = 0.001563;
    node.dispatchEvent(new Event('loadedmetadata'));
    engine.play();
    await tick();
    node.ended = true;
    node.paused = true;
    node.dispatchEvent(new Event('ended'));
    await tick();
    expect(events.filter((e) => e.type === 'ended')).toEqual([]);
    expect(errors(events)).toHaveLength(1);
    engine.destroy();
  });
});

describe('HowlerEngine: a seek made while the audio loads', () => {
  function loading(startAt: number) {
    const engine = new HowlerEngine();
    engine.load({ url: 'http://127.0.0.1:9/episode.mp3', type: 'audio/mpeg' }, startAt);
    return { engine, node: FakeAudio.episode() };
  }
  function ready(node: FakeAudio) {
    node.readyState = 4;
    node.duration = 2950;
    node.dispatchEvent(new Event('durationchange'));
    node.dispatchEvent(new Event('canplaythrough'));
  }

  test('is where the audio starts once loaded, not the load’s own start (a deep link’s t)', async () => {
    const { engine, node } = loading(600);
    engine.seek(1200);
    ready(node);
    await tick();
    expect(node.currentTime).toBe(1200);
    engine.destroy();
  });

  test('a Play pressed after it, still loading, plays from there', async () => {
    const { engine, node } = loading(600);
    const plays = node.plays; // howler reuses its elements: count this test's plays
    engine.seek(1200);
    engine.play();
    ready(node);
    await tick();
    expect(node.plays - plays).toBe(1);
    expect(node.currentTime).toBe(1200);
    engine.destroy();
  });

  test('a Play pressed while loading a deep link plays from its time, never from 0:00 first', async () => {
    // howler's play() restarted a new ("ended") sound at 0:00; the load's seek came after.
    const { engine, node } = loading(95);
    const earlier = node.playedFrom.length; // howler reuses its elements
    engine.play();
    ready(node);
    await tick();
    await tick();
    expect(node.playedFrom.slice(earlier)).toEqual([95]);
    engine.destroy();
  });

  test('its clock reads where the load will start until the element knows anything', async () => {
    const { engine, node } = loading(600);
    expect(engine.position()).toBe(600);
    engine.seek(1200);
    expect(engine.position()).toBe(1200);
    ready(node);
    await tick();
    expect(engine.position()).toBe(node.currentTime);
    expect(node.currentTime).toBe(1200);
    engine.destroy();
  });

  test('with metadata, until the load has moved the element, its clock still reads the start', async () => {
    // A frame between the element's metadata and howler's load (a timer later) read 0:00: the
    // highlight left a deep link's turn for the opening (demo.test, a loaded CI machine).
    const { engine, node } = loading(600);
    node.readyState = 1;
    node.duration = 2950;
    node.dispatchEvent(new Event('loadedmetadata'));
    expect(engine.position()).toBe(600);
    await tick();
    expect(node.currentTime).toBe(600);
    expect(engine.position()).toBe(600);
    engine.destroy();
  });

  test('a seek to 0:00 while loading still ends as a seek (the player waits for one)', async () => {
    const engine = new HowlerEngine();
    const events: EngineEvent[] = [];
    engine.subscribe((e) => events.push(e));
    engine.load({ url: 'http://127.0.0.1:9/episode.mp3', type: 'audio/mpeg' }, 600);
    const node = FakeAudio.episode();
    engine.seek(0);
    ready(node); // the element is at 0 already: it is given no seek, so fires no `seeked`
    await tick();
    expect(node.currentTime).toBe(0);
    expect(events.some((e) => e.type === 'seeked' && e.position === 0)).toBe(true);
    engine.destroy();
  });

  test('after the load, seeks go to the element, also while a play re-buffers (#13: two skips)', async () => {
    const { engine, node } = loading(0);
    ready(node);
    await tick();
    // As a media element: a new position has no data yet, until `seeked`.
    let at = 0;
    Object.defineProperty(node, 'currentTime', {
      configurable: true,
      get: () => at,
      set: (value: number) => {
        at = value;
        node.readyState = 1;
      },
    });
    engine.play();
    await tick();
    engine.seek(100);
    await tick();
    engine.seek(200);
    node.readyState = 4;
    node.dispatchEvent(new Event('seeked'));
    await tick();
    expect(node.currentTime).toBe(200);
    expect(engine.position()).toBe(200);
    engine.destroy();
  });

  test('after the load, a seek goes straight to the element', async () => {
    const { engine, node } = loading(600);
    ready(node);
    await tick();
    expect(node.currentTime).toBe(600);
    engine.seek(30);
    await tick();
    expect(node.currentTime).toBe(30);
    engine.destroy();
  });
});
