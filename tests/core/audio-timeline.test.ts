// The turns in audio time (#12): aligned copies win, others take the nudge in effect for them.
import { describe, expect, test } from 'vitest';
import { audioTurns, shiftTurn, timingKind } from '../../src/core/audio-timeline.ts';
import type { Turn } from '../../src/core/model.ts';

function turn(start: number, end: number, text = 'Some words.', words = false): Turn {
  return {
    start,
    end,
    speaker: '',
    text,
    cues: [
      {
        start,
        end,
        text,
        offset: 0,
        ...(words ? { words: [{ start, end, text: 'Some', offset: 0 }] } : {}),
      },
    ],
  };
}

describe('audioTurns', () => {
  test('nudged turns move with their cues and words and remember their published times', () => {
    const moved = shiftTurn(turn(10, 12, 'Some words.', true), 20);
    expect([
      moved.start,
      moved.end,
      moved.cues[0]?.start,
      moved.cues[0]?.words?.[0]?.start,
    ]).toEqual([30, 32, 30, 30]);
    expect(moved.published).toEqual({ start: 10, end: 12 });
    const same = turn(1, 2);
    expect(shiftTurn(same, 0)).toBe(same);
  });

  test('aligned turns take no nudge; the others take the piece in effect for their published start', () => {
    const published = [turn(0, 5), turn(5, 10), turn(10, 15)];
    const aligned = [undefined, { ...turn(25.2, 30), timing: 'shifted' as const }];
    const out = audioTurns(published, aligned, [
      { from: 0, offset: 0.5 },
      { from: 10, offset: 20 },
    ]);
    expect(out.map((t) => t.start)).toEqual([0.5, 25.2, 30]);
    expect(out[0]?.published).toEqual({ start: 0, end: 5 });
  });

  test('starts never go back: a turn nudged before the one ahead starts with it', () => {
    const out = audioTurns(
      [turn(0, 5), turn(5, 10), turn(10, 15)],
      [undefined, undefined],
      [{ from: 10, offset: -8 }],
    );
    expect(out.map((t) => t.start)).toEqual([0, 5, 5]);
  });
});

describe('timingKind', () => {
  test('turn, cue and word', () => {
    expect(timingKind([turn(0, 5)], false)).toBe('turn');
    expect(timingKind([turn(0, 5)], true)).toBe('cue');
    expect(timingKind([turn(0, 5, 'a', true), turn(5, 6, 'b', true)], true)).toBe('word');
    expect(timingKind([turn(0, 5, 'a', true), turn(5, 6)], true)).toBe('cue');
    const missing: Turn = { ...turn(5, 6), timing: 'missing' };
    expect(timingKind([turn(0, 5, 'a', true), missing], false)).toBe('word');
    const estimated: Turn = { ...turn(5, 6), timing: 'estimated' };
    expect(timingKind([turn(0, 5, 'a', true), estimated], false)).toBe('turn');
  });
});
