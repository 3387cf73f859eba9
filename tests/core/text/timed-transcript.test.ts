// Ends of timed lines (#14, contract audit): each line ends where a later one starts; the last lines,
// which have no later start, end where their words plausibly end, all at once when they share a start.
import { describe, expect, test } from 'vitest';
import { estimateSeconds, finishCues } from '../../../src/core/text/timed-transcript.ts';
import type { SpokenCue } from '../../../src/core/model.ts';

const cue = (start: number, text: string, speaker: string | null = null): SpokenCue =>
  ({ start, end: start, text, speaker }) as SpokenCue;
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('finishCues: where timed lines end', () => {
  test('a line ends at the next later start; lines sharing a start share that end', () => {
    const out = finishCues([cue(0, 'a'), cue(10, 'b'), cue(10, 'c'), cue(25, 'd')], null);
    expect(out.map((c) => c.end).slice(0, 3)).toEqual([10, 25, 25]);
  });

  test('the last lines sharing a start share one estimated end, from all their words', () => {
    const out = finishCues(
      [cue(0, 'a'), cue(60, words(90), 'Ada'), cue(60, words(6), 'Ben')],
      null,
    );
    const [, long, short] = out;
    expect(long!.end).toBe(short!.end); // not the long turn ending 28 s after the short one
    expect(long!.end).toBeCloseTo(60 + estimateSeconds(`${words(90)} ${words(6)}`), 6);
    expect(out.slice(1).every((c) => c.endEstimated)).toBe(true);
    expect(out[0]!.endEstimated).toBeUndefined();
  });

  test('an estimated end never runs past the episode', () => {
    const out = finishCues([cue(0, 'a'), cue(100, words(300))], 110);
    expect(out.at(-1)!.end).toBe(110);
  });
});
