// Quote any passage: for any transcript in order and any selection, times and text stay sane.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Turn } from '../../../src/core/model.ts';
import { buildQuote } from '../../../src/core/quote/quote.ts';
import { cuesToTurns } from '../../../src/core/transcript/turns.ts';
import { CONTEXT, timedCue } from './fixtures.ts';

const DEPS = { now: () => 1_700_000_000_000, random: () => 0.5 };

/** Turns in transcript order (starts never decrease), some word-timed, some cue-timed, some bare. */
const turnsArb = fc
  .array(
    fc.record({
      gap: fc.double({ min: -2, max: 5, noNaN: true }),
      length: fc.double({ min: 0, max: 20, noNaN: true }),
      kind: fc.constantFrom('words', 'cues', 'bare'),
      speaker: fc.constantFrom('', 'Ada', 'Tomás'),
      pieces: fc.array(fc.stringMatching(/^[a-zA-Z.,!? \n\t]{1,12}$/), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((specs) => {
    const turns: Turn[] = [];
    let clock = 0;
    for (const spec of specs) {
      const start = Math.max(turns.at(-1)?.start ?? 0, clock + spec.gap);
      const end = start + spec.length;
      clock = end;
      if (spec.kind === 'bare') {
        turns.push({ start, end, speaker: spec.speaker, text: spec.pieces.join(' '), cues: [] });
        continue;
      }
      const step = spec.length / spec.pieces.length;
      const cues = spec.pieces.map((text, i) => {
        const cue = timedCue(spec.speaker, start + i * step, start + (i + 1) * step, text);
        return spec.kind === 'words' ? cue : { ...cue, words: undefined };
      });
      const [turn] = cuesToTurns(cues.map((c) => ({ ...c, speaker: 'x' })));
      if (turn) turns.push({ ...turn, speaker: spec.speaker });
    }
    return turns;
  });

describe('buildQuote property', () => {
  test('times stay inside the selected turns, in order; text is tidy', () => {
    const arb = turnsArb.chain((turns) => {
      const point = fc
        .nat(turns.length - 1)
        .chain((turn) =>
          fc.record({ turn: fc.constant(turn), offset: fc.nat(turns[turn]?.text.length ?? 0) }),
        );
      return fc.tuple(fc.constant(turns), point, point);
    });
    fc.assert(
      fc.property(arb, ([turns, a, b]) => {
        const q = buildQuote(turns, a, b, CONTEXT, DEPS);
        const [from, to] =
          a.turn < b.turn || (a.turn === b.turn && a.offset <= b.offset) ? [a, b] : [b, a];
        const raw = turns
          .slice(from.turn, to.turn + 1)
          .map((turn, i, all) =>
            turn.text.slice(
              i === 0 ? from.offset : 0,
              i === all.length - 1 ? to.offset : undefined,
            ),
          )
          .join(' ');
        const expected = raw.replace(/\s+/g, ' ').trim();
        expect(q?.text ?? '').toBe(expected);
        if (q === null) return;
        const first = turns[from.turn] as Turn;
        const last = turns[to.turn] as Turn;
        expect(q.start).toBeLessThanOrEqual(q.end);
        expect(q.start).toBeGreaterThanOrEqual(first.start);
        expect(q.end).toBeLessThanOrEqual(last.end);
        expect(q.text).not.toMatch(/^\s|\s$|\s\s|[\n\t]/);
        expect(q.text.length).toBeGreaterThan(0);
        for (const s of q.segments) expect(s.text).not.toMatch(/^\s|\s$|\s\s/);
      }),
      { numRuns: 500 },
    );
  });
});
