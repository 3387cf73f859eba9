// Properties of the SRT, JSON and plain-text transcript parsers: they never throw, and what
// they return is a sorted, well-formed timeline, whatever the input.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSrt } from '../../../src/core/transcript/srt.ts';
import { parseTranscriptJson } from '../../../src/core/transcript/json.ts';
import { parseTranscriptText } from '../../../src/core/transcript/plain-text.ts';
import { checkTimeline, mutations } from '../show-notes/helpers.ts';

const fixture = (name: string): string =>
  readFileSync(join(process.cwd(), 'tests/fixtures/transcripts', name), 'utf8');

const SRT_PIECES = [
  '\n',
  '\r\n',
  '\r',
  '-->',
  ' --> ',
  '00:00:01,000',
  '9:99:99,999',
  ',',
  '.',
  ':',
  '1\n',
  '<i>',
  '</i>',
  '&amp;',
  '&',
  'Ada:',
  'Note:',
  '>>',
  '[Ada]',
  '{\\an8}',
  '\uFEFF',
  '',
];
const JSON_PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  ':',
  '"startTime":',
  '"endTime":"x"',
  '"body":"w."',
  '"speaker":null',
  '-1',
  '1e999',
  'null',
  '"12"',
  ' ',
];
const TEXT_PIECES = [
  '\n',
  '\r\n',
  '00:00:06 ',
  '[00:06] ',
  '(1:02:03)',
  'Ada Park: ',
  'Note: ',
  '..',
  '—',
  '99:99 ',
  '16:9 ',
  '9:30pm ',
];

describe('transcript parsers never throw and keep their timelines sorted', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        checkTimeline(parseSrt(s));
        checkTimeline(parseTranscriptJson(s));
        checkTimeline(parseTranscriptText(s));
        checkTimeline(parseTranscriptText(s, { duration: 60 }), 60);
      }),
      { numRuns: 400 },
    );
  });

  it('on random mutations of valid SRT', () => {
    const source = fixture('ferry.srt');
    fc.assert(
      fc.property(mutations(source, SRT_PIECES), (s) => checkTimeline(parseSrt(s))),
      { numRuns: 400 },
    );
  });

  it('on random mutations of valid JSON (word- and segment-level)', () => {
    for (const name of ['ferry.json', 'ferry-words.json']) {
      const source = fixture(name);
      fc.assert(
        fc.property(mutations(source, JSON_PIECES), (s) => checkTimeline(parseTranscriptJson(s))),
        { numRuns: 300 },
      );
    }
  });

  it('on JSON segments with arbitrary values', () => {
    const value = fc.oneof(
      fc.double(),
      fc.string({ maxLength: 8 }),
      fc.constant(null),
      fc.integer(),
    );
    const segment = fc.record(
      {
        speaker: fc.oneof(fc.constantFrom('Ada', 'Ben', ''), value),
        startTime: value,
        endTime: value,
        body: fc.oneof(fc.constantFrom('word', 'two words', 'end.', ',', ''), value),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 30 }), (segments) => {
        checkTimeline(parseTranscriptJson(JSON.stringify({ segments })));
      }),
      { numRuns: 400 },
    );
  });

  it('on random mutations of a valid text transcript, within the duration', () => {
    const source = fixture('ferry.txt');
    fc.assert(
      fc.property(
        mutations(source, TEXT_PIECES),
        fc.option(fc.integer({ min: 1, max: 40 })),
        (s, d) => {
          checkTimeline(parseTranscriptText(s, { duration: d }), d);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('hostile sizes finish (no quadratic regexes): about 1 MB each', () => {
  const big = 500_000;
  it('SRT with runs of unclosed ASS overrides, separators and digits', () => {
    const card = (text: string) => `1\n00:00:01,000 --> 00:00:02,000\n${text}\n`;
    expect(parseSrt(card('{\\'.repeat(big))).value).toHaveLength(1);
    expect(parseSrt(card('Ada'.repeat(big) + ': x')).value).toHaveLength(1);
    expect(parseSrt(' '.repeat(big * 2) + '1' + '\n').errors).toHaveLength(1);
    expect(parseSrt('1 '.repeat(big) + 'x\n').errors).toHaveLength(1);
  }, 30_000);

  it('JSON word segments with long quote runs', () => {
    const body = '.' + "'".repeat(big * 2);
    const r = parseTranscriptJson(
      JSON.stringify([
        { startTime: 0, body },
        { startTime: 1, body: 'x' },
      ]),
    );
    expect(r.value.length).toBeGreaterThan(0);
  }, 30_000);

  it('text transcripts of spaces, digits and colons', () => {
    expect(parseTranscriptText(' '.repeat(big * 2) + 'x').value).toEqual([]);
    expect(parseTranscriptText('1:'.repeat(big)).value).toEqual([]);
    expect(parseTranscriptText('00:01 ' + 'A '.repeat(big) + ': x').value).toHaveLength(1);
  }, 30_000);
});
