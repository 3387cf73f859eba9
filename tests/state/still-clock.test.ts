// A frozen clock while playing shows as buffering within a second, and clears when it moves (#14).
import { describe, expect, it } from 'vitest';
import { STILL_MS, stillClock } from '../../src/state/still-clock.ts';

describe('stillClock', () => {
  it('says buffering once the clock stands still for STILL_MS while playing', () => {
    let now = 0;
    const state = { playing: true, buffering: false };
    const still = stillClock(state, () => now);
    still.check(10);
    now = STILL_MS - 1;
    still.check(10);
    expect(state.buffering).toBe(false);
    now = STILL_MS + 5;
    still.check(10);
    expect(state.buffering).toBe(true);
    now += 16;
    still.check(10.02);
    expect(state.buffering).toBe(false);
  });

  it('stays quiet while paused, and leaves the engine’s own buffering alone', () => {
    let now = 0;
    const state = { playing: false, buffering: false };
    const still = stillClock(state, () => now);
    still.check(5);
    now = 5000;
    still.check(5);
    expect(state.buffering).toBe(false);
    state.playing = true;
    state.buffering = true; // the engine said 'waiting'
    still.check(5);
    now = 9000;
    still.check(5.5);
    expect(state.buffering).toBe(true);
  });
});
