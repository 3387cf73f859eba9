// Player behaviour that real engines exposed (#13): skips issued while a seek is pending, and a
// reconnect that "plays" for an instant before failing again.
import { describe, expect, test } from 'vitest';
import { FakeEngine } from '../../src/audio/fake-engine.ts';
import { Player } from '../../src/state/player.svelte.ts';

function setup(duration = 1200) {
  const engine = new FakeEngine(duration);
  const frames: Array<() => void> = [];
  let now = 0;
  let timers: Array<{ at: number; cb: () => void }> = [];
  const player = new Player(
    engine,
    (cb) => frames.push(cb),
    (cb, ms) => timers.push({ at: now + ms, cb }),
  );
  player.load({ url: 'https://example.test/a.mp3', type: 'audio/mpeg' });
  const frame = (seconds: number) => {
    now += seconds * 1000;
    engine.advance(seconds);
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.cb();
    for (const cb of frames.splice(0)) cb();
  };
  return { engine, player, frame };
}

describe('skips during a pending seek', () => {
  test('eight skips 40 ms apart from 12:00 land at 14:00, though the engine confirms older targets', () => {
    const { engine, player, frame } = setup();
    player.seek(720);
    player.play();
    frame(0.1);
    engine.autoConfirmSeeks = false;
    const asked: number[] = [];
    const seek = engine.seek.bind(engine);
    engine.seek = (s) => {
      asked.push(s);
      seek(s);
    };
    for (let i = 0; i < 8; i++) {
      player.skip(15);
      frame(0.04);
      // howler queues seeks made while its play() is pending and the element confirms the older
      // target meanwhile: a `seeked` for a position the listener has already skipped past.
      if (i === 2 || i === 5) engine.emit({ type: 'seeked', position: asked[i - 1]! });
    }
    engine.confirmSeek();
    expect(player.pendingSeek).toBeNull();
    expect(player.position).toBeCloseTo(840, 0);
    expect(asked.at(-1)).toBeCloseTo(840, 0);
  });
});

describe('reconnecting', () => {
  test('a reconnect counts as a success only once the clock has advanced, so the retries run out', () => {
    const { engine, player, frame } = setup(60);
    player.play();
    frame(1);
    let loads = engine.loads;
    // Firefox with no audio output: `playing` fires just before each failure, the clock never moves.
    engine.playing = false;
    engine.play = () => engine.emit({ type: 'playing' });
    for (let i = 0; i < 6 && player.error === null; i++) {
      engine.emit({ type: 'playing' });
      engine.emit({ type: 'error', message: 'The audio could not be played.' });
      for (let s = 0; s < 10 && engine.loads === loads && player.error === null; s++) frame(0.5);
      loads = engine.loads;
    }
    expect(player.error).toBe('The audio could not be played.');
    expect(engine.loads).toBe(4); // the first load and three reloads
  });

  test('after the clock has really advanced, a later failure starts counting from one again', () => {
    const { engine, player, frame } = setup(60);
    player.play();
    frame(1);
    engine.emit({ type: 'error', message: 'x' });
    frame(1.1);
    expect(engine.loads).toBe(2);
    engine.emit({ type: 'playing' });
    for (let i = 0; i < 30; i++) frame(0.1); // 3 s of real playback
    engine.emit({ type: 'error', message: 'x' });
    expect(player.retryAttempt).toBe(1);
    frame(1.1);
    expect(engine.loads).toBe(3); // after 1 s again, not 2 s: the count started over
  });
});
