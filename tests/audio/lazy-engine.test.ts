// The audio engine loaded on demand (#11): calls wait for it in order, a failed load is an error
// the player shows, and the next load tries again.
import { describe, expect, it } from 'vitest';
import type { AudioEngine, EngineEvent } from '../../src/audio/engine.ts';
import { FakeEngine } from '../../src/audio/fake-engine.ts';
import { ENGINE_LOAD_FAILED, LazyEngine } from '../../src/audio/lazy-engine.ts';

const SOURCE = { url: '/demo/episode.mp3', type: 'audio/mpeg' };

function deferred(): {
  promise: Promise<AudioEngine>;
  resolve: (e: AudioEngine) => void;
  reject: (e: unknown) => void;
} {
  let resolve!: (e: AudioEngine) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<AudioEngine>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('LazyEngine', () => {
  it('replays load, seek, rate and play in order once the engine arrives', async () => {
    const fake = new FakeEngine(600);
    fake.autoConfirmSeeks = true;
    const wait = deferred();
    const lazy = new LazyEngine(() => wait.promise);
    const events: EngineEvent['type'][] = [];
    lazy.subscribe((e) => events.push(e.type));

    lazy.load(SOURCE, 42);
    lazy.setRate(1.5);
    lazy.seek(90);
    lazy.play();
    // Before the engine: nothing plays, the position is where it will be, no duration yet.
    expect(lazy.position()).toBe(90);
    expect(lazy.duration()).toBeNull();
    expect(lazy.buffered()).toEqual([]);

    wait.resolve(fake);
    await wait.promise;
    await Promise.resolve();
    expect(fake.source).toEqual(SOURCE);
    expect(fake.rate).toBe(1.5);
    expect(fake.playing).toBe(true);
    expect(lazy.position()).toBe(90);
    expect(lazy.duration()).toBe(600);
    expect(events).toEqual(['loaded', 'seeked', 'playing']);

    lazy.pause();
    expect(fake.playing).toBe(false);
  });

  it('turns a failed load into an error in words, and tries again on the next load', async () => {
    let attempts = 0;
    const fake = new FakeEngine(600);
    const lazy = new LazyEngine(() => {
      attempts++;
      return attempts === 1 ? Promise.reject(new Error('chunk 404')) : Promise.resolve(fake);
    });
    const errors: string[] = [];
    lazy.subscribe((e) => {
      if (e.type === 'error') errors.push(e.message);
    });
    lazy.load(SOURCE);
    lazy.play();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toEqual([ENGINE_LOAD_FAILED]);
    expect(fake.playing).toBe(false); // the failed attempt's queue is dropped, not replayed later

    lazy.load(SOURCE, 5);
    await new Promise((r) => setTimeout(r, 0));
    expect(attempts).toBe(2);
    expect(fake.source).toEqual(SOURCE);
    expect(lazy.position()).toBe(5);
  });

  it('destroys an engine that arrives after the player is gone', async () => {
    const fake = new FakeEngine(600);
    let destroyed = false;
    fake.destroy = () => void (destroyed = true);
    const wait = deferred();
    const lazy = new LazyEngine(() => wait.promise);
    lazy.load(SOURCE);
    lazy.destroy();
    wait.resolve(fake);
    await new Promise((r) => setTimeout(r, 0));
    expect(destroyed).toBe(true);
    expect(fake.source).toBeNull();
  });
});

describe('LazyEngine.unload', () => {
  it('an unload before the engine arrives is replayed after the load: nothing stays loaded', async () => {
    const fake = new FakeEngine(600);
    const wait = deferred();
    const lazy = new LazyEngine(() => wait.promise);
    lazy.load(SOURCE, 42);
    lazy.play();
    lazy.unload();
    expect(lazy.position()).toBe(0);
    wait.resolve(fake);
    await wait.promise;
    await Promise.resolve();
    expect(fake.source).toBeNull();
    expect(fake.playing).toBe(false);
  });
});
