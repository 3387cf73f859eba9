// The player state driven by the fake engine: clock, indices, seeks, rates, resets.
import { describe, expect, test } from 'vitest';
import { FakeEngine } from '../../src/audio/fake-engine.ts';
import type { Chapter, Turn } from '../../src/core/model.ts';
import { Player } from '../../src/state/player.svelte.ts';

function turn(start: number, end: number, speaker: string, text = 'Words here.'): Turn {
  return { start, end, speaker, text, cues: [{ start, end, text, offset: 0 }] };
}

const TURNS = [
  turn(1, 4, 'A'),
  turn(4, 9, 'B'),
  turn(9, 9.5, 'A'),
  turn(9, 12, 'B'),
  turn(20, 30, 'A'),
];
const CHAPTERS: Chapter[] = [
  { start: 0, title: 'One' },
  { start: 10, title: 'Two' },
  { start: 25, title: 'Three' },
];

function setup(duration: number | null = 60) {
  const engine = new FakeEngine(duration);
  const frames: Array<() => void> = [];
  let now = 0;
  let timers: Array<{ at: number; cb: () => void }> = [];
  let frameCount = 0;
  const player = new Player(
    engine,
    (cb) => frames.push(cb),
    (cb, ms) => timers.push({ at: now + ms, cb }),
  );
  player.setTimeline(TURNS, CHAPTERS);
  player.load({ url: 'https://example.test/a.mp3', type: 'audio/mpeg' });
  /** Runs one animation frame after `seconds` of wall time. */
  const frame = (seconds: number) => {
    now += seconds * 1000;
    engine.advance(seconds);
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.cb();
    const pending = frames.splice(0);
    frameCount += pending.length;
    for (const cb of pending) cb();
  };
  return { engine, player, frame, frames, frameCount: () => frameCount };
}

describe('Player', () => {
  test('nothing is current before the first start; the clock moves the turn once per frame', () => {
    const { player, frame } = setup();
    expect(player.turnIndex).toBe(-1);
    expect(player.chapterIndex).toBe(0);
    player.play();
    expect(player.playing).toBe(true);
    frame(0.5);
    expect(player.position).toBeCloseTo(0.5);
    expect(player.turnIndex).toBe(-1);
    frame(0.5);
    expect(player.turnIndex).toBe(0);
    frame(3.1);
    expect(player.turnIndex).toBe(1);
  });

  test('a start past the audio the media reads ends at its end, and the turn there is current', () => {
    const engine = new FakeEngine(15); // the feed said 60 s; the file is 15 s long
    const player = new Player(engine, () => {});
    player.setTimeline(TURNS, CHAPTERS);
    player.load({ url: 'https://example.test/a.mp3', type: 'audio/mpeg' }, 25, 60);
    expect(player.duration).toBe(15);
    expect(player.position).toBe(15);
    expect(player.turnIndex).toBe(3);
    expect(player.chapterIndex).toBe(1);
  });

  test('of two turns sharing a start, the later one in the transcript wins', () => {
    const { player } = setup();
    player.seek(9);
    expect(player.turnIndex).toBe(3);
    player.seek(9.2);
    expect(player.turnIndex).toBe(3);
    player.seek(15);
    expect(player.turnIndex).toBe(3);
    expect(player.chapterIndex).toBe(1);
  });

  test("after the last turn's end nothing is current and the transcript has ended (#14)", () => {
    const { player, frame } = setup();
    player.seek(29.9);
    expect(player.turnIndex).toBe(4);
    expect(player.timeline.transcriptEnded).toBe(false);
    player.play();
    frame(0.2); // 30.1: past the last turn's end, long before the audio's (60)
    expect(player.turnIndex).toBe(-1);
    expect(player.fineIndex).toBe(-1);
    expect(player.timeline.transcriptEnded).toBe(true);
    expect(player.chapterIndex).toBe(2); // chapters run on
    player.seek(21);
    expect(player.turnIndex).toBe(4);
    expect(player.timeline.transcriptEnded).toBe(false);
  });

  test('a seek shows its target at once and holds it until the engine confirms', () => {
    const { engine, player, frame } = setup();
    engine.autoConfirmSeeks = false;
    player.play();
    frame(2);
    player.seek(21);
    expect(player.position).toBe(21);
    expect(player.pendingSeek).toBe(21);
    expect(player.turnIndex).toBe(4);
    frame(0.1); // the engine has not moved yet: the slider must not jump back
    expect(player.position).toBe(21);
    engine.confirmSeek();
    expect(player.pendingSeek).toBeNull();
    frame(1);
    expect(player.position).toBeCloseTo(22);
  });

  test('seeks clamp to the episode, skips are relative, chapters step', () => {
    const { player } = setup(60);
    player.seek(-5);
    expect(player.position).toBe(0);
    player.seek(999);
    expect(player.position).toBe(60);
    player.seek(12);
    player.skip(-15);
    expect(player.position).toBe(0);
    player.skip(30);
    expect(player.position).toBe(30);
    player.previousChapter(); // 5 s into "Three": restart it
    expect(player.position).toBe(25);
    player.previousChapter(); // at its start: go to the one before
    expect(player.position).toBe(10);
    player.nextChapter();
    expect(player.position).toBe(25);
  });

  test('pause stops the clock loop; end of audio stops playing at the duration', () => {
    const { player, frame, frames, engine } = setup(5);
    player.play();
    frame(1);
    player.pause();
    expect(engine.playing).toBe(false);
    frame(1);
    expect(frames.length).toBe(0);
    player.play();
    frame(10);
    expect(player.playing).toBe(false);
    expect(player.position).toBe(5);
  });

  test('rate presets step up and down and reach the engine', () => {
    const { player, engine } = setup();
    player.stepRate(1);
    expect(player.rate).toBe(1.25);
    expect(engine.rate).toBe(1.25);
    player.stepRate(-1);
    player.stepRate(-1);
    expect(player.rate).toBe(0.75);
    player.stepRate(-1);
    expect(player.rate).toBe(0.75);
  });

  test('loading another episode resets position, errors and indices', () => {
    const { player, engine } = setup();
    player.seek(21);
    engine.emit({ type: 'error', message: 'boom' });
    expect(player.retryAttempt).toBe(1);
    player.load({ url: 'https://example.test/b.mp3', type: '' }, 5, 100);
    expect(player.error).toBeNull();
    expect(player.retryAttempt).toBe(0);
    expect(player.position).toBe(5);
    expect(player.turnIndex).toBe(1);
    expect(engine.source?.url).toBe('https://example.test/b.mp3');
  });

  test('buffering shows while the engine waits and clears when it plays', () => {
    const { player, engine } = setup();
    player.play(); // the fake starts at once
    expect(player.buffering).toBe(false);
    engine.emit({ type: 'waiting' });
    expect(player.buffering).toBe(true);
    engine.emit({ type: 'playing' });
    expect(player.buffering).toBe(false);
    player.pause();
    engine.emit({ type: 'waiting' }); // a paused player is not buffering
    expect(player.buffering).toBe(false);
  });
});

describe('the clock loop', () => {
  test('runs every frame near a change and sleeps in between, never missing a crossing', () => {
    const { player, frame, frameCount } = setup(60);
    player.setTimeline([turn(1, 4, 'A'), turn(10, 20, 'B')], []);
    player.play();
    const frameSec = 1 / 60;
    const seen: number[] = [];
    for (let t = 0; t < 12; t += frameSec) {
      frame(frameSec);
      seen.push(player.turnIndex);
      // The highlight is never more than one frame behind the rule.
      const rule = player.position >= 10 ? 1 : player.position >= 1 ? 0 : -1;
      if (player.turnIndex !== rule)
        expect(Math.min(player.position - 1, player.position - 10)).toBeLessThan(frameSec + 1e-9);
    }
    expect(seen).toContain(1);
    // 12 s at 60 fps is 720 frames; the loop asked for far fewer.
    expect(frameCount()).toBeLessThan(720 / 2);
  });

  test('a seek, or play after pause, wakes the sleeping loop: the highlight never waits on a stale wake-up', () => {
    const { player, frame } = setup(3 * 3600);
    player.setTimeline(
      [turn(1, 4, 'A'), turn(10, 20, 'B'), turn(30, 40, 'A'), turn(300, 310, 'B')],
      [],
    );
    const frameSec = 1 / 60;
    const crossWithin = (boundary: number, index: number) => {
      for (let k = 0; k < 120 && player.position < boundary; k++) frame(frameSec);
      frame(frameSec);
      expect(player.position).toBeGreaterThanOrEqual(boundary);
      expect(player.position - boundary).toBeLessThan(2 * frameSec);
      expect(player.turnIndex).toBe(index);
    };
    // Playing in a long gap (30 → 300 s): the loop sleeps for minutes.
    player.seek(31);
    player.play();
    for (let k = 0; k < 30; k++) frame(frameSec);
    // A seek while playing, to just before a boundary.
    player.seek(9.9);
    crossWithin(10, 1);
    // Pause in the long gap, seek back, and play again at once.
    player.seek(32);
    for (let k = 0; k < 30; k++) frame(frameSec);
    player.pause();
    frame(frameSec);
    player.seek(29.9);
    player.play();
    crossWithin(30, 2);
  });

  test('the shown position steps on whole seconds for a long episode, so the clock ticks on the second', () => {
    const { player, frame } = setup(3 * 3600);
    player.setTimeline([], []);
    player.seek(100.4);
    player.play();
    const shown: number[] = [];
    for (let i = 0; i < 600; i++) {
      frame(1 / 60);
      if (shown.at(-1) !== player.shownPosition) shown.push(player.shownPosition);
    }
    // 10 s of play: one change per second, each within a frame of the second it shows.
    expect(shown.length).toBeGreaterThanOrEqual(10);
    expect(shown.length).toBeLessThanOrEqual(11);
    for (const s of shown.slice(1)) expect(s - Math.floor(s)).toBeLessThan(1 / 60 + 1e-9);
  });

  test('a short episode steps in quarter seconds, about a pixel of the bar', () => {
    const { player, frame } = setup(180);
    player.setTimeline([], []);
    player.play();
    const shown = new Set<number>();
    for (let i = 0; i < 120; i++) {
      frame(1 / 60);
      shown.add(player.shownPosition);
    }
    expect(shown.size).toBeGreaterThanOrEqual(8);
    expect(shown.size).toBeLessThanOrEqual(9);
  });
});

describe('audio faults', () => {
  test('a failure reloads with backoff from the last position, then gives up in words', () => {
    const { player, engine, frame } = setup(60);
    // This server never gets to 'playing' again after failing.
    engine.play = () => void (engine.playing = true);
    player.seek(30);
    player.play();
    frame(1);
    expect(engine.loads).toBe(1);
    engine.emit({ type: 'error', message: 'A network error stopped the audio from loading.' });
    expect(player.error).toBeNull();
    expect(player.buffering).toBe(true);
    frame(0.5);
    expect(engine.loads).toBe(1); // waits 1 s first
    frame(0.6);
    expect(engine.loads).toBe(2);
    expect(engine.position()).toBeCloseTo(31); // resumed where it was, never from 0
    expect(engine.playing).toBe(true);
    engine.emit({ type: 'error', message: 'x' });
    frame(2.1);
    expect(engine.loads).toBe(3);
    engine.emit({ type: 'error', message: 'x' });
    frame(4.1);
    expect(engine.loads).toBe(4);
    engine.emit({ type: 'error', message: 'The audio file could not be opened.' });
    expect(player.error).toBe('The audio file could not be opened.');
    expect(player.playing).toBe(false);
    player.retry();
    expect(player.error).toBeNull();
    expect(engine.loads).toBe(5);
    expect(player.playing).toBe(true);
  });

  test('a stall (waiting with a frozen clock) counts as a failure and reloads', () => {
    const { player, engine, frame } = setup(60);
    player.play();
    frame(2);
    engine.playing = false; // the network stopped delivering: the clock freezes
    engine.emit({ type: 'waiting' });
    expect(player.buffering).toBe(true);
    frame(8.1);
    expect(player.retryAttempt).toBe(1);
    frame(1.1);
    expect(engine.loads).toBe(2);
  });

  test('a slow link that still delivers data is waited for; once the data stops too, it reloads', () => {
    const { player, engine, frame } = setup(60);
    player.play();
    engine.playing = false; // Play pressed; the element is still gathering enough to start
    for (let i = 0; i < 40; i++) {
      frame(0.5);
      engine.emit({ type: 'progress' }); // bytes keep arriving, slowly
    }
    expect(player.retryAttempt).toBe(0);
    expect(engine.loads).toBe(1);
    frame(8.1); // nothing arrives any more, the clock is still frozen
    frame(8.1);
    expect(player.retryAttempt).toBe(1);
  });

  test('without Range support the player cannot seek and says so through canSeek', () => {
    const engine = new FakeEngine(60);
    engine.seekable = false;
    const player = new Player(
      engine,
      () => {},
      () => {},
    );
    player.load({ url: 'https://example.test/a.mp3', type: '' });
    expect(player.canSeek).toBe(false);
    player.seek(30);
    expect(player.position).toBe(0);
  });
});

describe('timing nudge (#12)', () => {
  test('a nudge moves the turns into audio time; chapters stay where the audio has them', () => {
    const { player } = setup();
    player.seek(4.2);
    expect(player.turnIndex).toBe(1);
    player.setSync([{ from: 0, offset: 0.5 }]);
    expect(player.turnIndex).toBe(0); // turn 2 now starts at 4.5
    expect(player.turns[1]?.start).toBe(4.5);
    expect(player.turns[1]?.published).toEqual({ start: 4, end: 9 });
    player.setSync([{ from: 0, offset: -1 }]);
    expect(player.turnIndex).toBe(1);
    expect(player.chapterIndex).toBe(0);
  });

  test('a piece from a later turn moves only that turn and those after it', () => {
    const { player } = setup();
    player.setSync([{ from: 9, offset: 20 }]);
    expect(player.turns.map((t) => t.start)).toEqual([1, 4, 29, 29, 40]);
    player.seek(20);
    expect(player.turnIndex).toBe(1);
  });

  test('aligned turns replace published ones; seeks are reported to watchers', () => {
    const { player } = setup();
    const seen: number[] = [];
    player.watchSeeks((t) => seen.push(t));
    player.applyAligned(new Map([[4, { ...TURNS[4]!, start: 21, end: 29, timing: 'aligned' }]]));
    player.seek(20.5);
    expect(player.turnIndex).toBe(3);
    player.seek(21);
    expect(player.turnIndex).toBe(4);
    expect(seen).toEqual([20.5, 21]);
  });
});
