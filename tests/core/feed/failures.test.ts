// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/feed/feed.ts';
import { fixtureText, parse, parseXml } from '../../fixtures/feeds/load.ts';

const FEED_URL = 'https://feeds.example.com/show/feed.xml';
const failureOf = (text: string) => {
  const out = parse(text, FEED_URL);
  if (out.ok) throw new Error('expected a failure');
  return { reason: out.reason, message: out.message };
};

describe('bodies that are not a podcast feed', () => {
  it.each(['', '   \n\t ', '\uFEFF', '\uFEFF  \r\n'])('empty body %j', (body) => {
    expect(failureOf(body)).toMatchInlineSnapshot(`
      {
        "message": "This address returned an empty response, not a podcast feed. Check the address, or try again later.",
        "reason": "empty",
      }
    `);
  });

  it('an HTML page (fixture)', () => {
    expect(failureOf(fixtureText('html-page.html'))).toMatchInlineSnapshot(`
      {
        "message": "This address returned a web page, not a podcast feed. Look on that page for a link named “RSS” or “Feed” and use that address instead.",
        "reason": "html",
      }
    `);
  });

  it.each([
    '<html><head><title>Not found</title></head><body>404</body></html>',
    '<!-- cached --><!doctype HTML><p>hi',
    '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>XHTML page</p></body></html>',
    '<div><html><body><p>Broken page<br></body></html>',
  ])('other HTML pages: %j', (body) => {
    expect(failureOf(body).reason).toBe('html');
  });

  it('a truncated feed (fixture)', () => {
    expect(failureOf(fixtureText('truncated.xml'))).toMatchInlineSnapshot(`
      {
        "message": "The feed ends before it is complete (the download was probably cut off), so it cannot be read. Try again later.",
        "reason": "malformed",
      }
    `);
  });

  it('malformed but complete XML names the line', () => {
    const body = '<?xml version="1.0"?>\n<rss>\n<channel>\n<title>x</titel>\n</channel>\n</rss>\n';
    expect(failureOf(body)).toMatchInlineSnapshot(`
      {
        "message": "The feed is not valid XML (the first error is on line 4), so it cannot be read. Its publisher needs to fix it.",
        "reason": "malformed",
      }
    `);
  });

  it('an Atom feed without enclosures (fixture)', () => {
    expect(failureOf(fixtureText('atom-news.xml'))).toMatchInlineSnapshot(`
      {
        "message": "This is a news feed (Atom) without audio episodes, not a podcast feed.",
        "reason": "not-rss",
      }
    `);
  });

  it('other XML, JSON and plain text are not RSS', () => {
    expect(failureOf('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')).toEqual({
      reason: 'not-rss',
      message:
        'This address returned an XML document (<svg>), not a podcast feed (an RSS document).',
    });
    expect(failureOf('{"version":"1.0.0","segments":[]}')).toEqual({
      reason: 'not-rss',
      message: 'This address returned JSON data, not a podcast feed (an RSS document).',
    });
    expect(failureOf('Not Found')).toEqual({
      reason: 'not-rss',
      message: 'This address returned plain text, not a podcast feed (an RSS document).',
    });
    expect(failureOf('<rss version="2.0"><title>no channel</title></rss>')).toEqual({
      reason: 'not-rss',
      message: 'This RSS document has no <channel> element, so it lists no podcast.',
    });
  });
});

describe('parser behaviour across engines', () => {
  // Chromium does not make <parsererror> the root: it inserts an XHTML one into the partial document.
  const chromiumStyle = (): Document =>
    parseXml(
      '<rss><parsererror xmlns="http://www.w3.org/1999/xhtml" style="display: block"><h3>This page contains the ' +
        'following errors:</h3><div>error on line 7 at column 3: Opening and ending tag mismatch: item and channel' +
        '</div></parsererror><channel><title>Partial</title></channel></rss>',
    );

  it('detects an XHTML parsererror inside the document (Chromium)', () => {
    const out = parseFeed('<rss><channel><title>Partial</title></channel></rss>', FEED_URL, {
      parseXml: chromiumStyle,
    });
    expect(out).toEqual({
      ok: false,
      reason: 'malformed',
      message:
        'The feed is not valid XML (the first error is on line 7), so it cannot be read. Its publisher needs to fix it.',
    });
  });

  it('does not take an un-namespaced <parsererror> element in a feed for an error', () => {
    const out = parse(
      '<rss><channel><title>T</title><parsererror>just data</parsererror></channel></rss>',
      FEED_URL,
    );
    expect(out.ok).toBe(true);
  });

  it('turns a throwing parse function into a plain failure', () => {
    const out = parseFeed('<rss/>', FEED_URL, {
      parseXml: () => {
        throw new Error('boom');
      },
    });
    expect(out).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('survives a parse function that returns a strange document', () => {
    const out = parseFeed('<rss/>', FEED_URL, { parseXml: () => ({}) as Document });
    expect(out).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('Chromium without a root element', () => {
  it('is malformed, not an HTML page, though Chromium wraps the error in <html><body>', () => {
    const doc = (): Document =>
      parseXml(
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><parsererror><div>error on line 1 at column 1: ' +
          'Document is empty</div></parsererror></body></html>',
      );
    expect(parseFeed('<rss', 'https://feeds.example.com/f', { parseXml: doc })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});
