import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../src/core/transcript/vtt.ts';

/** Joins lines with LF; the fixtures below are written for these tests. */
const vtt = (...lines: string[]): string => lines.join('\n');

describe('parseVtt: timing problems', () => {
  it('skips a block with a bad timing line and says where', () => {
    const r = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 -> 00:02.000',
        'Lost.',
        '',
        '00:61.000 --> 00:62.000',
        'Also lost.',
        '',
        '00:03.000 --> 00:04.000',
        'Kept.',
      ),
    );
    expect(r.value.map((c) => c.text)).toEqual(['Kept.']);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "line": 3,
          "message": "A block without a cue timing line was skipped.",
        },
        {
          "line": 6,
          "message": "Unreadable cue timing "00:61.000 --> 00:62.000"; the cue was skipped.",
        },
      ]
    `);
  });

  it('keeps a cue whose settings are glued to the end time, as the spec does (#15)', () => {
    const r = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:02.000align:start', 'x'));
    expect(r.value.map((c) => [c.start, c.end, c.text])).toEqual([[1, 2, 'x']]);
    expect(r.errors).toEqual([]);
  });

  it('clamps an end before the start', () => {
    const r = parseVtt(vtt('WEBVTT', '', 'c1', '00:05.000 --> 00:04.000', 'Backwards.'));
    expect(r.value[0]).toMatchObject({ start: 5, end: 5 });
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "line": 4,
          "message": "The cue ends (00:00:04.000) before it starts (00:00:05.000); its end was set to its start.",
        },
      ]
    `);
  });

  it('sorts cues that are out of order, stably, and says so', () => {
    const r = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:05.000 --> 00:06.000',
        'c',
        '',
        '00:01.000 --> 00:02.000',
        'a',
        '',
        '00:05.000 --> 00:07.000',
        'd',
        '',
        '00:03.000 --> 00:04.000',
        'b',
      ),
    );
    expect(r.value.map((c) => c.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "message": "The cues were out of order; they were sorted by start time.",
        },
      ]
    `);
  });

  it('keeps equal starts in file order without an issue', () => {
    const r = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        'first',
        '',
        '00:01.000 --> 00:02.000',
        'second',
      ),
    );
    expect(r.value.map((c) => c.text)).toEqual(['first', 'second']);
    expect(r.errors).toEqual([]);
  });

  it('returns nothing, with an issue, for an empty file', () => {
    expect(parseVtt('')).toMatchInlineSnapshot(`
      {
        "errors": [
          {
            "line": 1,
            "message": "The file does not start with "WEBVTT"; read it anyway.",
          },
        ],
        "value": [],
      }
    `);
  });
});
