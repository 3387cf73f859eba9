import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSrt } from '../../../src/core/transcript/srt.ts';
import { cuesToTurns } from '../../../src/core/transcript/turns.ts';

const fixture = (name: string): string =>
  readFileSync(join(process.cwd(), 'tests/fixtures/transcripts', name), 'utf8');

/** Joins lines with LF; every card below is written for these tests. */
const srt = (...lines: string[]): string => lines.join('\n');

describe('parseSrt: structure', () => {
  it('reads the fixture: CRLF, multi-line text, tags and entities', () => {
    const r = parseSrt(fixture('ferry.srt'));
    expect(r.errors).toEqual([]);
    expect(r.value[0]).toEqual({
      start: 1.2,
      end: 4,
      text: 'Morning. The ferry is late again, so we have time.',
      speaker: 'Juno Maret',
    });
    expect(r.value[1]?.text).toBe('Time for what, exactly?');
    expect(r.value[2]?.text).toBe('For the "gull census".');
    expect(r.value[4]?.text).toBe('Forty-one & one very rude one.');
    expect(r.value[5]?.text).toBe('Step 2: do not feed them.');
  });

  it('keeps the speaker for later cards and does not take Note: or Step 2: for speakers', () => {
    const turns = cuesToTurns(parseSrt(fixture('ferry.srt')).value);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['Juno Maret', 'Morning. The ferry is late again, so we have time. Time for what, exactly?'],
      ['Pell Okafor', 'For the "gull census". Note: we counted forty-one.'],
      ['Juno Maret', 'Forty-one & one very rude one. Step 2: do not feed them.'],
      ['Pell Okafor', 'Too late.'],
    ]);
  });

  it('takes a one-off label for a speaker when it names a known speaker', () => {
    const text = srt(
      '1',
      '00:00:01,000 --> 00:00:02,000',
      'Rafe Tallis: Hello.',
      '',
      '2',
      '00:00:02,000 --> 00:00:03,000',
      'Still me.',
    );
    expect(parseSrt(text).value[0]?.speaker).toBeNull();
    expect(
      parseSrt(text, { speakers: ['Rafe Tallis'] }).value.map((c) => [c.speaker, c.text]),
    ).toEqual([
      ['Rafe Tallis', 'Hello.'],
      [null, 'Still me.'],
    ]);
  });

  it('reads cards without index lines, and cards with no blank line between them', () => {
    const r = parseSrt(
      srt(
        '00:00:01,000 --> 00:00:02,000',
        'No index here.',
        '',
        '00:00:02,000 --> 00:00:03,000',
        'Nor here.',
        '3',
        '00:00:03,000 --> 00:00:04,000',
        'A blank line went missing above.',
        '00:00:04,000 --> 00:00:05,000',
        '42 is just a number in the text',
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.value.map((c) => [c.start, c.text])).toEqual([
      [1, 'No index here.'],
      [2, 'Nor here.'],
      [3, 'A blank line went missing above.'],
      [4, '42 is just a number in the text'],
    ]);
  });

  it('accepts a dot for the comma, one-digit hours, missing hours and a BOM', () => {
    const r = parseSrt(
      '\uFEFF' +
        srt(
          '1',
          '00:00:01.500 --> 00:00:02.250',
          'Dots.',
          '',
          '2',
          '0:00:03,000 --> 0:00:04,000',
          'One-digit hours.',
          '',
          '3',
          '01:05,000 --> 01:06,500',
          'No hours at all.',
          '',
          '4',
          '1:02:03,400 --> 1:02:05,000 X1:10 X2:20 Y1:5 Y2:9',
          'Coordinates after.',
        ),
    );
    expect(r.errors).toEqual([]);
    expect(r.value.map((c) => [c.start, c.end])).toEqual([
      [1.5, 2.25],
      [3, 4],
      [65, 66.5],
      [3723.4, 3725],
    ]);
  });

  it('reads lone-CR files', () => {
    const r = parseSrt(
      '1\r00:00:01,000 --> 00:00:02,000\rOld Mac line ends.\r\r2\r00:00:02,000 --> 00:00:03,000\rStill fine.',
    );
    expect(r.value.map((c) => c.text)).toEqual(['Old Mac line ends.', 'Still fine.']);
  });

  it('strips ASS overrides and <b>/<u>/<font> tags', () => {
    const r = parseSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        '{\\an8}<b>Up</b> <u>top</u> <font face="Serif">now</font>',
      ),
    );
    expect(r.value[0]?.text).toBe('Up top now');
  });

  it('reads >> NAME: and [Name] conventions when they recur', () => {
    const r = parseSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        '>> ODA: First.',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        '[Wren Ashby] Second.',
        '',
        '3',
        '00:00:03,000 --> 00:00:04,000',
        '[Music]',
        '',
        '4',
        '00:00:04,000 --> 00:00:05,000',
        '>> ODA: Third.',
        '',
        '5',
        '00:00:05,000 --> 00:00:06,000',
        '[Wren Ashby] Fourth.',
        '',
        '6',
        '00:00:06,000 --> 00:00:07,000',
        '[Music]',
      ),
    );
    expect(r.value.map((c) => [c.speaker, c.text])).toEqual([
      ['ODA', 'First.'],
      ['Wren Ashby', 'Second.'],
      [null, '[Music]'],
      ['ODA', 'Third.'],
      ['Wren Ashby', 'Fourth.'],
      [null, '[Music]'],
    ]);
  });

  it('passes the speaker of a name-only card to the next card', () => {
    const r = parseSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'Ines Vale:',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        'Words after my name.',
        '',
        '3',
        '00:00:03,000 --> 00:00:04,000',
        'Ines Vale: Again.',
      ),
    );
    expect(r.value.map((c) => [c.speaker, c.text])).toEqual([
      ['Ines Vale', 'Words after my name.'],
      ['Ines Vale', 'Again.'],
    ]);
  });

  it('does not read times in text as labels (At 10:30 …)', () => {
    const r = parseSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'At 10:30 the tide turns.',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        'At 10:45 it turns back.',
      ),
    );
    expect(r.value.map((c) => c.speaker)).toEqual([null, null]);
  });
});

describe('parseSrt: issues', () => {
  it('skips blocks without a timing line', () => {
    const r = parseSrt(
      srt(
        '1',
        '00:00:01 -> 00:00:02',
        'Bad arrow.',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        'Good.',
      ),
    );
    expect(r.value.map((c) => c.text)).toEqual(['Good.']);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "line": 1,
          "message": "A block without a readable timing line was skipped.",
        },
      ]
    `);
  });

  it('sets a backwards end to the start', () => {
    const r = parseSrt(srt('1', '00:00:05,000 --> 00:00:04,000', 'Backwards.'));
    expect(r.value[0]).toMatchObject({ start: 5, end: 5 });
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "line": 2,
          "message": "A subtitle ends (00:00:04.000) before it starts (00:00:05.000); its end was set to its start.",
        },
      ]
    `);
  });

  it('sorts cards that are out of order', () => {
    const r = parseSrt(
      srt(
        '1',
        '00:00:05,000 --> 00:00:06,000',
        'Later.',
        '',
        '2',
        '00:00:01,000 --> 00:00:02,000',
        'Earlier.',
      ),
    );
    expect(r.value.map((c) => c.text)).toEqual(['Earlier.', 'Later.']);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "message": "The subtitles were out of order; they were sorted by start time.",
        },
      ]
    `);
  });

  it('returns nothing, with no crash, for an empty file', () => {
    expect(parseSrt('')).toEqual({ value: [], errors: [] });
  });
});
