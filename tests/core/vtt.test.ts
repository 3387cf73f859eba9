import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../src/core/vtt.ts';

/** Joins lines with LF; the fixtures below are written for these tests. */
const vtt = (...lines: string[]): string => lines.join('\n');

const texts = (input: string): string[] => parseVtt(input).value.map((c) => c.text);

describe('parseVtt: file structure', () => {
  it('reads a minimal file', () => {
    const r = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:04.500', 'Good morning, harbour.'));
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual([{ start: 1, end: 4.5, text: 'Good morning, harbour.', speaker: null }]);
  });

  it('skips a BOM', () => {
    const r = parseVtt('\uFEFF' + vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'Kettle on.'));
    expect(r.errors).toEqual([]);
    expect(texts('\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nKettle on.')).toEqual(['Kettle on.']);
  });

  it('accepts header text and header metadata lines', () => {
    const r = parseVtt(
      vtt('WEBVTT - Tidal notes, episode 4', 'Kind: captions', 'Language: en', '', '00:01.000 --> 00:02.000', 'Low tide.'),
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
    const text = ['WEBVTT', '', '00:01.000 --> 00:02.000', 'First line', 'second line', '', '00:03.000 --> 00:04.000', 'Next.'].join(eol);
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
      vtt('WEBVTT', '', '1', '00:01.000 --> 00:02.000', 'One.', '', 'intro-b', '00:02.000 --> 00:03.000', 'Two.'),
    );
    expect(r.errors).toEqual([]);
    expect(r.value.map((c) => c.text)).toEqual(['One.', 'Two.']);
  });

  it('ignores cue settings after the timing', () => {
    const r = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:02.000 align:start position:10% line:0', 'Left.'));
    expect(r.errors).toEqual([]);
    expect(r.value[0]).toMatchObject({ start: 1, end: 2, text: 'Left.' });
  });

  it('reads hours of one digit, two digits and none', () => {
    const r = parseVtt(
      vtt('WEBVTT', '', '0:00:15.410 --> 0:00:16.000', 'a', '', '02:03.500 --> 02:04.000', 'b', '', '01:02:03.004 --> 01:02:04.000', 'c'),
    );
    expect(r.value.map((c) => c.start)).toEqual([15.41, 123.5, 3723.004]);
  });

  it('starts a new cue at a timing line with no blank line before it', () => {
    const r = parseVtt(vtt('WEBVTT', '00:01.000 --> 00:02.000', 'One.', '00:02.000 --> 00:03.000', 'Two.'));
    expect(r.value.map((c) => c.text)).toEqual(['One.', 'Two.']);
  });
});

describe('parseVtt: voices', () => {
  it('reads <v Name> without </v>', () => {
    const [cue] = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '<v Ada Park>Morning, all.')).value;
    expect(cue).toMatchObject({ speaker: 'Ada Park', text: 'Morning, all.' });
  });

  it('reads <v Name>text</v>', () => {
    const [cue] = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '<v Bo>Hello.</v>')).value;
    expect(cue).toMatchObject({ speaker: 'Bo', text: 'Hello.' });
  });

  it('reads <v.class.other Name> and decodes entities in the name', () => {
    const [cue] = parseVtt(
      vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '<v.host.loud Rosa &amp; Lin>Together now.'),
    ).value;
    expect(cue).toMatchObject({ speaker: 'Rosa & Lin', text: 'Together now.' });
  });

  it('gives speaker null to a cue without <v>, and "" to an empty <v>', () => {
    const r = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'Plain.', '', '00:02.000 --> 00:03.000', '<v>Anon.'));
    expect(r.value.map((c) => c.speaker)).toEqual([null, '']);
  });

  it('takes the first of several voices in one cue and records them all', () => {
    const [cue] = parseVtt(
      vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '- <v Ada>Ready?</v>', '- <v Bo>Ready.</v> <v Ada>Go.'),
    ).value;
    expect(cue).toMatchObject({ speaker: 'Ada', voices: ['Ada', 'Bo'], text: '- Ready? - Ready. Go.' });
  });

  it('does not take <vfoo> or <b> for a voice', () => {
    const [cue] = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '<vfoo>odd</vfoo> <b>bold</b>')).value;
    expect(cue).toMatchObject({ speaker: null, text: 'odd bold' });
  });
});

describe('parseVtt: cue text', () => {
  it('strips other tags', () => {
    expect(
      texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '<c.yellow.bg_blue>Warm</c> <i>and</i> <b>dry</b> <u>at</u> <lang en-GB>last</lang>')),
    ).toEqual(['Warm and dry at last']);
  });

  it('drops ruby annotations and keeps the base text', () => {
    expect(texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '<ruby>東<rt>とう</rt>京<rt>きょう</rt></ruby>に着いた'))).toEqual([
      '東京に着いた',
    ]);
  });

  it('decodes named and numeric entities', () => {
    expect(
      texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'Fish &amp; chips &lt;3 &gt; &quot;q&quot; &apos;a&apos; it&#39;s don&#x2019;t &#X41;')),
    ).toEqual(['Fish & chips <3 > "q" \'a\' it\'s don\u2019t A']);
  });

  it('decodes &nbsp; &lrm; &rlm; and keeps unknown or broken entities as text', () => {
    expect(
      texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '10&nbsp;km &lrm;x&rlm; &bogus; AT&T &#xZZ; &#0; &amp')),
    ).toEqual(['10\u00a0km \u200ex\u200f &bogus; AT&T &#xZZ; &#0; &amp']);
  });

  it('treats &nbsp; next to spaces as a space', () => {
    expect(texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'a &nbsp; b&nbsp; &nbsp;'))).toEqual(['a b']);
  });

  it('joins lines with a space and collapses whitespace', () => {
    expect(texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '  Wide \t  gaps  ', 'and   a second   line  '))).toEqual([
      'Wide gaps and a second line',
    ]);
  });

  it('keeps a stray < as text', () => {
    expect(texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'a < b and 3 <'))).toEqual(['a < b and 3 <']);
  });

  it('drops empty cues, including ones with only tags or spaces', () => {
    const r = parseVtt(
      vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '', '00:02.000 --> 00:03.000', '<v Ada></v>', '', '00:03.000 --> 00:04.000', '&nbsp;', '', '00:04.000 --> 00:05.000', 'Kept.'),
    );
    expect(r.value.map((c) => c.text)).toEqual(['Kept.']);
    expect(r.errors).toEqual([]);
  });
});

describe('parseVtt: word timestamps', () => {
  it('starts each word at its timestamp and the first at the cue start', () => {
    const [cue] = parseVtt(
      vtt('WEBVTT', '', '00:01.000 --> 00:04.000', '<v Ada>Hello <00:00:02.000>there, <00:00:03.250><i>you</i>.'),
    ).value;
    expect(cue?.text).toBe('Hello there, you.');
    expect(cue?.words).toEqual([
      { start: 1, end: 2, text: 'Hello', offset: 0 },
      { start: 2, end: 3.25, text: 'there,', offset: 6 },
      { start: 3.25, end: 4, text: 'you.', offset: 13 },
    ]);
  });

  it('has no leading word when the text starts with a timestamp', () => {
    const [cue] = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:04.000', '<00:00:01.500>Late <00:00:02.000>start')).value;
    expect(cue?.words?.map((w) => [w.start, w.text])).toEqual([
      [1.5, 'Late'],
      [2, 'start'],
    ]);
  });

  it('clamps timestamps outside the cue and keeps them in order', () => {
    const [cue] = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:04.000', 'a <00:00:09.000>b <00:00:00.500>c')).value;
    expect(cue?.words?.map((w) => w.start)).toEqual([1, 4, 4]);
  });

  it('leaves cues without timestamps without words', () => {
    const [cue] = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:04.000', 'No timing <00:99:00.000>inside')).value;
    expect(cue?.words).toBeUndefined();
    expect(cue?.text).toBe('No timing inside');
  });
});

describe('parseVtt: timing problems', () => {
  it('skips a block with a bad timing line and says where', () => {
    const r = parseVtt(
      vtt('WEBVTT', '', '00:01.000 -> 00:02.000', 'Lost.', '', '00:61.000 --> 00:62.000', 'Also lost.', '', '00:03.000 --> 00:04.000', 'Kept.'),
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

  it('rejects settings glued to the end time', () => {
    const r = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:02.000align:start', 'x'));
    expect(r.value).toEqual([]);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "line": 3,
          "message": "Unreadable cue timing "00:01.000 --> 00:02.000align:start"; the cue was skipped.",
        },
      ]
    `);
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
      vtt('WEBVTT', '', '00:05.000 --> 00:06.000', 'c', '', '00:01.000 --> 00:02.000', 'a', '', '00:05.000 --> 00:07.000', 'd', '', '00:03.000 --> 00:04.000', 'b'),
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
    const r = parseVtt(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'first', '', '00:01.000 --> 00:02.000', 'second'));
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
