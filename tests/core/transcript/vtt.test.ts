import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../src/core/transcript/vtt.ts';

/** Joins lines with LF; the fixtures below are written for these tests. */
const vtt = (...lines: string[]): string => lines.join('\n');

const texts = (input: string): string[] => parseVtt(input).value.map((c) => c.text);

describe('parseVtt: file structure', () => {
  it('reads a minimal file', () => {
    const r = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:04.500', 'Good morning, harbour.'));
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual([
      { start: 1, end: 4.5, text: 'Good morning, harbour.', speaker: null },
    ]);
  });

  it('skips a BOM', () => {
    const r = parseVtt('\uFEFF' + vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'Kettle on.'));
    expect(r.errors).toEqual([]);
    expect(texts('\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nKettle on.')).toEqual(['Kettle on.']);
  });

  it('accepts header text and header metadata lines', () => {
    const r = parseVtt(
      vtt(
        'WEBVTT - Tidal notes, episode 4',
        'Kind: captions',
        'Language: en',
        '',
        '00:01.000 --> 00:02.000',
        'Low tide.',
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.value.map((c) => c.text)).toEqual(['Low tide.']);
  });

  it('reports a missing header but still parses', () => {
    const r = parseVtt(vtt('00:01.000 --> 00:02.000', 'No header here.'));
    expect(r.value.map((c) => c.text)).toEqual(['No header here.']);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "line": 1,
          "message": "The file does not start with "WEBVTT"; read it anyway.",
        },
      ]
    `);
  });

  it('does not take WEBVTTX for a header', () => {
    const r = parseVtt('WEBVTTX\n\n00:01.000 --> 00:02.000\nx');
    expect(r.value.map((c) => c.text)).toEqual(['x']);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "line": 1,
          "message": "The file does not start with "WEBVTT"; read it anyway.",
        },
        {
          "line": 1,
          "message": "A block without a cue timing line was skipped.",
        },
      ]
    `);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('handles %s line endings', (_name, eol) => {
    const text = [
      'WEBVTT',
      '',
      '00:01.000 --> 00:02.000',
      'First line',
      'second line',
      '',
      '00:03.000 --> 00:04.000',
      'Next.',
    ].join(eol);
    const r = parseVtt(text);
    expect(r.errors).toEqual([]);
    expect(r.value.map((c) => c.text)).toEqual(['First line second line', 'Next.']);
  });

  it('reports line numbers that count CRLF as one line break', () => {
    const r = parseVtt(['WEBVTT', '', 'oops --> never', 'x'].join('\r\n'));
    expect(r.errors[0]?.line).toBe(3);
  });

  it('skips NOTE, STYLE and REGION blocks', () => {
    const r = parseVtt(
      vtt(
        'WEBVTT',
        '',
        'STYLE',
        '::cue { color: yellow }',
        '',
        'REGION',
        'id:side width:40%',
        '',
        'NOTE recorded on a boat',
        'still the note',
        '',
        'NOTE',
        'another note',
        '',
        '00:01.000 --> 00:02.000',
        'Aboard.',
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.value.map((c) => c.text)).toEqual(['Aboard.']);
  });

  it('reads optional cue identifiers, including ones that look like text', () => {
    const r = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '1',
        '00:01.000 --> 00:02.000',
        'One.',
        '',
        'intro-b',
        '00:02.000 --> 00:03.000',
        'Two.',
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.value.map((c) => c.text)).toEqual(['One.', 'Two.']);
  });

  it('ignores cue settings after the timing', () => {
    const r = parseVtt(
      vtt('WEBVTT', '', '00:01.000 --> 00:02.000 align:start position:10% line:0', 'Left.'),
    );
    expect(r.errors).toEqual([]);
    expect(r.value[0]).toMatchObject({ start: 1, end: 2, text: 'Left.' });
  });

  it('reads hours of one digit, two digits and none', () => {
    const r = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '0:00:15.410 --> 0:00:16.000',
        'a',
        '',
        '02:03.500 --> 02:04.000',
        'b',
        '',
        '01:02:03.004 --> 01:02:04.000',
        'c',
      ),
    );
    expect(r.value.map((c) => c.start)).toEqual([15.41, 123.5, 3723.004]);
  });

  it('starts a new cue at a timing line with no blank line before it', () => {
    const r = parseVtt(
      vtt('WEBVTT', '00:01.000 --> 00:02.000', 'One.', '00:02.000 --> 00:03.000', 'Two.'),
    );
    expect(r.value.map((c) => c.text)).toEqual(['One.', 'Two.']);
  });
});
