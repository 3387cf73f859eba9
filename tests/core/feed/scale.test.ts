// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { synthDate, synthFeed } from '../../bench/synth-feed.ts';
import { parse } from '../../fixtures/feeds/load.ts';

describe('a 2,000-item feed', () => {
  const text = synthFeed(2000, 7);

  it('is generated deterministically', () => {
    expect(synthFeed(20, 7)).toBe(synthFeed(20, 7));
    expect(synthFeed(20, 7)).not.toBe(synthFeed(20, 8));
  });

  it('parses every item, newest first', () => {
    const out = parse(text);
    if (!out.ok) throw new Error(out.message);
    const { episodes } = out.value;
    expect(out.errors).toEqual([]);
    expect(episodes).toHaveLength(2000);
    expect(new Set(episodes.map((e) => e.guid)).size).toBe(2000);

    const expected = Array.from({ length: 2000 }, (_, i) => ({
      guid: `synth-${i + 1}`,
      published: synthDate(i),
    }))
      .sort((a, b) => b.published - a.published)
      .map((e) => e.guid);
    expect(episodes.map((e) => e.guid)).toEqual(expected);
    expect(episodes.some((e, i) => e.guid !== `synth-${i + 1}`)).toBe(true); // the re-posted bonuses moved

    expect(episodes.every((e) => e.duration !== null && e.enclosure?.type === 'audio/mpeg')).toBe(
      true,
    );
    expect(episodes.filter((e) => e.pscChapters).length).toBe(200);
    expect(episodes.filter((e) => e.transcripts.length > 0).length).toBe(500);
    expect(episodes.find((e) => e.guid === 'synth-1')?.pscChapters?.[1]?.start).toBeGreaterThan(0);
  });
});
