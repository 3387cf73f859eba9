// The player's transcript in audio time (#12): published + aligned + nudge, unchanged turns kept.
import { describe, expect, test } from 'vitest';
import type { Turn } from '../../src/core/model.ts';
import { AudioTimeline } from '../../src/state/audio-timeline.ts';

const turn = (start: number, end: number, text = 'Words.'): Turn => ({
  start,
  end,
  speaker: '',
  text,
  cues: [{ start, end, text, offset: 0 }],
});

describe('AudioTimeline', () => {
  test('aligned copies replace their turns; the rest keep their objects', () => {
    const timeline = new AudioTimeline();
    const published = [turn(0, 5), turn(5, 10), turn(10, 15)];
    timeline.setPublished(published);
    expect(timeline.turns).toEqual(published);
    const before = timeline.turns;
    const aligned: Turn = { ...turn(25, 29), timing: 'shifted' };
    timeline.applyAligned(
      new Map([
        [1, aligned],
        [7, turn(0, 1)],
      ]),
    );
    expect(timeline.turns[1]).toBe(aligned);
    expect(timeline.turns[0]).toBe(before[0]);
    expect(timeline.turns[2]?.start).toBe(25); // published 10, but never before the turn ahead
  });

  test('a nudge moves unaligned turns only, and a nudged turn stays the same object across batches', () => {
    const timeline = new AudioTimeline();
    timeline.setPublished([turn(0, 5), turn(5, 10), turn(10, 15)]);
    timeline.setSync([{ from: 5, offset: 2 }]);
    expect(timeline.turns.map((t) => t.start)).toEqual([0, 7, 12]);
    const nudged = timeline.turns[2];
    timeline.applyAligned(new Map([[1, { ...turn(6.4, 9), timing: 'aligned' as const }]]));
    expect(timeline.turns.map((t) => t.start)).toEqual([0, 6.4, 12]);
    expect(timeline.turns[2]).toBe(nudged);
  });

  test("a new transcript forgets the old one's aligned turns; the same one keeps them", () => {
    const timeline = new AudioTimeline();
    const published = [turn(0, 5)];
    timeline.setPublished(published);
    timeline.applyAligned(new Map([[0, { ...turn(1, 4), timing: 'aligned' as const }]]));
    timeline.setPublished(published);
    expect(timeline.turns[0]?.start).toBe(1);
    timeline.setPublished([turn(0, 5)]);
    expect(timeline.turns[0]?.start).toBe(0);
  });
});
