import { describe, expect, it } from 'vitest';
import { stableId } from '../../src/core/hash.ts';

describe('stableId', () => {
  it('gives the same id for the same text, another for other text', () => {
    expect(stableId('Episode 4\nMon, 02 Feb 2026')).toBe(stableId('Episode 4\nMon, 02 Feb 2026'));
    expect(stableId('Episode 4\nMon, 02 Feb 2026')).not.toBe(
      stableId('Episode 5\nMon, 02 Feb 2026'),
    );
  });

  it('is a fixed-width id that cannot pass for a URL guid', () => {
    expect(stableId('')).toMatch(/^gen-[0-9a-f]{16}$/);
    expect(stableId('x'.repeat(10_000))).toMatch(/^gen-[0-9a-f]{16}$/);
  });
});
