// How the player recovers from audio faults: Recovery decides when to reload; this wires its
// decisions to the player's state and engine (#11: kept out of Player to keep it small).
import type { AudioEngine, AudioSource } from '../audio/engine.ts';
import type { PlayerState } from './player-state.svelte.ts';
import { Recovery, type Delay } from './recovery.ts';

export function playerRecovery(
  state: PlayerState,
  engine: AudioEngine,
  source: () => AudioSource | null,
  delay: Delay,
): Recovery {
  return new Recovery(
    {
      wantsPlay: () => state.playing,
      position: () => state.position,
      clock: () => engine.position(),
      reload: (resumeAt, resume) => {
        const loaded = source();
        if (!loaded) return;
        engine.load(loaded, resumeAt);
        if (resume) engine.play();
      },
      retrying: (attempt, resume) => {
        state.retryAttempt = attempt;
        if (resume) state.buffering = true;
      },
      giveUp: (message) => {
        state.playing = false;
        state.buffering = false;
        state.retryAttempt = 0;
        state.error = message;
      },
    },
    delay,
  );
}
