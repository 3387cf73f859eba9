// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscriptHtml } from '../../../src/core/transcript/html.ts';
import { parseTranscriptFile } from '../../../src/core/transcript/read.ts';

const fixture = (name: string): string =>
  readFileSync(join(process.cwd(), 'tests/fixtures/transcripts', name), 'utf8');
const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('parseTranscriptHtml', () => {
  it('reads <cite>/<time>/<p> runs without an <html> wrapper; ends are the next start', () => {
    const r = parseTranscriptHtml(fixture('ferry.html'), parseHtml);
    expect(r.errors).toEqual([]);
    expect(r.value.map(({ start, end, text, speaker }) => ({ start, end, text, speaker }))).toEqual(
      [
        {
          start: 1,
          end: 7,
          text: 'Morning. The ferry is late again, so we have time.',
          speaker: 'Juno Maret',
        },
        {
          start: 7,
          end: 13,
          text: 'For the gull census. Forty-one of them, last I looked.',
          speaker: 'Pell Okafor',
        },
        { start: 13, end: 3723, text: 'Forty-one & one very rude one.', speaker: 'Juno Maret' },
        {
          start: 3723,
          end: 3723 + 5 / 3,
          text: 'Still counting, an hour later.',
          speaker: 'Pell Okafor',
        },
      ],
    );
  });

  it('names in <cite> with no <time> anywhere: times written as text are used, and none means a clear error', () => {
    const timed = parseTranscriptHtml(
      '<p><cite>Ada Park:</cite> 00:05 First words.</p><p><cite>Bo Lind:</cite> 00:09 Reply.</p>',
      parseHtml,
    );
    expect(timed.value.map((c) => c.start)).toEqual([5, 9]);
    expect(
      timed.value.every((c) => c.text.includes(c.start === 5 ? 'First words.' : 'Reply.')),
    ).toBe(true);
    const untimed = parseTranscriptHtml(
      '<cite>Ada Park:</cite><p>One.</p><cite>Bo Lind:</cite><p>Two.</p>',
      parseHtml,
    );
    expect(untimed.value).toEqual([]);
    expect(untimed.errors.map((e) => e.message).join(' ')).toMatch(/no times/);
  });

  it('a page whose only <time> is a date still reads clock times written in its text', () => {
    const r = parseTranscriptHtml(
      '<p>Posted <time datetime="2026-11-02">Nov 2, 2026</time></p><p>00:04 Ada Park: Hello there.</p><p>00:09 Bo Lind: Hi.</p>',
      parseHtml,
    );
    expect(r.value.map((c) => c.start)).toEqual([4, 9]);
  });

  it('reads <cite>Name :</cite> (a space before the colon) as the same speaker', () => {
    const r = parseTranscriptHtml(
      '<cite>Lio Brandt :</cite><time>0:05</time><p>One.</p><cite>Lio Brandt:</cite><time>0:09</time><p>Two.</p>',
      parseHtml,
    );
    expect(r.value.map((c) => c.speaker)).toEqual(['Lio Brandt', 'Lio Brandt']);
  });

  it('reads a full document, with the time before the name, and a datetime attribute', () => {
    const r = parseTranscriptHtml(
      `<!doctype html><html><head><title>Ep 9</title><style>p{}</style></head><body>
       <h1>Transcript of episode 9</h1>
       <div><time datetime="PT1M6S">about a minute in</time><cite>Mo Ferris:</cite><p><i>Hello</i> <b>there</b>.</p></div>
       <div><time>1:30</time><p>No name: keeps Mo.</p></div>
       </body></html>`,
      parseHtml,
    );
    expect(r.value.map((c) => [c.start, c.speaker, c.text])).toEqual([
      [66, 'Mo Ferris', 'Hello there.'],
      [90, null, 'No name: keeps Mo.'],
    ]);
  });

  it('falls back to timed paragraphs when there is no <cite>/<time> markup', () => {
    const r = parseTranscriptHtml(
      '<p>00:00:02 Tam Oduya: Hi.</p><p>00:00:05 Fen Lark: Hey.</p><p>00:00:09 Tam Oduya: Bye.</p>',
      parseHtml,
    );
    expect(r.value.map((c) => [c.start, c.speaker])).toEqual([
      [2, 'Tam Oduya'],
      [5, 'Fen Lark'],
      [9, 'Tam Oduya'],
    ]);
  });

  it('says when there are no times at all', () => {
    expect(parseTranscriptHtml('<p>Just words.</p>', parseHtml)).toMatchInlineSnapshot(`
      {
        "errors": [
          {
            "message": "The HTML transcript has no times, so it cannot follow the audio.",
          },
        ],
        "value": [],
      }
    `);
  });

  it('keeps text in order when a time goes backwards, and says so', () => {
    const r = parseTranscriptHtml(
      '<cite>A B:</cite><time>0:20</time><p>First.</p><cite>C D:</cite><time>0:10</time><p>Second.</p><time>soon</time><p>Third.</p>',
      parseHtml,
    );
    expect(r.value.map((c) => [c.start, c.text])).toEqual([
      [20, 'First.'],
      [20, 'Second. Third.'],
    ]);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "message": "A <time> in the HTML transcript could not be read; its text was kept at the time before it.",
        },
        {
          "message": "A time in the HTML transcript went back before the turn above; kept in place, at the earlier time.",
        },
      ]
    `);
  });
});

describe('parseTranscriptFile dispatches every kind', () => {
  it('srt, json, html and text give the same turns for the ferry fixtures', () => {
    const speakers = (kind: 'srt' | 'json' | 'html' | 'text', file: string) =>
      parseTranscriptFile(fixture(file), kind, parseHtml).value.map((t) => t.speaker);
    expect(speakers('srt', 'ferry.srt')).toEqual([
      'Juno Maret',
      'Pell Okafor',
      'Juno Maret',
      'Pell Okafor',
    ]);
    expect(speakers('json', 'ferry.json')).toEqual(['Juno Maret', 'Pell Okafor', 'Juno Maret']);
    expect(speakers('html', 'ferry.html')).toEqual([
      'Juno Maret',
      'Pell Okafor',
      'Juno Maret',
      'Pell Okafor',
    ]);
    expect(speakers('text', 'ferry.txt')).toEqual([
      'Juno Maret',
      'Pell Okafor',
      'Juno Maret',
      'Pell Okafor',
    ]);
  });

  it('needs a parser for HTML', () => {
    expect(parseTranscriptFile(fixture('ferry.html'), 'html')).toMatchInlineSnapshot(`
      {
        "errors": [
          {
            "message": "HTML transcripts need an HTML parser here.",
          },
        ],
        "value": [],
      }
    `);
  });

  it('reads WebVTT, SRT and JSON served as text/plain', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ada>Hi.';
    expect(parseTranscriptFile(vtt, 'text').value[0]?.speaker).toBe('Ada');
    expect(parseTranscriptFile(fixture('ferry.srt'), 'text').value).toHaveLength(4);
    expect(parseTranscriptFile(fixture('ferry.json'), 'text').value).toHaveLength(3);
  });
});
