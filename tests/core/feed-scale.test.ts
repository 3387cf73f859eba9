// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { synthDate, synthFeed } from '../bench/synth-feed.ts';
import { parseFeed } from '../../src/core/feed.ts';
import { parse, parseXml } from '../fixtures/feeds/load.ts';

describe('a 2,000-item feed', () => {
  const text = synthFeed(2000, 7);

  it('is generated deterministically', () => {
    expect(synthFeed(20, 7)).toBe(synthFeed(20, 7));
    expect(synthFeed(20, 7)).not.toBe(synthFeed(20, 8));
  });

  it('parses every item, newest first', () => {
    const started = performance.now();
    const out = parse(text);
    const ms = performance.now() - started;
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
    console.info(
      `parsed ${text.length.toLocaleString('en')} characters, 2,000 items, in ${ms.toFixed(0)} ms`,
    );
    expect(ms).toBeLessThan(5000); // generous: jsdom's XML parser dominates; see the next test
  });

  it('spends little time outside the XML parser', () => {
    const doc = parseXml(text);
    const run = (): number => {
      const started = performance.now();
      const out = parseFeed(text, 'https://synth.example.com/feed', { parseXml: () => doc });
      expect(out.ok && out.value.episodes.length).toBe(2000);
      return performance.now() - started;
    };
    run(); // warm up
    const ms = Math.min(run(), run());
    console.info(`2,000 items from a parsed document in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000); // generous: catches quadratic work, not machine speed
  });
});
