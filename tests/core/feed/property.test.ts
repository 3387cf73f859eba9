// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureText, parse } from '../../fixtures/feeds/load.ts';

const VALID = fixtureText('substack.xml') + '\n' + fixtureText('podlove.xml');
const FIXTURES = [
  'substack.xml',
  'podlove.xml',
  'traps.xml',
  'odd-prefixes.xml',
  'sloppy.xml',
  'atom-podcast.xml',
].map(fixtureText);

/** Whatever happens, the outcome has the documented shape. */
function checkShape(text: string): void {
  const out = parse(text);
  if (out.ok) {
    expect(Array.isArray(out.value.episodes)).toBe(true);
    const guids = out.value.episodes.map((e) => e.guid);
    expect(new Set(guids).size).toBe(guids.length);
    for (const e of out.value.episodes) {
      expect(typeof e.title).toBe('string');
      expect(e.published === null || Number.isFinite(e.published)).toBe(true);
      expect(e.duration === null || e.duration > 0).toBe(true);
    }
  } else {
    expect(['empty', 'html', 'malformed', 'not-rss']).toContain(out.reason);
    expect(out.message.length).toBeGreaterThan(20);
  }
}

const mutation = fc.record({
  fixture: fc.nat({ max: FIXTURES.length - 1 }),
  at: fc.nat(),
  cut: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '<',
      '>',
      '&',
      '&nbsp;',
      ']]>',
      '<![CDATA[',
      '</item>',
      '<item>',
      '"',
      'xmlns:x="y"',
      '\u0000',
      '<?xml version="1.0"?>',
    ),
  ),
});

describe('parseFeed never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.stringMatching(/^<[a-z:<>&;" =/]{0,60}$/),
        ),
        (s) => {
          checkShape(s);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on truncations of a valid feed', () => {
    fc.assert(
      fc.property(fc.nat({ max: VALID.length }), (n) => {
        checkShape(VALID.slice(0, n));
      }),
      { numRuns: 200 },
    );
  });

  it('on random edits of valid feeds', () => {
    fc.assert(
      fc.property(mutation, ({ fixture, at, cut, insert }) => {
        const text = FIXTURES[fixture] ?? '';
        const i = at % (text.length + 1);
        checkShape(text.slice(0, i) + insert + text.slice(i + cut));
      }),
      { numRuns: 300 },
    );
  });

  it('on truncations, which are never read as a complete feed', () => {
    const text = fixtureText('traps.xml');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 20 }), (n) => {
        const out = parse(text.slice(0, n));
        expect(out.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
