// @vitest-environment jsdom
// A big feed read a slice at a time (#15): where items are cut, and that the sliced read gives the
// very feed the whole read gives (episodes, order, ids, notes), with a preview of its first items.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readWellFormedFeed } from '../../../src/core/feed/document.ts';
import { readFeedInSlices } from '../../../src/core/feed/sliced.ts';
import { itemSpans, sliceText } from '../../../src/core/feed/slices.ts';
import type { FeedSuccess } from '../../../src/core/feed/feed.ts';
import { fixtureText, parseXml } from '../../fixtures/feeds/load.ts';
import { synthFeed } from '../../bench/synth-feed.ts';

const URL_ = 'https://feeds.example.com/show/feed.xml';
const rss = (items: string, extra = '') =>
  `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Show</title>${extra}\n${items}\n</channel></rss>`;
const item = (n: number, date = `${10 + (n % 18)} Mar 2026 09:00:00 GMT`, more = '') =>
  `<item><title>Episode ${n}</title><guid>g${n}</guid><pubDate>${date}</pubDate>${more}<enclosure url="https://cdn.example.com/${n}.mp3" type="audio/mpeg" length="1"/></item>`;
const spansOf = (text: string) => itemSpans(text)?.items.map(([a, b]) => text.slice(a, b));
const pause = () => Promise.resolve();

describe('itemSpans: where the items are', () => {
  test('RSS items, with a CDATA section and a comment that mention </item> and <item>', () => {
    const text = rss(
      `${item(1, undefined, '<description><![CDATA[a </item> b <item>]]></description>')}\n<!-- <item> -->\n${item(2)}`,
    );
    const found = spansOf(text)!;
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^<item><title>Episode 1<.*<\/item>$/);
    expect(found[0]).toContain('a </item> b <item>');
    expect(found[1]).toMatch(/^<item><title>Episode 2</);
  });

  test('a DOCTYPE whose internal subset holds quoted > and <item> is skipped whole', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY who "a > b <item>">]><rss><channel>${item(1)}${item(2)}</channel></rss>`;
    expect(spansOf(text)).toHaveLength(2);
  });

  test('Atom entries and RSS 1.0 items (siblings of the channel)', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id></entry>\n<entry xml:lang="en"><id>2</id></entry></feed>`;
    expect(spansOf(atom)).toEqual([
      '<entry><id>1</id></entry>',
      '<entry xml:lang="en"><id>2</id></entry>',
    ]);
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>R</title></channel><item rdf:about="a"><title>1</title></item></rdf:RDF>`;
    expect(spansOf(rdf)).toEqual(['<item rdf:about="a"><title>1</title></item>']);
  });

  test('elements named like an item are not items', () => {
    const text = rss(
      `${item(1, undefined, '<items>3</items><itemx/><media:item>y</media:item>')}${item(2)}`,
    );
    expect(spansOf(text)).toHaveLength(2);
  });

  test.each([
    ['no items', rss('')],
    ['an item inside an item', rss(`<item><title>a</title>${item(2)}</item>`)],
    ['a self-closing item', rss(`${item(1)}<item/>${item(2)}`)],
    [
      'channel content between two items',
      rss(`${item(1)}<itunes:type>serial</itunes:type>${item(2)}`),
    ],
    ['text between two items', rss(`${item(1)} stray ${item(2)}`)],
    ['an unclosed item', rss(`${item(1)}<item><title>x</title>`)],
    ['an unclosed comment', rss(`${item(1)}<!-- ${item(2)}`)],
    ['a root that is not a feed', `<html><body>${item(1)}</body></html>`],
  ])('%s: not sliced (read whole)', (_name, text) => {
    expect(itemSpans(text)).toBeNull();
  });

  test('a slice is the feed with fewer items; an extra item can be appended', () => {
    const text = rss(
      [1, 2, 3, 4].map((n) => item(n)).join('\n'),
      '<link>https://x.example/</link>',
    );
    const spans = itemSpans(text)!;
    const slice = sliceText(text, spans, 1, 3, 0);
    expect(slice.match(/<title>Episode \d/g)).toEqual([
      '<title>Episode 2',
      '<title>Episode 3',
      '<title>Episode 1',
    ]);
    expect(slice.startsWith(text.slice(0, spans.items[0]![0]))).toBe(true);
    expect(slice.endsWith('</channel></rss>')).toBe(true);
  });
});

async function sliced(text: string, first: number, size: number) {
  const previews: Array<{ feed: FeedSuccess; newestKnown: boolean }> = [];
  const feed = await readFeedInSlices(text, URL_, {
    parseXml,
    first,
    size,
    pause,
    preview: (f, newestKnown) => previews.push({ feed: f, newestKnown }),
  });
  return { feed, previews };
}

describe('readFeedInSlices: the same feed as a whole read', () => {
  test('a 600-item generated feed: same episodes, order, ids and notes; a preview first', async () => {
    const text = synthFeed(600, 1);
    const whole = readWellFormedFeed(text, URL_, { parseXml })!;
    const { feed, previews } = await sliced(text, 40, 250);
    expect(feed).toEqual(whole);
    expect(previews).toHaveLength(1);
    const preview = previews[0]!;
    expect(preview.feed.value.episodes).toHaveLength(40);
    expect(preview.feed.value.title).toBe(whole.value.title);
    // Newest first with a re-posted old episode here and there: the newest is in the preview.
    expect(preview.newestKnown).toBe(true);
    expect(preview.feed.value.episodes[0]).toEqual(whole.value.episodes[0]);
  });

  test('an oldest-first feed: the preview does not claim to hold the newest', async () => {
    const items = Array.from({ length: 60 }, (_, n) =>
      item(n, new Date(Date.UTC(2025, 0, 1 + n)).toUTCString()),
    );
    const { feed, previews } = await sliced(rss(items.join('\n')), 10, 20);
    expect(previews[0]!.newestKnown).toBe(false);
    expect(feed!.value.episodes[0]!.guid).toBe('g59');
  });

  test('first items already listed from the start: not read again for a preview; only the last item is, to tell whether the newest is among them', async () => {
    const text = synthFeed(300, 1);
    const whole = readWellFormedFeed(text, URL_, { parseXml })!;
    const listed = whole.value.episodes.slice(0, 30);
    const run = async (episodes: typeof listed, feedText: string) => {
      const items: number[] = []; // items in each document parsed
      const known: boolean[] = [];
      const previews: unknown[] = [];
      const feed = await readFeedInSlices(feedText, URL_, {
        parseXml: (xml) => (items.push(xml.split('</item>').length - 1), parseXml(xml)),
        size: 100,
        pause,
        listed: episodes,
        known: (k) => known.push(k),
        preview: (f) => previews.push(f),
      });
      return { feed, items, known, previews };
    };
    const newestFirst = await run(listed, text);
    expect(newestFirst.feed).toEqual(whole);
    expect(newestFirst.previews).toEqual([]);
    expect(newestFirst.known).toEqual([true]);
    expect(newestFirst.items).toEqual([1, 100, 100, 100]); // the last item, then the slices

    const items = Array.from({ length: 60 }, (_, n) =>
      item(n, new Date(Date.UTC(2025, 0, 1 + n)).toUTCString()),
    );
    const oldest = rss(items.join('\n'));
    const oldestListed = readWellFormedFeed(rss(items.slice(0, 10).join('\n')), URL_, {
      parseXml,
    })!.value.episodes;
    expect((await run(oldestListed, oldest)).known).toEqual([false]);
  });

  test('repeated guids across slices: the first is kept, with the same note as a whole read', async () => {
    const items = Array.from({ length: 30 }, (_, n) => item(n === 25 ? 3 : n));
    const text = rss(items.join('\n'));
    const whole = readWellFormedFeed(text, URL_, { parseXml })!;
    const { feed } = await sliced(text, 5, 7);
    expect(feed).toEqual(whole);
    expect(feed!.errors.map((e) => e.message).join()).toMatch(/repeats the id/);
  });

  const fixtures = readdirSync(join(process.cwd(), 'tests/fixtures/feeds')).filter((f) =>
    f.endsWith('.xml'),
  );
  test.each(fixtures)(
    '%s: sliced one item at a time, the same feed (or read whole)',
    async (name) => {
      const text = fixtureText(name);
      const whole = readWellFormedFeed(text, URL_, { parseXml });
      const { feed } = await sliced(text, 1, 1);
      const spans = itemSpans(text.replace(/^[\uFEFF\s]+/, ''));
      if (whole && spans && spans.items.length > 1) expect(feed).toEqual(whole);
      else expect(feed).toBeNull();
    },
  );

  test('a later slice that is not well-formed: null, so the caller reads it whole (with repairs)', async () => {
    const items = Array.from({ length: 20 }, (_, n) =>
      item(n, undefined, n === 15 ? '<b>&nbsp;</b>' : ''),
    );
    const { feed, previews } = await sliced(rss(items.join('\n')), 5, 5);
    expect(previews).toHaveLength(1);
    expect(feed).toBeNull();
  });

  test('stops when no longer wanted', async () => {
    const items = Array.from({ length: 20 }, (_, n) => item(n));
    let asked = 0;
    const feed = await readFeedInSlices(rss(items.join('\n')), URL_, {
      parseXml,
      first: 5,
      size: 5,
      pause,
      aborted: () => ++asked > 1,
    });
    expect(feed).toBeNull();
  });
});
