import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastAtOrBefore, TimelineCursor } from '../../src/core/timeline-index.ts';

/** The contract's rule, spelled out the slow way. */
function linear(starts: readonly number[], t: number): number {
  let found = -1;
  for (let i = 0; i < starts.length; i++) if ((starts[i] ?? Infinity) <= t) found = i;
  return found;
}

/** Sorted starts with plenty of duplicates (small integer and half-second values). */
const sortedStarts = fc
  .array(
    fc.integer({ min: 0, max: 40 }).map((n) => n / 2),
    { maxLength: 60 },
  )
  .map((a) => a.sort((x, y) => x - y));

const queryTime = fc.oneof(
  fc.integer({ min: -4, max: 48 }).map((n) => n / 2),
  fc.double({ min: -2, max: 25, noNaN: true }),
);

describe('lastAtOrBefore', () => {
  it('handles the edges', () => {
    expect(lastAtOrBefore([], 5)).toBe(-1);
    expect(lastAtOrBefore([1, 2, 3], 0.5)).toBe(-1);
    expect(lastAtOrBefore([1, 2, 3], 1)).toBe(0);
    expect(lastAtOrBefore([1, 2, 3], 1.999)).toBe(0);
    expect(lastAtOrBefore([1, 2, 3], 2)).toBe(1);
    expect(lastAtOrBefore([1, 2, 3], 99)).toBe(2);
    expect(lastAtOrBefore([1, 2, 3], Number.NaN)).toBe(-1);
    expect(lastAtOrBefore(new Float64Array([0, 0.5]), 0.25)).toBe(0);
  });

  it('lets the later of equal starts win', () => {
    expect(lastAtOrBefore([0, 5, 5, 5, 9], 5)).toBe(3);
    expect(lastAtOrBefore([0, 5, 5, 5, 9], 4.9)).toBe(0);
    expect(lastAtOrBefore([5, 5], 5)).toBe(1);
    expect(lastAtOrBefore([5, 5], 4)).toBe(-1);
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(sortedStarts, queryTime, (starts, t) => {
        expect(lastAtOrBefore(starts, t)).toBe(linear(starts, t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('TimelineCursor', () => {
  it('handles the edges', () => {
    expect(new TimelineCursor([]).find(3)).toBe(-1);
    const c = new TimelineCursor([1, 5, 5, 9]);
    expect(c.find(0)).toBe(-1);
    expect(c.find(1)).toBe(0);
    expect(c.find(5)).toBe(2);
    expect(c.find(4.99)).toBe(0);
    expect(c.find(100)).toBe(3);
    expect(c.find(Number.NaN)).toBe(-1);
    expect(c.find(9)).toBe(3);
  });

  it('agrees with a linear scan for random jumps', () => {
    fc.assert(
      fc.property(sortedStarts, fc.array(queryTime, { maxLength: 40 }), (starts, times) => {
        const cursor = new TimelineCursor(starts);
        for (const t of times) expect(cursor.find(t)).toBe(linear(starts, t));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with a linear scan for playback moving forward, with small steps back', () => {
    const step = fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: 0, max: 0.6, noNaN: true }) },
      { weight: 1, arbitrary: fc.double({ min: -1, max: 0, noNaN: true }) },
      { weight: 1, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
    );
    fc.assert(
      fc.property(
        sortedStarts,
        fc.double({ min: -1, max: 5, noNaN: true }),
        fc.array(step, { maxLength: 80 }),
        (starts, from, steps) => {
          const cursor = new TimelineCursor(starts);
          let t = from;
          expect(cursor.find(t)).toBe(linear(starts, t));
          for (const s of steps) {
            t += s;
            expect(cursor.find(t)).toBe(lastAtOrBefore(starts, t));
            expect(cursor.find(t)).toBe(linear(starts, t));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
