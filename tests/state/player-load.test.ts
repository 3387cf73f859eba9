// What loading resets (#11): nothing tied to the old audio survives, a played quote's end included;
// and what a seek past a quote's end means.
import { describe, expect, test } from 'vitest';
import { FakeEngine } from '../../src/audio/fake-engine.ts';
import { Player } from '../../src/state/player.svelte.ts';

function setup() {
  const engine = new FakeEngine(600);
  const frames: Array<() => void> = [];
  const player = new Player(
    engine,
    (cb) => frames.push(cb),
    () => {},
  );
  player.load({ url: 'https://example.test/a.mp3', type: 'audio/mpeg' });
  /** Plays `seconds` of audio and runs the frame that reads the clock. */
  const frame = (seconds: number) => {
    engine.advance(seconds);
    for (const cb of frames.splice(0)) cb();
  };
  return { engine, player, frame };
}

describe('loading another episode', () => {
  test("a played quote's end does not pause the next episode", () => {
    const { player, frame } = setup();
    player.playRange(10, 20);
    frame(2);
    player.load({ url: 'https://example.test/b.mp3', type: '' }, 15);
    expect(player.stopAt).toBeNull();
    player.play();
    frame(8); // 23 s: past where the quote ended
    expect(player.playing).toBe(true);
  });

  test('resets every field tied to the audio, and keeps the rate', () => {
    const { player, engine, frame } = setup();
    player.setRate(1.5);
    player.playRange(100, 130);
    frame(1);
    engine.emit({ type: 'progress' });
    engine.emit({ type: 'loaded', duration: 600, seekable: false });
    engine.emit({ type: 'error', message: 'boom' });
    player.load({ url: 'https://example.test/b.mp3', type: '' }, 7, 321);
    expect({
      playing: player.playing,
      buffering: player.buffering,
      error: player.error,
      retryAttempt: player.retryAttempt,
      pendingSeek: player.pendingSeek,
      buffered: player.buffered,
      canSeek: player.canSeek,
      stopAt: player.stopAt,
      duration: player.duration,
      position: player.position,
      shownPosition: player.shownPosition,
      rate: player.rate,
    }).toEqual({
      playing: false,
      buffering: false,
      error: null,
      retryAttempt: 0,
      pendingSeek: null,
      buffered: [],
      canSeek: true,
      stopAt: null,
      duration: 600, // the new audio's, as its engine reports it
      position: 7,
      shownPosition: 7,
      rate: 1.5,
    });
  });

  test('unload stops the audio; play and seek then do nothing until the next load', () => {
    const { player, engine, frame } = setup();
    player.play();
    frame(3);
    player.unload();
    expect(engine.playing).toBe(false);
    expect(engine.source).toBeNull();
    expect([player.playing, player.position, player.duration]).toEqual([false, 0, null]);
    player.toggle();
    player.seek(40);
    expect([engine.playing, player.playing, player.position]).toEqual([false, false, 0]);
  });
});

describe("a quote's end", () => {
  test('playing a quote pauses at its end; seeking within it keeps that stop', () => {
    const { player, frame } = setup();
    player.playRange(10, 20);
    frame(3);
    player.seek(12);
    frame(9);
    expect(player.playing).toBe(false);
    expect(player.position).toBe(12);
  });

  test('seeking past the end means the listener moved on: playback continues', () => {
    const { player, frame } = setup();
    player.playRange(10, 20);
    frame(3);
    player.seek(30);
    expect(player.stopAt).toBeNull();
    frame(2);
    expect(player.playing).toBe(true);
  });
});

describe('rate presets', () => {
  test('keys step and stop at the ends; the button cycles round; an unlisted rate starts again at the slowest', () => {
    const { player } = setup();
    player.setRate(2);
    player.stepRate(1);
    expect(player.rate).toBe(2);
    player.cycleRate();
    expect(player.rate).toBe(0.75);
    player.stepRate(-1);
    expect(player.rate).toBe(0.75);
    player.setRate(1.1);
    player.cycleRate();
    expect(player.rate).toBe(0.75);
  });
});
