// @vitest-environment jsdom
// Malformed input corpus: truncated, wrong-typed, wrongly encoded, absurdly timed, enormous and
// abusive inputs for every parser in src/core. Each must return within a time bound without
// throwing, with a plain message (asserted word for word) or a sensible partial result (asserted).
import { afterAll, describe, expect, it } from 'vitest';
import { parseChaptersJson } from '../../src/core/chapters/json.ts';
import { decodeBytes } from '../../src/core/text/decode.ts';
import { parseFeed, type FeedParseOutcome } from '../../src/core/feed/feed.ts';
import type { ParseIssue, SourceKind } from '../../src/core/model.ts';
import { parseTranscriptFile } from '../../src/core/transcript/read.ts';
import { parseVtt } from '../../src/core/transcript/vtt.ts';
import {
  bytesAsText,
  garbage,
  latin1,
  newStats,
  runMalformed,
  utf16,
} from '../fixtures/malformed/harness.ts';

const BOUND_MS = 2000;
const FEED_URL = 'https://feeds.example.com/show/feed.xml';
const stats = newStats();

const parseXml = (s: string): Document => new DOMParser().parseFromString(s, 'application/xml');
const parseHtml = (s: string): Document => new DOMParser().parseFromString(s, 'text/html');
const feed = (text: string): FeedParseOutcome => parseFeed(text, FEED_URL, { parseXml });
const feedBytes = (bytes: Uint8Array, contentType?: string): FeedParseOutcome =>
  feed(decodeBytes(bytes, contentType).text);
const transcript = (kind: SourceKind) => (text: string) =>
  parseTranscriptFile(text, kind, parseHtml);
const messages = (errors: ParseIssue[]) => errors.map((e) => e.message);

/** One malformed input: `input` builds it (untimed), `parse` must return within `bound` ms, `check` says what came back. */
function malformed<I, T>(
  name: string,
  input: () => I,
  parse: (input: I) => T,
  check: (out: T) => void,
  bound = BOUND_MS,
): void {
  it(
    name,
    () => {
      const { value, ms } = runMalformed(stats, name, input, parse);
      expect(ms, `${name} took ${ms.toFixed(0)} ms`).toBeLessThan(bound);
      check(value);
    },
    60_000,
  );
}

function failureOf(out: FeedParseOutcome): { reason: string; message: string } {
  if (out.ok)
    throw new Error(
      `expected a failure, got a feed titled ${JSON.stringify(out.value.title.slice(0, 60))}`,
    );
  return { reason: out.reason, message: out.message };
}
function feedOf(out: FeedParseOutcome) {
  if (!out.ok) throw new Error(`expected a feed, got: ${out.message}`);
  return { feed: out.value, errors: messages(out.errors) };
}

const TRUNCATED =
  'The feed ends before it is complete (the download was probably cut off), so it cannot be read. Try again later.';
const rss = (items: string, head = '', channel = '<title>Show</title>') =>
  `<?xml version="1.0" encoding="UTF-8"?>${head}<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>${channel}${items}</channel></rss>`;
const item = (inner: string) => `<item>${inner}</item>`;
const AUDIO = '<enclosure url="https://cdn.example.com/a.mp3" type="audio/mpeg" length="1"/>';

afterAll(() => {
  console.log(
    `malformed: ${stats.tried} inputs tried (${stats.knownBugs} known-bug cases), uncaught: ${stats.uncaught.length}; ` +
      `slowest: ${stats.slowest.name} (${stats.slowest.ms.toFixed(0)} ms)`,
  );
  expect(stats.uncaught).toEqual([]);
});

describe('feeds: truncated and the wrong kind of document', () => {
  malformed(
    'truncated in the middle of an item',
    () => rss(item('<title>Half')).slice(0, -40),
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({ reason: 'malformed', message: TRUNCATED });
    },
  );
  malformed(
    'truncated inside a CDATA section',
    () => rss(item('<description><![CDATA[<p>Hello')).replace(/<\/item>.*$/, ''),
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({ reason: 'malformed', message: TRUNCATED });
    },
  );
  malformed(
    'cut in the middle of a tag',
    () => '<?xml version="1.0"?><rss version="2.0"><channel><ti',
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({ reason: 'malformed', message: TRUNCATED });
    },
  );
  malformed(
    'mismatched tags (complete, but broken)',
    () => '<rss version="2.0"><channel><title>x</channel></rss>',
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({
        reason: 'malformed',
        message:
          'The feed is not valid XML (the first error is on line 1), so it cannot be read. Its publisher needs to fix it.',
      });
    },
  );
  malformed(
    'JSON where XML is expected (a chapters file)',
    () => '{"version":"1.2.0","chapters":[{"startTime":0}]}',
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({
        reason: 'not-rss',
        message: 'This address returned JSON data, not a podcast feed (an RSS document).',
      });
    },
  );
  malformed(
    'plain text',
    () => 'Service temporarily unavailable. Please try again.',
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({
        reason: 'not-rss',
        message: 'This address returned plain text, not a podcast feed (an RSS document).',
      });
    },
  );
  malformed(
    'an HTML error page',
    () => '<!DOCTYPE html><html><head><title>502</title></head><body>Bad gateway</body></html>',
    feed,
    (out) => {
      expect(failureOf(out).reason).toBe('html');
      expect(failureOf(out).message).toMatch(
        /^This address returned a web page, not a podcast feed\./,
      );
    },
  );
  malformed(
    'an empty body',
    () => '',
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({
        reason: 'empty',
        message:
          'This address returned an empty response, not a podcast feed. Check the address, or try again later.',
      });
    },
  );
  malformed(
    'only a BOM, spaces and line breaks',
    () => '\uFEFF \r\n\t ',
    feed,
    (out) => {
      expect(failureOf(out).reason).toBe('empty');
    },
  );
  malformed(
    'PNG bytes (binary garbage)',
    () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...garbage(4096)]),
    feedBytes,
    (out) => {
      expect(failureOf(out)).toEqual({
        reason: 'not-rss',
        message: 'This address returned plain text, not a podcast feed (an RSS document).',
      });
    },
  );
  malformed(
    'binary garbage that starts with "<"',
    () => bytesAsText(new Uint8Array([0x3c, ...garbage(8192, 7)])),
    feed,
    (out) => {
      expect(failureOf(out).reason).toBe('malformed');
      expect(failureOf(out).message).toMatch(
        /^The feed (is not valid XML|ends before it is complete)/,
      );
    },
  );
  malformed(
    'an RSS document without <channel>',
    () => '<rss version="2.0"><item><title>x</title></item></rss>',
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({
        reason: 'not-rss',
        message: 'This RSS document has no <channel> element, so it lists no podcast.',
      });
    },
  );
  malformed(
    'an Atom news feed without audio',
    () =>
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><entry><title>a</title><id>1</id></entry></feed>',
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({
        reason: 'not-rss',
        message: 'This is a news feed (Atom) without audio episodes, not a podcast feed.',
      });
    },
  );
  malformed(
    'another XML vocabulary (SVG)',
    () => '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({
        reason: 'not-rss',
        message:
          'This address returned an XML document (<svg>), not a podcast feed (an RSS document).',
      });
    },
  );
});

describe('feeds: wrong encodings', () => {
  const zoe = rss(item(`<title>Zoë’s “café”</title><guid>1</guid>${AUDIO}`));
  malformed(
    'UTF-16LE without a BOM (declaration present)',
    () => utf16(zoe.replace('UTF-8', 'UTF-16'), 'le'),
    feedBytes,
    (out) => {
      expect(feedOf(out).feed.episodes[0]?.title).toBe('Zoë’s “café”');
    },
  );
  malformed(
    'UTF-16BE without a BOM (declaration present)',
    () => utf16(zoe.replace('UTF-8', 'UTF-16'), 'be'),
    feedBytes,
    (out) => {
      expect(feedOf(out).feed.episodes[0]?.title).toBe('Zoë’s “café”');
    },
  );
  malformed(
    'UTF-16LE without a BOM or declaration: recognised from its first bytes and read',
    () => utf16(zoe.replace(/^<\?xml[^>]*\?>/, ''), 'le'),
    feedBytes,
    (out) => {
      expect(feedOf(out).feed.episodes[0]?.title).toBe('Zoë’s “café”');
    },
  );
  const cafe = (decl: string) =>
    `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>Café au lait</title>${item(`<title>Smørrebrød</title><guid>1</guid>${AUDIO}`)}</channel></rss>`;
  malformed(
    'Latin-1 bytes declared as UTF-8: replacement characters, never a crash',
    () => latin1(cafe(' encoding="UTF-8"')),
    feedBytes,
    (out) => {
      const { feed: f } = feedOf(out);
      expect(f.title).toBe('Caf\uFFFD au lait');
      expect(f.episodes[0]?.title).toBe('Sm\uFFFDrrebr\uFFFDd');
    },
  );
  malformed(
    'Latin-1 bytes with no declaration: read as windows-1252',
    () => latin1(cafe('')),
    feedBytes,
    (out) => {
      expect(feedOf(out).feed.title).toBe('Café au lait');
    },
  );
  malformed(
    'Latin-1 bytes named only by the HTTP charset',
    () => latin1(cafe('')),
    (b) => feedBytes(b, 'text/xml; charset="ISO-8859-1"'),
    (out) => {
      expect(feedOf(out).feed.episodes[0]?.title).toBe('Smørrebrød');
    },
  );
  malformed(
    'an unknown encoding label falls back to UTF-8',
    () => new TextEncoder().encode(cafe(' encoding="x-klingon"')),
    feedBytes,
    (out) => {
      expect(feedOf(out).feed.title).toBe('Café au lait');
    },
  );
  malformed(
    'a UTF-16 declaration on ASCII bytes is ignored',
    () => new TextEncoder().encode(cafe(' encoding="UTF-16"')),
    feedBytes,
    (out) => {
      expect(feedOf(out).feed.title).toBe('Café au lait');
    },
  );
  malformed(
    'a null byte in a title',
    () => rss(item(`<title>a\u0000b</title>${AUDIO}`)),
    feed,
    (out) => {
      expect(failureOf(out)).toEqual({
        reason: 'malformed',
        message:
          'The feed is not valid XML (the first error is on line 1), so it cannot be read. Its publisher needs to fix it.',
      });
    },
  );
  malformed(
    'a lone surrogate in a title',
    () => rss(item(`<title>a\uD800b</title><guid>1</guid>${AUDIO}`)),
    feed,
    (out) => {
      const { feed: f } = feedOf(out);
      expect(f.episodes).toHaveLength(1);
      expect(f.episodes[0]?.title.replace(/[\uD800\uFFFD]/g, '')).toBe('ab');
    },
  );
});

describe('feeds: bad values inside a good document', () => {
  malformed(
    'unreadable durations',
    () =>
      rss(
        ['99:99:99', '-5', 'NaN', 'Infinity', '1e400', '12:345']
          .map((d, i) =>
            item(
              `<title>E${i}</title><guid>${i}</guid><itunes:duration>${d}</itunes:duration>${AUDIO}`,
            ),
          )
          .join(''),
      ),
    feed,
    (out) => {
      const { feed: f, errors } = feedOf(out);
      expect(f.episodes.map((e) => e.duration)).toEqual([null, null, null, null, null, null]);
      expect(errors).toEqual([
        'Episode “E0”: the duration “99:99:99” could not be read; the audio file will tell (and 5 more like this).',
      ]);
    },
  );
  malformed(
    'unreadable dates',
    () =>
      rss(
        ['not a date', '99 Foo 2024 25:61:00', '2024-13-45T99:00:00Z']
          .map((d, i) =>
            item(`<title>E${i}</title><guid>${i}</guid><pubDate>${d}</pubDate>${AUDIO}`),
          )
          .join(''),
      ),
    feed,
    (out) => {
      const { feed: f, errors } = feedOf(out);
      expect(f.episodes.map((e) => e.published)).toEqual([null, null, null]);
      expect(errors).toEqual([
        'Episode “E0”: the date “not a date” could not be read, so it is shown without a date (and 2 more like this).',
      ]);
    },
  );
  malformed(
    'duplicate GUIDs: the first is kept',
    () =>
      rss(
        ['First', 'Second', 'Third']
          .map((t) => item(`<title>${t}</title><guid>same</guid>${AUDIO}`))
          .join('') + item(`<title>Other</title><guid>other</guid>${AUDIO}`),
      ),
    feed,
    (out) => {
      const { feed: f, errors } = feedOf(out);
      expect(f.episodes.map((e) => e.title)).toEqual(['First', 'Other']);
      expect(errors).toEqual([
        'Episode “Second” repeats the id “same” of an earlier episode and was left out (and 1 more like this).',
      ]);
    },
  );
  malformed(
    'a javascript: enclosure is not playable',
    () =>
      rss(
        item(
          '<title>Bad</title><guid>1</guid><enclosure url="javascript:alert(1)" type="audio/mpeg"/>',
        ),
      ),
    feed,
    (out) => {
      const { feed: f, errors } = feedOf(out);
      expect(f.episodes[0]?.enclosure).toBeNull();
      expect(errors).toEqual([
        'Episode “Bad” cannot be played: its audio address is missing or not a web address.',
      ]);
    },
  );
  malformed(
    'bare & and HTML-only entities are repaired',
    () =>
      rss(
        item(
          `<title>Q&amp;A &nbsp; R&D</title><link>https://x.example/?a=1&b=2</link><guid>1</guid>${AUDIO}`,
        ),
      ),
    feed,
    (out) => {
      const { feed: f, errors } = feedOf(out);
      expect(f.episodes[0]?.title).toBe('Q&A R&D');
      expect(errors).toEqual([
        'The feed has XML mistakes that were repaired to read it: 3 unescaped “&” or HTML-only entities (such as &nbsp;).',
      ]);
    },
  );
  malformed(
    'Podlove chapters with unreadable starts',
    () =>
      rss(
        item(
          `<title>P</title><guid>1</guid>${AUDIO}<psc:chapters xmlns:psc="http://podlove.org/simple-chapters"><psc:chapter start="99:99" title="Bad"/><psc:chapter start="-1" title="Neg"/><psc:chapter start="00:01:00" title="Good"/></psc:chapters>`,
        ),
      ),
    feed,
    (out) => {
      const { feed: f, errors } = feedOf(out);
      expect(f.episodes[0]?.pscChapters).toEqual([{ start: 60, title: 'Good' }]);
      expect(errors).toEqual([
        'Episode “P”: a chapter start “99:99” could not be read; that chapter was skipped (and 1 more like this).',
      ]);
    },
  );
});

describe('feeds: enormous and abusive', () => {
  malformed(
    'a 5 MB single-line title',
    () => rss(item(`<title>${'x'.repeat(5_000_000)}</title><guid>1</guid>${AUDIO}`)),
    feed,
    (out) => {
      const { feed: f, errors } = feedOf(out);
      expect(f.episodes[0]?.title).toHaveLength(5_000_000);
      expect(errors).toEqual([]);
    },
  );
  malformed(
    '100,000 empty items',
    () => rss('<item/>'.repeat(100_000)),
    feed,
    (out) => {
      const { feed: f, errors } = feedOf(out);
      // No guid, enclosure, title or date: every item gets the same made-up id; twins are kept
      // under `-2`, `-3`… (linear: a suffix counter per id, not a search from 2 each time).
      expect(f.episodes).toHaveLength(100_000);
      expect(new Set(f.episodes.map((e) => e.guid)).size).toBe(100_000);
      expect(f.episodes[99_999]?.guid).toMatch(/^gen-[0-9a-f]{16}-100000$/);
      expect(errors).toEqual([
        'Episode number 1 cannot be played: it has no audio file (and 99999 more like this).',
      ]);
    },
    // ~1.6 s on a quiet 2-core machine; the bound catches a hang (this once took 25 minutes).
    10_000,
  );
  malformed(
    '"billion laughs": nested internal entities neither hang nor explode',
    () => {
      const levels = ['<!ENTITY lol0 "lol">'];
      for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
      return rss(
        item(`<title>&lol9;</title><guid>1</guid>${AUDIO}`),
        `<!DOCTYPE rss [${levels.join('')}]>`,
      );
    },
    feed,
    (out) => {
      // jsdom (like browsers) refuses to expand the bomb; either a failure or a feed whose text stayed small.
      expect(JSON.stringify(out).length).toBeLessThan(10_000);
    },
  );
  malformed(
    'an external entity (XXE) is never read',
    () =>
      rss(
        item(`<title>&xxe;</title><guid>1</guid>${AUDIO}`),
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      ),
    feed,
    (out) => {
      expect(JSON.stringify(out)).not.toMatch(/root:|\/bin\/|nologin/);
    },
  );
  malformed(
    'markup nested 1,000 levels deep in the show notes',
    () =>
      rss(
        item(
          `<title>Deep</title><guid>1</guid>${AUDIO}<description>${'<div>'.repeat(1000)}deep${'</div>'.repeat(1000)}</description>`,
        ),
      ),
    feed,
    (out) => {
      expect(feedOf(out).feed.episodes[0]?.notesHtml).toBe('deep');
    },
  );
  // Was quadratic in the XML repair (60 KB took ~1 s): 600 KB stays well inside the bound now.
  malformed(
    'a run of unterminated "<!--" (600 KB)',
    () => `<rss version="2.0"><channel><title>a&b</title>${'<!--'.repeat(150_000)}`,
    feed,
    (out) => {
      expect(failureOf(out).message).toBe(TRUNCATED);
    },
  );
});

describe('WebVTT: bad times and structure', () => {
  const vtt = (...blocks: string[]) => ['WEBVTT', '', ...blocks.flatMap((b) => [b, ''])].join('\n');
  const good = '00:00:01.000 --> 00:00:02.000\nGood cue';
  malformed(
    '99:99:99 timestamps',
    () => vtt('99:99:99.000 --> 99:99:99.500\nBad', good),
    parseVtt,
    (out) => {
      expect(out.value.map((c) => c.text)).toEqual(['Good cue']);
      expect(messages(out.errors)).toEqual([
        'Unreadable cue timing "99:99:99.000 --> 99:99:99.500"; the cue was skipped.',
      ]);
    },
  );
  malformed(
    'a negative timestamp',
    () => vtt('-00:00:01.000 --> 00:00:02.000\nBad', good),
    parseVtt,
    (out) => {
      expect(out.value.map((c) => c.text)).toEqual(['Good cue']);
      expect(messages(out.errors)).toEqual([
        'Unreadable cue timing "-00:00:01.000 --> 00:00:02.000"; the cue was skipped.',
      ]);
    },
  );
  malformed(
    'NaN timestamps',
    () => vtt('NaN:NaN.NaN --> NaN\nBad', good),
    parseVtt,
    (out) => {
      expect(out.value).toHaveLength(1);
      expect(messages(out.errors)).toEqual([
        'Unreadable cue timing "NaN:NaN.NaN --> NaN"; the cue was skipped.',
      ]);
    },
  );
  malformed(
    'a timing line without "-->"',
    () => vtt('00:00:00.000 00:00:01.000\nNo arrow', good),
    parseVtt,
    (out) => {
      expect(out.value.map((c) => c.text)).toEqual(['Good cue']);
      expect(out.errors).toEqual([
        { line: 3, message: 'A block without a cue timing line was skipped.' },
      ]);
    },
  );
  malformed(
    '"-->" with nothing around it',
    () => vtt('--> \nOrphan', good),
    parseVtt,
    (out) => {
      expect(out.value).toHaveLength(1);
      expect(messages(out.errors)).toEqual(['Unreadable cue timing "-->"; the cue was skipped.']);
    },
  );
  malformed(
    'hours above 99 (WebVTT allows any number of hour digits)',
    () => vtt('100:00:01.000 --> 100:00:02.500\nLate'),
    parseVtt,
    (out) => {
      expect(out.value).toEqual([{ start: 360001, end: 360002.5, text: 'Late', speaker: null }]);
    },
  );
  malformed(
    'a 400-digit fraction',
    () => vtt(`00:00:01.${'0'.repeat(400)}1 --> 00:00:02.000\nFine`),
    parseVtt,
    (out) => {
      expect(out.value[0]?.start).toBe(1);
    },
  );
  malformed(
    '400-digit hours are unreadable timing, not a cue at Infinity',
    () => vtt(`${'9'.repeat(400)}:00:01.000 --> ${'9'.repeat(401)}:00:02.000\nNever`),
    parseVtt,
    (out) => {
      expect(out.value).toEqual([]);
      expect(out.errors.length).toBeGreaterThan(0);
    },
  );
  malformed(
    'a cue that ends before it starts',
    () => vtt('00:00:05.000 --> 00:00:01.000\nBackwards'),
    parseVtt,
    (out) => {
      expect(out.value).toEqual([{ start: 5, end: 5, text: 'Backwards', speaker: null }]);
      expect(messages(out.errors)).toEqual([
        'The cue ends (00:00:01.000) before it starts (00:00:05.000); its end was set to its start.',
      ]);
    },
  );
  malformed(
    'reversed and overlapping cues',
    () =>
      vtt(
        '00:00:10.000 --> 00:00:20.000\nThird',
        '00:00:00.000 --> 00:00:15.000\nFirst',
        '00:00:05.000 --> 00:00:06.000\nSecond',
      ),
    parseVtt,
    (out) => {
      expect(out.value.map((c) => [c.start, c.text])).toEqual([
        [0, 'First'],
        [5, 'Second'],
        [10, 'Third'],
      ]);
      expect(messages(out.errors)).toEqual([
        'The cues were out of order; they were sorted by start time.',
      ]);
    },
  );
  malformed(
    'no WEBVTT header',
    () => good,
    parseVtt,
    (out) => {
      expect(out.value.map((c) => c.text)).toEqual(['Good cue']);
      expect(out.errors).toEqual([
        { line: 1, message: 'The file does not start with "WEBVTT"; read it anyway.' },
      ]);
    },
  );
  malformed(
    'an empty file',
    () => '',
    parseVtt,
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ line: 1, message: 'The file does not start with "WEBVTT"; read it anyway.' }],
      });
    },
  );
  malformed(
    'lone CR line endings',
    () => vtt(good, '00:00:03.000 --> 00:00:04.000\nSecond').replace(/\n/g, '\r'),
    parseVtt,
    (out) => {
      expect(out.value.map((c) => c.text)).toEqual(['Good cue', 'Second']);
    },
  );
  malformed(
    'JSON where WebVTT is expected',
    () => '{"version":"1.0.0","segments":[{"startTime":0,"body":"hi"}]}',
    parseVtt,
    (out) => {
      expect(out.value).toEqual([]);
      expect(messages(out.errors)).toEqual([
        'The file does not start with "WEBVTT"; read it anyway.',
        'A block without a cue timing line was skipped.',
      ]);
    },
  );
  malformed(
    'binary garbage',
    () => bytesAsText(garbage(65_536, 3)),
    parseVtt,
    (out) => {
      expect(out.value).toEqual([]);
      expect(messages(out.errors)[0]).toBe(
        'The file does not start with "WEBVTT"; read it anyway.',
      );
    },
  );
  malformed(
    'null bytes and lone surrogates in cue text',
    () => vtt('00:00:01.000 --> 00:00:02.000\n<v A\u0000da>h\u0000i \uDC00there'),
    parseVtt,
    (out) => {
      expect(out.value).toHaveLength(1);
      expect(out.value[0]?.text.replace(/[\u0000\uFFFD\uDC00]/g, '')).toBe('hi there');
    },
  );
});

describe('WebVTT and SRT: enormous', () => {
  malformed(
    'a 5 MB single cue line',
    () => `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${'word '.repeat(1_000_000)}\n`,
    parseVtt,
    (out) => {
      expect(out.value).toHaveLength(1);
      expect(out.value[0]?.text.length).toBe(4_999_999);
    },
  );
  malformed(
    'a 5 MB line that is not a cue',
    () => `WEBVTT\n\n${'x'.repeat(5_000_000)}`,
    parseVtt,
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ line: 3, message: 'A block without a cue timing line was skipped.' }],
      });
    },
  );
  malformed(
    '100,000 cues',
    () => {
      const pad = (n: number) => String(n).padStart(2, '0');
      const stamp = (t: number) =>
        `${pad(Math.floor(t / 3600))}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}.000`;
      return [
        'WEBVTT',
        ...Array.from({ length: 100_000 }, (_, i) => `${stamp(i)} --> ${stamp(i + 1)}\nw${i}`),
      ].join('\n\n');
    },
    parseVtt,
    (out) => {
      expect(out.value).toHaveLength(100_000);
      expect(out.value.at(-1)).toEqual({
        start: 99_999,
        end: 100_000,
        text: 'w99999',
        speaker: null,
      });
    },
  );
  const cue = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n';
  // These were quadratic (400 KB took ~0.8 s, 5 MB minutes); 3 MB now parses in under a second
  // on a quiet machine. The bound is wide (a busy 2-core machine took 2.0 s): it is there to catch
  // quadratic work, which would take minutes.
  const LINEAR_3MB_MS = 6000;
  malformed(
    '3 MB of "<" in one cue',
    () => cue + '<'.repeat(3_000_000),
    parseVtt,
    (out) => {
      expect(out.value[0]?.text).toHaveLength(3_000_000);
    },
    LINEAR_3MB_MS,
  );
  malformed(
    '3 MB of "&" in one cue',
    () => cue + '&'.repeat(3_000_000),
    parseVtt,
    (out) => {
      expect(out.value[0]?.text).toHaveLength(3_000_000);
    },
    LINEAR_3MB_MS,
  );
  malformed(
    '3 MB of "<" in one SRT card (same cue-text code)',
    () => '1\n00:00:01,000 --> 00:00:02,000\n' + '<'.repeat(3_000_000),
    transcript('srt'),
    (out) => {
      expect(out.value).toHaveLength(1);
    },
    LINEAR_3MB_MS,
  );
});

describe('SRT, JSON, HTML and text transcripts', () => {
  malformed(
    'SRT: 99:99:99 timestamps',
    () => '1\n99:99:99,000 --> 99:99:99,500\nBad\n\n2\n00:00:01,000 --> 00:00:02,000\nGood\n',
    transcript('srt'),
    (out) => {
      expect(out.value.map((t) => t.text)).toEqual(['Good']);
      expect(messages(out.errors)).toEqual(['A block without a readable timing line was skipped.']);
    },
  );
  malformed(
    'SRT: a card that ends before it starts',
    () => '1\n00:00:05,000 --> 00:00:01,000\nBackwards\n',
    transcript('srt'),
    (out) => {
      expect(out.value.map((t) => [t.start, t.end])).toEqual([[5, 5]]);
      expect(messages(out.errors)).toEqual([
        'A subtitle ends (00:00:01.000) before it starts (00:00:05.000); its end was set to its start.',
      ]);
    },
  );
  malformed(
    'SRT: cards out of order',
    () => '1\n00:00:09,000 --> 00:00:10,000\nLater\n\n2\n00:00:01,000 --> 00:00:02,000\nEarlier\n',
    transcript('srt'),
    (out) => {
      expect(out.value.map((t) => t.text)).toEqual(['Earlier Later']);
      expect(messages(out.errors)).toEqual([
        'The subtitles were out of order; they were sorted by start time.',
      ]);
    },
  );
  malformed(
    'SRT: binary garbage',
    () => bytesAsText(garbage(20_000, 11)).replace(/\r|\n/g, ' ') + '\n\nmore\n\n',
    transcript('srt'),
    (out) => {
      expect(out.value).toEqual([]);
      expect(messages(out.errors)).toEqual([
        '2 blocks without a readable timing line were skipped.',
      ]);
    },
  );
  malformed(
    'JSON transcript: XML where JSON is expected',
    () => '<?xml version="1.0"?><transcript/>',
    transcript('json'),
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ message: 'The transcript file is not valid JSON.' }],
      });
    },
  );
  malformed(
    'JSON transcript: truncated',
    () => '{"version":"1.0.0","segments":[{"startTime":0,"body":"Hel',
    transcript('json'),
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ message: 'The transcript file is not valid JSON.' }],
      });
    },
  );
  malformed(
    'JSON transcript: "segments" of the wrong type',
    () => '{"segments":{"0":{"startTime":0,"body":"x"}}}',
    transcript('json'),
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ message: 'The transcript file has no "segments" list.' }],
      });
    },
  );
  malformed(
    'JSON transcript: NaN, negative and missing times',
    () =>
      JSON.stringify({
        segments: [
          { startTime: 'NaN', body: 'a' },
          { startTime: -1, body: 'b' },
          { body: 'c' },
          { startTime: 1, endTime: 2, body: 'kept' },
          'junk',
        ],
      }),
    transcript('json'),
    (out) => {
      expect(out.value.map((t) => t.text)).toEqual(['kept']);
      expect(messages(out.errors)).toEqual([
        '4 segments without a start time or text were skipped.',
      ]);
    },
  );
  malformed(
    'JSON transcript: arrays nested 100,000 deep',
    () => '['.repeat(100_000) + ']'.repeat(100_000),
    transcript('json'),
    (out) => {
      expect(out.value).toEqual([]);
      expect(messages(out.errors)).toEqual(['A segment without a start time or text was skipped.']);
    },
  );
  malformed(
    'HTML transcript: markup without any times',
    () => '<div><p>Just some prose</p><p><b>Ada:</b> no time here</p><img src=x onerror=alert(1)>',
    transcript('html'),
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ message: 'The HTML transcript has no times, so it cannot follow the audio.' }],
      });
    },
  );
  malformed(
    'text transcript: prose with no times',
    () => 'We talked about trams.\nThen about trees.\n',
    transcript('text'),
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [
          {
            message:
              'The text transcript has no times, so it cannot follow the audio; it was not used.',
          },
        ],
      });
    },
  );
  malformed(
    'text transcript that is really broken JSON',
    () => '['.repeat(50_000),
    transcript('text'),
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ message: 'The transcript file is not valid JSON.' }],
      });
    },
  );
});

describe('podcast:chapters JSON', () => {
  malformed(
    'XML where JSON is expected',
    () => '<?xml version="1.0"?><chapters/>',
    (s) => parseChaptersJson(s),
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ message: 'The chapters file is not valid JSON.' }],
      });
    },
  );
  malformed(
    'truncated JSON',
    () => '{"version":"1.2.0","chapters":[{"startTime":0,"title":"Int',
    (s) => parseChaptersJson(s),
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ message: 'The chapters file is not valid JSON.' }],
      });
    },
  );
  malformed(
    '"chapters" is a string',
    () => '{"version":"1.2.0","chapters":"soon"}',
    (s) => parseChaptersJson(s),
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ message: 'The chapters file has no "chapters" list.' }],
      });
    },
  );
  malformed(
    'bad startTimes: negative, NaN, null, text, 1e400',
    () =>
      '{"chapters":[{"startTime":-1},{"startTime":"NaN"},{"startTime":null},{"startTime":"abc"},{"startTime":1e400},{"startTime":"12.5","title":"Kept"}]}',
    (s) => parseChaptersJson(s),
    (out) => {
      expect(out.value).toEqual([{ start: 12.5, title: 'Kept' }]);
      expect(messages(out.errors)).toEqual(
        [1, 2, 3, 4, 5].map((n) => `Chapter ${n} has no valid startTime; skipped.`),
      );
    },
  );
  malformed(
    'entries that are not objects',
    () => '{"chapters":[7,"x",null,[1],{"startTime":3,"title":"Ok"}]}',
    (s) => parseChaptersJson(s),
    (out) => {
      expect(out.value).toEqual([{ start: 3, title: 'Ok' }]);
      expect(messages(out.errors)).toEqual(
        [1, 2, 3, 4].map((n) => `Chapter ${n} is not an object; skipped.`),
      );
    },
  );
  malformed(
    'javascript: and data: in url and img are dropped',
    () =>
      JSON.stringify({
        chapters: [
          {
            startTime: 0,
            title: 'A',
            url: 'javascript:alert(1)',
            img: 'data:image/svg+xml,<svg onload=alert(1)>',
          },
          { startTime: 1, title: 'B', url: ' JaVaScRiPt:alert(1)', img: 'vbscript:x' },
        ],
      }),
    (s) => parseChaptersJson(s, 'https://feeds.example.com/c.json'),
    (out) => {
      expect(out.value).toEqual([
        { start: 0, title: 'A' },
        { start: 1, title: 'B' },
      ]);
      expect(out.errors).toEqual([]);
    },
  );
  malformed(
    'arrays nested 100,000 deep',
    () => '['.repeat(100_000) + ']'.repeat(100_000),
    (s) => parseChaptersJson(s),
    (out) => {
      expect(out).toEqual({
        value: [],
        errors: [{ message: 'Chapter 1 is not an object; skipped.' }],
      });
    },
  );
  malformed(
    'a 5 MB chapter title',
    () => JSON.stringify({ chapters: [{ startTime: 0, title: 't'.repeat(5_000_000) }] }),
    (s) => parseChaptersJson(s),
    (out) => {
      expect(out.value[0]?.title).toHaveLength(5_000_000);
    },
  );
  malformed(
    'every chapter silent (toc: false)',
    () => '{"chapters":[{"startTime":0,"toc":false},{"startTime":5,"toc":false}]}',
    (s) => parseChaptersJson(s),
    (out) => {
      expect(out).toEqual({ value: [], errors: [] });
    },
  );
});

describe('decodeBytes', () => {
  malformed(
    'no bytes at all',
    () => new Uint8Array(0),
    (b) => decodeBytes(b),
    (out) => {
      expect(out).toEqual({ text: '', encoding: 'utf-8' });
    },
  );
  malformed(
    'a lone UTF-8 BOM',
    () => new Uint8Array([0xef, 0xbb, 0xbf]),
    (b) => decodeBytes(b),
    (out) => {
      expect(out).toEqual({ text: '', encoding: 'utf-8' });
    },
  );
  malformed(
    'a UTF-16LE BOM with a UTF-8 declaration: the BOM wins',
    () =>
      new Uint8Array([
        0xff,
        0xfe,
        ...utf16('<?xml version="1.0" encoding="UTF-8"?><a>é</a>', 'le'),
      ]),
    (b) => decodeBytes(b),
    (out) => {
      expect(out).toEqual({
        text: '<?xml version="1.0" encoding="UTF-8"?><a>é</a>',
        encoding: 'utf-16le',
      });
    },
  );
  malformed(
    '5 MB of binary garbage',
    () => garbage(5_000_000, 5),
    (b) => decodeBytes(b, 'application/octet-stream'),
    (out) => {
      expect(out.encoding).toBe('windows-1252');
      expect(out.text).toHaveLength(5_000_000);
    },
  );
});
