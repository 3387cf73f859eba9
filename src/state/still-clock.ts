// A clock that stands still while playback is wanted shows as buffering within a second (#14):
// a server that stopped answering used to leave the Pause icon over a frozen clock, with no sign,
// until recovery's stall check (8 s) noticed.
import type { PlayerState } from './player-state.svelte.ts';

/** How long the clock may stand still, while playing, before the player says it is waiting. */
export const STILL_MS = 1000;

export interface StillClock {
  /** Called on every frame-loop tick with the engine's clock. */
  check(position: number): void;
}

export function stillClock(
  state: Pick<PlayerState, 'playing' | 'buffering'>,
  now: () => number = () => performance.now(),
): StillClock {
  let last = NaN;
  let since = 0;
  /** True while `buffering` was set here (the engine's own waiting/playing events also set it). */
  let shown = false;
  return {
    check(position: number): void {
      const t = now();
      if (position !== last || !state.playing) {
        last = position;
        since = t;
        if (shown && state.playing) state.buffering = false;
        shown = false;
        return;
      }
      if (!state.buffering && t - since >= STILL_MS) {
        state.buffering = true;
        shown = true;
      }
    },
  };
}
