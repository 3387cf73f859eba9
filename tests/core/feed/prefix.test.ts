// @vitest-environment jsdom
// The start of a big feed that is still arriving (#15): its first whole items, closed as the feed
// would close them, read as the same episodes the whole feed gives; anything unsure gives null.
import { describe, expect, test } from 'vitest';
import { readWellFormedFeed } from '../../../src/core/feed/document.ts';
import { readPrefix } from '../../../src/core/feed/sliced.ts';
import { closingTags, cutAfterLastItem } from '../../../src/core/feed/slices.ts';
import { parseXml } from '../../fixtures/feeds/load.ts';
import { synthFeed } from '../../bench/synth-feed.ts';

const URL_ = 'https://feeds.example.com/show/feed.xml';
const whole = (text: string) => {
  const read = readWellFormedFeed(text, URL_, { parseXml });
  if (!read?.ok) throw new Error('fixture does not read');
  return read.value;
};
const guids = (text: string, first?: number) =>
  readPrefix(text, URL_, { parseXml, first })?.value.episodes.map((e) => e.guid) ?? null;

describe('closingTags: what is open before the first item', () => {
  test.each([
    [
      'RSS 2.0',
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>A &amp; B</title>',
      '</channel></rss>',
    ],
    [
      'Atom',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">A</title><link href="x"/>',
      '</feed>',
    ],
    [
      'RSS 1.0 (items follow the channel)',
      '<rdf:RDF xmlns:rdf="r"><channel rdf:about="x"><title>R</title></channel>',
      '</rdf:RDF>',
    ],
    [
      'comments, CDATA, a DOCTYPE and a quoted ">" in an attribute',
      '<!DOCTYPE rss [<!ENTITY a "<x>">]><rss a="1 > 0"><!-- <channel> --><channel><description><![CDATA[<b>]]></description >',
      '</channel></rss>',
    ],
  ])('%s', (_name, head, closers) => {
    expect(closingTags(head)).toBe(closers);
  });

  test.each([
    ['a mismatched end tag', '<rss><channel><title>A</b></channel>'],
    ['an unclosed comment', '<rss><channel><!-- x'],
    ['nothing open', '<?xml version="1.0"?>'],
    ['a "<" in an attribute', '<rss a="<"><channel>'],
  ])('null for %s', (_name, head) => {
    expect(closingTags(head)).toBeNull();
  });
});

describe('readPrefix: the first items of a feed still arriving', () => {
  const text = synthFeed(120);
  const all = whole(text).episodes.map((e) => e.guid);
  const order = (ids: string[]) => all.filter((g) => ids.includes(g));

  test('cut anywhere: the whole items before the cut, read as the whole feed reads them', () => {
    for (const fraction of [0.05, 0.13, 0.3, 0.61]) {
      const cut = Math.floor(text.length * fraction);
      const start = text.slice(0, cut);
      const closed = start.match(/<\/item>/g)?.length ?? 0;
      const ids = guids(start, 1000)!;
      expect(ids).toHaveLength(closed);
      expect(ids).toEqual(order(ids)); // same ids, in the whole feed's (date) order
      const read = readPrefix(start, URL_, { parseXml, first: 1000 })!.value;
      const full = whole(text);
      expect(read.title).toBe(full.title);
      for (const e of read.episodes)
        expect(e).toEqual(full.episodes.find((f) => f.guid === e.guid));
    }
  });

  test('at most `first` items', () => {
    expect(guids(text.slice(0, text.length / 2), 40)).toHaveLength(40);
  });

  test('an "</item>" inside a CDATA section of the item still arriving is not its end', () => {
    const feed = (items: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>${items}</channel></rss>`;
    const item = (n: number, notes = '') =>
      `<item><title>E${n}</title><guid>g${n}</guid><description><![CDATA[${notes}]]></description></item>`;
    const text = feed(item(1) + item(2) + item(3, 'a </item> then more'));
    const start = text.slice(0, text.indexOf('then more'));
    expect(guids(start)).toEqual(['g1', 'g2']);
  });

  test('Atom entries', () => {
    const entry = (n: number) =>
      `<entry><id>urn:e${n}</id><title>E${n}</title><updated>2026-03-${10 + n}T09:00:00Z</updated><link rel="enclosure" href="https://cdn.example.com/${n}.mp3" type="audio/mpeg"/></entry>`;
    const text = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${[1, 2, 3].map(entry).join('')}</feed>`;
    expect(guids(text.slice(0, text.indexOf('<entry><id>urn:e3')))).toEqual(['urn:e2', 'urn:e1']);
  });

  test.each([
    ['no item has closed yet', text.slice(0, text.indexOf('</item>'))],
    ['an HTML page', '<!doctype html><html><body><item>x</item></body></html>'],
    ['a head that is not well-formed', '<rss><channel><title>A</b><item><title>x</title></item>'],
    ['an item with a markup mistake', '<rss><channel><item><title>a & b</title></item><item>'],
  ])('null when %s', (_name, start) => {
    expect(readPrefix(start, URL_, { parseXml })).toBeNull();
  });

  test('cutAfterLastItem keeps the text up to the last end tag of an item', () => {
    expect(cutAfterLastItem('<rss><channel><item>a</item ><item>b')).toBe(
      '<rss><channel><item>a</item >',
    );
    expect(cutAfterLastItem('<rss><channel><item>a')).toBeNull();
  });
});
