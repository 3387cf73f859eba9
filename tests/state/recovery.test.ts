// Recovery's give-up rule (#14): a reload's jump back to the listener's place is not progress.
import { describe, expect, it } from 'vitest';
import { MAX_RETRIES, Recovery, type Delay } from '../../src/state/recovery.ts';

function harness(at: number, wants = { play: true }) {
  const timers: Array<() => void> = [];
  const delay: Delay = (cb) => void timers.push(cb);
  const log: string[] = [];
  let clock = at;
  const recovery = new Recovery(
    {
      wantsPlay: () => wants.play,
      position: () => at,
      clock: () => clock,
      reload: (resumeAt, resume) => {
        clock = 0; // the new element starts at 0, then seeks to resumeAt
        log.push(`reload ${resumeAt}${resume ? ' and play' : ''}`);
      },
      retrying: (n) => log.push(`try ${n}`),
      giveUp: (m) => log.push(`gave up: ${m}`),
    },
    delay,
  );
  const runTimers = () => timers.splice(0).forEach((cb) => cb());
  const setClock = (t: number) => (clock = t);
  return { recovery, log, runTimers, setClock };
}

describe('Recovery', () => {
  it('gives up after a server stops mid-episode, although each reload jumps the clock to the old place', () => {
    const { recovery, log, runTimers, setClock } = harness(600);
    for (let i = 0; i < MAX_RETRIES + 1; i++) {
      recovery.fail('The audio stopped arriving from the publisher.');
      runTimers(); // the reload
      recovery.started(0); // "playing" fires before the seek lands
      setClock(600); // the seek: a jump, not listening
      recovery.progressed(600);
      recovery.progressed(600.2); // a few frames of sound before it stalls again
    }
    expect(log.filter((l) => l.startsWith('try'))).toEqual(['try 1', 'try 2', 'try 3']);
    expect(log.at(-1)).toBe('gave up: The audio stopped arriving from the publisher.');
  });

  it('forgives earlier failures once the clock really runs for a second after a reload', () => {
    const { recovery, log, runTimers } = harness(600);
    recovery.fail('x');
    runTimers();
    recovery.started(0);
    for (let t = 600; t <= 601.25; t += 0.25) recovery.progressed(t);
    // Three more failures are needed again before giving up.
    for (let i = 0; i < MAX_RETRIES; i++) {
      recovery.fail('x');
      runTimers();
    }
    expect(log.some((l) => l.startsWith('gave up'))).toBe(false);
    recovery.fail('x');
    expect(log.at(-1)).toBe('gave up: x');
  });

  it('a Play pressed while a reload waits plays after the reload; a Pause then does not', () => {
    const wants = { play: false };
    const { recovery, log, runTimers } = harness(42, wants);
    recovery.fail('A network error stopped the audio from loading.');
    wants.play = true; // the listener presses Play during "Reconnecting…"
    runTimers();
    expect(log).toContain('reload 42 and play');
    recovery.fail('x');
    wants.play = false; // and Pause during the next wait
    runTimers();
    expect(log.at(-1)).toBe('reload 42');
  });
});
