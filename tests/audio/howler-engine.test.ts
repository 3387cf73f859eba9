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
  load(): void {}
  play(): Promise<void> {
    if (this.src && !this.src.startsWith('data:')) this.plays++;
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
