import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult, SpokenCue } from '../../../src/core/model.ts';
import { parseVtt } from '../../../src/core/transcript/vtt.ts';
import { synthVtt } from '../../bench/synth.ts';

function checkInvariants(r: ParseResult<SpokenCue[]>): void {
  let prev = -Infinity;
  for (const cue of r.value) {
    expect(cue.start).toBeGreaterThanOrEqual(prev);
    expect(cue.end).toBeGreaterThanOrEqual(cue.start);
    expect(cue.text).not.toBe('');
    expect(cue.text).toBe(cue.text.trim());
    prev = cue.start;
    for (const w of cue.words ?? []) {
      expect(cue.text.slice(w.offset, (w.offset ?? 0) + w.text.length)).toBe(w.text);
      expect(w.start).toBeGreaterThanOrEqual(cue.start);
      expect(w.start).toBeLessThanOrEqual(cue.end);
    }
  }
}

/** Pieces of WebVTT, valid and broken, to build near-miss files from. */
const fragment = fc.constantFrom(
  'WEBVTT',
  '\uFEFF',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  ' ',
  '\t',
  '00:01.000 --> 00:02.000',
  '0:00:03.500 --> 0:00:01.000',
  '01:00:00.000 --> 01:00:05.000 align:start',
  '00:00.000 -->',
  '-->',
  '99:99.999 --> 00:00.000',
  'NOTE ',
  'STYLE',
  'REGION',
  '<v Ada>',
  '<v.a.b Bo Li>',
  '<v>',
  '</v>',
  '<v',
  '<00:00:01.500>',
  '<00:00:0',
  '<c.x>',
  '</c>',
  '<ruby>',
  '<rt>',
  '</rt>',
  '<',
  '>',
  '&amp;',
  '&#x2019;',
  '&#99999999;',
  '&nbsp;',
  '&',
  ';',
  'word',
  'two words',
  '1',
  ':',
  '.',
);

const vttish = fc
  .array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((a) => a.join(''));

describe('parseVtt properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        checkInvariants(parseVtt(s));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on strings built from VTT-ish fragments, and keeps its invariants', () => {
    fc.assert(
      fc.property(vttish, (s) => {
        const r = parseVtt(s);
        checkInvariants(r);
        for (const e of r.errors) expect(e.message).not.toBe('');
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps its invariants on files of well-formed blocks with random timings and text', () => {
    const stamp = fc
      .tuple(fc.nat(3), fc.nat(59), fc.nat(59), fc.nat(999))
      .map(
        ([h, m, s, ms]) =>
          `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms).padStart(3, '0')}`,
      );
    const block = fc
      .tuple(stamp, stamp, fc.array(vttish, { minLength: 1, maxLength: 3 }))
      .map(([a, b, lines]) =>
        [`${a} --> ${b}`, ...lines.map((l) => l.replace(/[\r\n]/g, ' '))].join('\n'),
      );
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (blocks, eol) => {
          const r = parseVtt(
            ['WEBVTT', '', ...blocks.flatMap((b) => [b, ''])].join('\n').replace(/\n/g, eol),
          );
          checkInvariants(r);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads every cue of the synthetic transcript without issues', () => {
    const r = parseVtt(synthVtt({ cues: 300, speakers: 3, seed: 3 }));
    expect(r.errors).toEqual([]);
    expect(r.value).toHaveLength(300);
    expect(r.value.some((c) => c.words !== undefined)).toBe(true);
    expect(r.value.some((c) => c.text.includes('&'))).toBe(true);
    expect(r.value.every((c) => !c.text.includes('&amp;') && !c.text.includes('<'))).toBe(true);
    checkInvariants(r);
  });
});
