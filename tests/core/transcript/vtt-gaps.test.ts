// WebVTT gaps found with the web-platform-tests parsing suite (#15): each failed before its fix.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFullEntities, needsFullEntities } from '../../../src/core/transcript/entities.ts';
import { parseVtt } from '../../../src/core/transcript/vtt.ts';

const texts = (vtt: string) => parseVtt(vtt).value.map((c) => c.text);
const times = (vtt: string) => parseVtt(vtt).value.map((c) => [c.start, c.end]);

describe('which cues exist (the spec’s block algorithm)', () => {
  it('a no-break space glued to the end timestamp', () => {
    expect(times('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\u00a0\nhello\n')).toEqual([[1, 2]]);
  });

  it('settings glued to the end timestamp', () => {
    expect(texts('WEBVTT\n\n00:00:01.000 --> 00:00:02.000align:start\nhello\n')).toEqual(['hello']);
  });

  it('a form feed where whitespace is allowed', () => {
    expect(times('WEBVTT\n\n00:00:01.000\f-->\f00:00:02.000\nhello\n')).toEqual([[1, 2]]);
  });

  it('two lines before the timing line: the timing line starts a cue of its own', () => {
    expect(texts('WEBVTT\n\nid\nstray\n00:00:01.000 --> 00:00:02.000\nhello\n')).toEqual(['hello']);
  });

  it('a NOTE line directly followed by a timing line is a cue (with the id “NOTE”)', () => {
    expect(texts('WEBVTT\n\nNOTE\n00:00:01.000 --> 00:00:02.000\nhello\n')).toEqual(['hello']);
  });

  it('a NOTE block with text stays a comment; a timing line later in it starts a cue', () => {
    expect(texts('WEBVTT\n\nNOTE a comment\nmore\n\n00:00:03.000 --> 00:00:04.000\nyes\n')).toEqual(
      ['yes'],
    );
    expect(texts('WEBVTT\n\nNOTE a comment\nmore\n00:00:03.000 --> 00:00:04.000\nyes\n')).toEqual([
      'yes',
    ]);
  });

  it('a timing line that fails still takes its block with it', () => {
    const out = parseVtt(
      'WEBVTT\n\n00:00:0x.000 --> 00:00:02.000\ngone\n\n00:00:03.000 --> 00:00:04.000\nkept\n',
    );
    expect(out.value.map((c) => c.text)).toEqual(['kept']);
    expect(out.errors).toHaveLength(1);
  });
});

describe('ruby', () => {
  it('a stray <rt> outside <ruby> keeps its text', () => {
    expect(
      texts('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nbefore <rt>inside</rt> after\n'),
    ).toEqual(['before inside after']);
  });
  it('an <rt> inside <ruby> is still dropped, keeping the base text', () => {
    expect(
      texts(
        'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>です\n',
      ),
    ).toEqual(['漢字です']);
  });
});

describe('HTML named character references', () => {
  const cue = (text: string) => `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${text}\n`;

  it('are recognised as needing the full list, and the eight common ones are not', () => {
    expect(needsFullEntities(cue('Tom &amp; Jerry &lt;3 &nbsp;'))).toBe(false);
    expect(needsFullEntities(cue('it&rsquo;s'))).toBe(true);
    expect(needsFullEntities(cue('fish &amp chips'))).toBe(true);
    expect(needsFullEntities(cue('5 & 6'))).toBe(false);
  });

  describe('once the full list is loaded', () => {
    beforeAll(() => loadFullEntities());

    it.each([
      ['it&rsquo;s', 'it’s'],
      ['wait&hellip;', 'wait…'],
      ['now &mdash; then', 'now — then'],
      ['&copy; 2026', '© 2026'],
      ['&NotEqualTilde;', '≂̸'],
      // The legacy names HTML allows without `;`.
      ['fish &amp chips', 'fish & chips'],
      ['&copy 2026', '© 2026'],
      // Unknown names and lone ampersands stay as written.
      ['&bogus; & more', '&bogus; & more'],
      ['a &lt;b&gt; c', 'a <b> c'],
      ['&#x2019;&#8217;', '’’'],
    ])('%s', (raw, text) => {
      expect(texts(cue(raw))).toEqual([text]);
    });

    it('decodes voice names too', () => {
      expect(parseVtt(cue('<v Zo&euml; Park>hi')).value[0]?.speaker).toBe('Zoë Park');
    });
  });
});
