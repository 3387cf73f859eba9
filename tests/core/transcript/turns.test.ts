import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpokenCue, Turn } from '../../../src/core/model.ts';
import { cuesToTurns } from '../../../src/core/transcript/turns.ts';
import { parseVtt } from '../../../src/core/transcript/vtt.ts';
import { synthVtt } from '../../bench/synth.ts';

const cue = (
  start: number,
  end: number,
  text: string,
  speaker: string | null = null,
): SpokenCue => ({
  start,
  end,
  text,
  speaker,
});

function expectOffsetsHold(turns: Turn[]): void {
  for (const turn of turns) {
    for (const c of turn.cues) {
      expect(turn.text.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
      for (const w of c.words ?? []) {
        expect(turn.text.slice(w.offset, w.offset + w.text.length)).toBe(w.text);
        expect(w.offset).toBeGreaterThanOrEqual(c.offset);
        expect(w.offset + w.text.length).toBeLessThanOrEqual(c.offset + c.text.length);
      }
    }
  }
}

describe('cuesToTurns', () => {
  it('groups consecutive cues by speaker into turns', () => {
    const turns = cuesToTurns([
      cue(0, 2, 'Welcome back.', 'Ada'),
      cue(2, 4, 'Today: tides.', 'Ada'),
      cue(4, 5, 'Finally.', 'Bo'),
      cue(5, 7, 'Indeed.', 'Ada'),
    ]);
    expect(turns.map((t) => [t.speaker, t.start, t.end, t.text])).toEqual([
      ['Ada', 0, 4, 'Welcome back. Today: tides.'],
      ['Bo', 4, 5, 'Finally.'],
      ['Ada', 5, 7, 'Indeed.'],
    ]);
    expect(turns[0]?.cues.map((c) => c.offset)).toEqual([0, 14]);
  });

  it('lets a cue without a speaker keep the previous one, and starts with ""', () => {
    const turns = cuesToTurns([
      cue(0, 1, 'Cold open.'),
      cue(1, 2, 'Still nobody.'),
      cue(2, 3, 'Hi.', 'Ada'),
      cue(3, 4, 'Carrying on.'),
      cue(4, 5, 'Me now.', 'Bo'),
    ]);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['', 'Cold open. Still nobody.'],
      ['Ada', 'Hi. Carrying on.'],
      ['Bo', 'Me now.'],
    ]);
  });

  it('takes the latest end of a turn, even from an earlier cue', () => {
    const [turn] = cuesToTurns([cue(0, 10, 'Long one.', 'A'), cue(2, 3, 'Short overlap.', 'A')]);
    expect(turn?.end).toBe(10);
  });

  it('skips cues with empty text', () => {
    const turns = cuesToTurns([cue(0, 1, 'One.', 'A'), cue(1, 2, '', 'B'), cue(2, 3, 'Two.', 'A')]);
    expect(turns.map((t) => t.text)).toEqual(['One. Two.']);
  });

  it('places words in the turn text and fills their ends', () => {
    const turns = cuesToTurns([
      cue(0, 2, 'First cue.', 'Ada'),
      {
        start: 2,
        end: 5,
        text: 'so so so good',
        speaker: null,
        words: [
          { start: 2, text: 'so' },
          { start: 3, text: 'so' },
          { start: 3.5, text: 'so good', offset: 6 },
          { start: 4.5, text: 'missing' },
        ],
      },
    ]);
    const words = turns[0]?.cues[1]?.words ?? [];
    expect(words.map((w) => [w.text, w.offset, w.start, w.end])).toEqual([
      ['so', 11, 2, 3],
      ['so', 14, 3, 3.5],
      ['so good', 17, 3.5, 4.5],
    ]);
    expectOffsetsHold(turns);
  });

  it('keeps offsets exact on a parsed synthetic transcript', () => {
    const turns = cuesToTurns(parseVtt(synthVtt({ cues: 400, speakers: 3, seed: 11 })).value);
    expect(turns.length).toBeGreaterThan(10);
    expect(turns.some((t) => t.cues.some((c) => (c.words?.length ?? 0) > 1))).toBe(true);
    expectOffsetsHold(turns);
    for (let k = 1; k < turns.length; k++)
      expect(turns[k]?.speaker).not.toBe(turns[k - 1]?.speaker);
  });

  it('keeps offsets exact and speakers alternating for arbitrary cues', () => {
    const spoken = fc.record({
      start: fc.nat(1000),
      end: fc.nat(1000),
      text: fc.string({ maxLength: 12 }),
      speaker: fc.option(fc.constantFrom('', 'A', 'B'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(spoken, { maxLength: 30 }), (cues) => {
        const turns = cuesToTurns(cues);
        expectOffsetsHold(turns);
        for (let k = 1; k < turns.length; k++)
          expect(turns[k]?.speaker).not.toBe(turns[k - 1]?.speaker);
        const kept = cues.filter((c) => c.text !== '');
        expect(turns.flatMap((t) => t.cues.map((c) => c.text))).toEqual(kept.map((c) => c.text));
      }),
    );
  });
});
