import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../src/core/transcript/vtt.ts';

/** Joins lines with LF; the fixtures below are written for these tests. */
const vtt = (...lines: string[]): string => lines.join('\n');

const texts = (input: string): string[] => parseVtt(input).value.map((c) => c.text);

describe('parseVtt: voices', () => {
  it('reads <v Name> without </v>', () => {
    const [cue] = parseVtt(
      vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '<v Ada Park>Morning, all.'),
    ).value;
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
    const r = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        'Plain.',
        '',
        '00:02.000 --> 00:03.000',
        '<v>Anon.',
      ),
    );
    expect(r.value.map((c) => c.speaker)).toEqual([null, '']);
  });

  it('takes the first of several voices in one cue and records where each begins', () => {
    const [cue] = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        '- <v Ada>Ready?</v>',
        '- <v Bo>Ready.</v> <v Ada>Go.',
      ),
    ).value;
    expect(cue).toMatchObject({
      speaker: 'Ada',
      voices: [
        [0, 'Ada'],
        [11, 'Bo'],
        [17, 'Ada'],
      ],
      text: '- Ready? - Ready. Go.',
    });
  });

  it('does not take <vfoo> or <b> for a voice', () => {
    const [cue] = parseVtt(
      vtt('WEBVTT', '', '00:01.000 --> 00:02.000', '<vfoo>odd</vfoo> <b>bold</b>'),
    ).value;
    expect(cue).toMatchObject({ speaker: null, text: 'odd bold' });
  });
});

describe('parseVtt: cue text', () => {
  it('strips other tags', () => {
    expect(
      texts(
        vtt(
          'WEBVTT',
          '',
          '00:01.000 --> 00:02.000',
          '<c.yellow.bg_blue>Warm</c> <i>and</i> <b>dry</b> <u>at</u> <lang en-GB>last</lang>',
        ),
      ),
    ).toEqual(['Warm and dry at last']);
  });

  it('drops ruby annotations and keeps the base text', () => {
    expect(
      texts(
        vtt(
          'WEBVTT',
          '',
          '00:01.000 --> 00:02.000',
          '<ruby>東<rt>とう</rt>京<rt>きょう</rt></ruby>に着いた',
        ),
      ),
    ).toEqual(['東京に着いた']);
  });

  it('decodes named and numeric entities', () => {
    expect(
      texts(
        vtt(
          'WEBVTT',
          '',
          '00:01.000 --> 00:02.000',
          'Fish &amp; chips &lt;3 &gt; &quot;q&quot; &apos;a&apos; it&#39;s don&#x2019;t &#X41;',
        ),
      ),
    ).toEqual(["Fish & chips <3 > \"q\" 'a' it's don\u2019t A"]);
  });

  it('decodes &nbsp; &lrm; &rlm; and keeps unknown or broken entities as text', () => {
    expect(
      texts(
        vtt(
          'WEBVTT',
          '',
          '00:01.000 --> 00:02.000',
          '10&nbsp;km &lrm;x&rlm; &bogus; AT&T &#xZZ; &#0; &amp',
        ),
      ),
    ).toEqual(['10\u00a0km \u200ex\u200f &bogus; AT&T &#xZZ; &#0; &amp']);
  });

  it('treats &nbsp; next to spaces as a space', () => {
    expect(texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'a &nbsp; b&nbsp; &nbsp;'))).toEqual([
      'a b',
    ]);
  });

  it('joins lines with a space and collapses whitespace', () => {
    expect(
      texts(
        vtt(
          'WEBVTT',
          '',
          '00:01.000 --> 00:02.000',
          '  Wide \t  gaps  ',
          'and   a second   line  ',
        ),
      ),
    ).toEqual(['Wide gaps and a second line']);
  });

  it('keeps a stray < as text', () => {
    expect(texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'a < b and 3 <'))).toEqual([
      'a < b and 3 <',
    ]);
  });

  it('drops empty cues, including ones with only tags or spaces', () => {
    const r = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        '',
        '00:02.000 --> 00:03.000',
        '<v Ada></v>',
        '',
        '00:03.000 --> 00:04.000',
        '&nbsp;',
        '',
        '00:04.000 --> 00:05.000',
        'Kept.',
      ),
    );
    expect(r.value.map((c) => c.text)).toEqual(['Kept.']);
    expect(r.errors).toEqual([]);
  });
});

describe('parseVtt: word timestamps', () => {
  it('starts each word at its timestamp and the first at the cue start', () => {
    const [cue] = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:04.000',
        '<v Ada>Hello <00:00:02.000>there, <00:00:03.250><i>you</i>.',
      ),
    ).value;
    expect(cue?.text).toBe('Hello there, you.');
    expect(cue?.words).toEqual([
      { start: 1, end: 2, text: 'Hello', offset: 0 },
      { start: 2, end: 3.25, text: 'there,', offset: 6 },
      { start: 3.25, end: 4, text: 'you.', offset: 13 },
    ]);
  });

  it('has no leading word when the text starts with a timestamp', () => {
    const [cue] = parseVtt(
      vtt('WEBVTT', '', '00:01.000 --> 00:04.000', '<00:00:01.500>Late <00:00:02.000>start'),
    ).value;
    expect(cue?.words?.map((w) => [w.start, w.text])).toEqual([
      [1.5, 'Late'],
      [2, 'start'],
    ]);
  });

  it('clamps timestamps outside the cue and keeps them in order', () => {
    const [cue] = parseVtt(
      vtt('WEBVTT', '', '00:01.000 --> 00:04.000', 'a <00:00:09.000>b <00:00:00.500>c'),
    ).value;
    expect(cue?.words?.map((w) => w.start)).toEqual([1, 4, 4]);
  });

  it('leaves cues without timestamps without words', () => {
    const [cue] = parseVtt(
      vtt('WEBVTT', '', '00:01.000 --> 00:04.000', 'No timing <00:99:00.000>inside'),
    ).value;
    expect(cue?.words).toBeUndefined();
    expect(cue?.text).toBe('No timing inside');
  });
});

describe('parseVtt: Unicode spaces', () => {
  it('trims Unicode spaces around the text, keeping word offsets right', () => {
    const r = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:03.000',
        '\u3000\uFEFFone <00:00:02.000>two\u3000',
        '',
        '00:03.000 --> 00:04.000',
        '\uFEFF',
      ),
    );
    expect(r.value).toHaveLength(1);
    expect(r.value[0]?.text).toBe('one two');
    expect(r.value[0]?.words?.map((w) => [w.text, w.offset])).toEqual([
      ['one', 0],
      ['two', 4],
    ]);
  });
});
