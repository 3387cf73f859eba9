// @vitest-environment jsdom
// A big feed opens from its first items (#15): listed, and opened at its newest episode when that
// is sure, while the rest is read in slices; then the whole feed takes its place with the same
// episode open. An oldest-first feed, or a link to an episode further down, waits for the rest.
import { describe, expect, test, vi } from 'vitest';
import { FakeEngine } from '../../src/audio/fake-engine.ts';
import type { Fetched } from '../../src/state/fetcher.ts';
import type { Fetcher } from '../../src/state/library.svelte.ts';
import { Library } from '../../src/state/library.svelte.ts';
import { Player } from '../../src/state/player.svelte.ts';
import { rowsInPage } from '../../src/state/rows-shown.ts';
import { synthFeed, synthDate } from '../bench/synth-feed.ts';

const BIG = 'https://big.example.test/feed.xml';
const OLDEST_FIRST = 'https://old.example.test/feed.xml';
const SMALL = 'https://small.example.test/feed.xml';
const MISTAKE = 'https://mistake.example.test/feed.xml';

const big = synthFeed(300);
/** The same items, oldest first (a feed that lists from the first episode). */
function reversed(text: string): string {
  const items = text.match(/<item>[\s\S]*?<\/item>/g) ?? [];
  const head = text.slice(0, text.indexOf('<item>'));
  const tail = text.slice(text.lastIndexOf('</item>') + '</item>'.length);
  return head + [...items].reverse().join('\n') + tail;
}
const FEEDS: Record<string, string> = {
  [BIG]: big,
  [OLDEST_FIRST]: reversed(big),
  // An HTML entity far down: that slice does not parse, so the whole text is read with repairs.
  [MISTAKE]: big
    .replace('<title>', '<title>x')
    .replace(
      /(<guid isPermaLink="false">synth-280<\/guid>)/,
      '$1<itunes:subtitle>Caf&eacute; talk</itunes:subtitle>',
    ),
  [SMALL]: `<?xml version="1.0"?><rss version="2.0"><channel><title>Small</title><item><title>S</title><guid>s1</guid><enclosure url="https://cdn.example.test/s.mp3" type="audio/mpeg" length="1"/></item></channel></rss>`,
};

/** A library over a paused fake player, fetching with `fetcher`. */
function libraryWith(fetcher: Fetcher) {
  const player = new Player(
    new FakeEngine(600),
    () => {},
    () => {},
  );
  const parseXml = (text: string) => new DOMParser().parseFromString(text, 'application/xml');
  return { library: new Library(player, parseXml, fetcher), player };
}

function setup() {
  return libraryWith(
    async (url) =>
      ({ text: FEEDS[url]!, finalUrl: url, contentType: 'application/rss+xml' }) as Fetched,
  );
}

/** The newest episode of the synthetic feed (every 25th item is an old re-post). */
const newest = `synth-${[...Array(300).keys()].sort((a, b) => synthDate(b) - synthDate(a))[0]! + 1}`;

describe('a big feed opens from its first items', () => {
  test('newest first: listed and opened at its newest at once; then the whole feed, same episode', async () => {
    const { library } = setup();
    const opening = library.openFeed(BIG);
    await vi.waitFor(() => expect(library.readingFeed).toBe(true), { interval: 1 });
    expect(library.feed?.episodes).toHaveLength(40);
    expect(library.episode?.guid).toBe(newest);
    expect(library.loadingFeed).toBe(false);
    const opened = library.episode;
    expect(await opening).toBe('opened');
    expect(library.readingFeed).toBe(false);
    expect(library.feed?.episodes).toHaveLength(300);
    expect(library.episode).toBe(opened); // not reopened: the same object, still loaded
    expect(library.feed?.episodes.find((e) => e.guid === newest)).toBe(opened);
  });

  test('oldest first: the preview is listed but no episode opens until the newest is known', async () => {
    const { library } = setup();
    const opening = library.openFeed(OLDEST_FIRST);
    await vi.waitFor(() => expect(library.readingFeed).toBe(true), { interval: 1 });
    expect(library.feed?.episodes).toHaveLength(40);
    expect(library.episode).toBeNull();
    expect(library.loadingFeed).toBe(true);
    expect(await opening).toBe('opened');
    expect(library.episode?.guid).toBe(newest);
  });

  test('a link to an episode among the first items opens it at t at once', async () => {
    const { library, player } = setup();
    const opening = library.openFeed(BIG, { episode: 'synth-7', t: 42 });
    await vi.waitFor(() => expect(library.readingFeed).toBe(true), { interval: 1 });
    expect(library.episode?.guid).toBe('synth-7');
    expect(player.position).toBe(42);
    await opening;
    expect(library.episode?.guid).toBe('synth-7');
  });

  test('a link to an episode further down waits for it, then opens it', async () => {
    const { library, player } = setup();
    const opening = library.openFeed(BIG, { episode: 'synth-280', t: 12 });
    await vi.waitFor(() => expect(library.readingFeed).toBe(true), { interval: 1 });
    expect(library.episode).toBeNull();
    await opening;
    expect(library.episode?.guid).toBe('synth-280');
    expect(player.position).toBe(12);
    expect(library.alerts).toEqual([]);
  });

  test('a slice with an XML mistake: the preview stays open, then the repaired whole feed', async () => {
    const { library } = setup();
    const opening = library.openFeed(MISTAKE);
    await vi.waitFor(() => expect(library.readingFeed).toBe(true), { interval: 1 });
    const opened = library.episode;
    expect(opened?.guid).toBe(newest);
    expect(await opening).toBe('opened');
    expect(library.feed?.episodes).toHaveLength(300);
    expect(library.episode).toBe(opened);
    expect(library.feedIssues.join(' ')).toMatch(/repaired/);
    // (The synthetic transcripts are not served here: only the feed's own messages count.)
    expect(library.alerts.filter((a) => /feed/i.test(a.message))).toEqual([]);
  });

  test('a length in the headers says "big" before the body arrives: the list code is asked for then', async () => {
    let arrive = () => {};
    const body = new Promise<void>((resolve) => (arrive = resolve));
    const { library } = libraryWith(async (url, _kind, _signal, watch) => {
      watch?.length?.(big.length);
      await body;
      return { text: FEEDS[url]!, finalUrl: url, contentType: 'application/rss+xml' } as Fetched;
    });
    let seen = false;
    void library.bigFeedSeen.then(() => (seen = true));
    const opening = library.openFeed(BIG);
    await vi.waitFor(() => expect(seen).toBe(true), { interval: 1 });
    expect(library.feed).toBeNull(); // still downloading
    arrive();
    expect(await opening).toBe('opened');
  });

  test('another feed asked for while the rest is read: that one is open, the big one stops', async () => {
    const { library } = setup();
    const first = library.openFeed(BIG);
    await vi.waitFor(() => expect(library.readingFeed).toBe(true), { interval: 1 });
    expect(await library.openFeed(SMALL)).toBe('opened');
    expect(await first).toBe('superseded');
    expect(library.feed?.title).toBe('Small');
    expect(library.episode?.guid).toBe('s1');
    expect(library.readingFeed).toBe(false);
  });
});

/**
 * A fetcher that hands over the feed's first `start` characters as they "arrive", then waits for
 * `finish` before giving the whole (or failing, as a connection cut mid-feed).
 */
function streaming(start: number, declared?: number) {
  let finish: (outcome: 'whole' | 'cut') => void = () => {};
  const arrived = new Promise<'whole' | 'cut'>((resolve) => (finish = resolve));
  const asked: Array<number | null> = [];
  const { library } = libraryWith(async (url, _kind, _signal, watch) => {
    const text = FEEDS[url]!;
    watch?.length?.(declared ?? text.length);
    asked.push(watch?.prefixAt?.(declared ?? text.length) ?? null);
    watch?.prefix?.(text.slice(0, start), url);
    if ((await arrived) === 'cut') throw new TypeError('network error');
    return { text, finalUrl: url, contentType: 'application/rss+xml' } as Fetched;
  });
  return { library, finish, asked };
}

/** A fetcher that, like the browser's (fetcher.ts), takes in the rest once `prefix` has settled. */
function waitingForRows(start: number) {
  let rest = false;
  const { library } = libraryWith(async (url, _kind, _signal, watch) => {
    const text = FEEDS[url]!;
    watch?.length?.(text.length);
    await watch?.prefix?.(text.slice(0, start), url);
    rest = true;
    return { text, finalUrl: url, contentType: 'application/rss+xml' } as Fetched;
  });
  return { library, resumed: () => rest };
}

describe('a big feed listed while it downloads (#15)', () => {
  const start = big.indexOf('<guid isPermaLink="false">synth-31<');
  // A full preview's worth (40 items) listed from the start: not read again for a preview.
  const full = big.indexOf('<guid isPermaLink="false">synth-45<');

  test('its first whole items are listed before the rest arrives; the newest opens once known', async () => {
    const { library, finish, asked } = streaming(start);
    const opening = library.openFeed(BIG);
    await vi.waitFor(() => expect(library.feed?.episodes.length).toBe(30), { interval: 1 });
    expect(asked[0]).toBeGreaterThan(0);
    expect(asked[0]).toBeLessThan(big.length / 2);
    expect(library.readingFeed).toBe(true);
    expect(library.episode).toBeNull(); // which is newest is not known from the first items
    expect(library.alerts).toEqual([]);
    finish('whole');
    expect(await opening).toBe('opened');
    expect(library.feed?.episodes).toHaveLength(300);
    expect(library.episode?.guid).toBe(newest);
    expect(library.readingFeed).toBe(false);
  });

  test('a link to an episode among them opens it at t at once, and it stays the same object', async () => {
    const { library, finish } = streaming(start);
    const opening = library.openFeed(BIG, { episode: 'synth-7', t: 42 });
    await vi.waitFor(() => expect(library.episode?.guid).toBe('synth-7'), { interval: 1 });
    const opened = library.episode;
    expect(library.feed?.episodes).toHaveLength(30);
    finish('whole');
    expect(await opening).toBe('opened');
    expect(library.feed?.episodes).toHaveLength(300);
    expect(library.episode).toBe(opened);
  });

  test('cut mid-feed: the first items stay listed, and the alert says what failed and what is there', async () => {
    const { library, finish } = streaming(start);
    const opening = library.openFeed(BIG);
    await vi.waitFor(() => expect(library.feed?.episodes.length).toBe(30), { interval: 1 });
    finish('cut');
    expect(await opening).toBe('failed');
    expect(library.feed?.episodes).toHaveLength(30);
    expect(library.readingFeed).toBe(false);
    expect(library.alerts.map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^The rest of the feed could not be loaded: .* Only its first episodes are listed\./,
      ),
    ]);
  });

  test('a start that does not read safely lists nothing early; the whole feed opens as before', async () => {
    const { library, finish } = streaming(big.indexOf('<item>')); // no whole item yet
    const opening = library.openFeed(BIG);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(library.feed).toBeNull();
    finish('whole');
    expect(await opening).toBe('opened');
    expect(library.episode?.guid).toBe(newest);
  });

  test('the rest is taken in once the first rows are in the page and painted, not before', async () => {
    const { library, resumed } = waitingForRows(start);
    const opening = library.openFeed(BIG);
    await vi.waitFor(() => expect(library.feed?.episodes.length).toBe(30), { interval: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(resumed()).toBe(false); // no list has shown them yet
    rowsInPage();
    await vi.waitFor(() => expect(resumed()).toBe(true), { timeout: 200, interval: 1 });
    expect(await opening).toBe('opened');
    expect(library.feed?.episodes).toHaveLength(300);
  });

  test('the newest opens from the listed items as soon as the whole feed says so, while the rest is read', async () => {
    const { library, finish } = streaming(full);
    const seen: Array<{ guid: string; listed: number; opening: boolean }> = [];
    const openEpisode = library.openEpisode.bind(library);
    library.openEpisode = (episode, t) => {
      openEpisode(episode, t);
      seen.push({
        guid: episode.guid,
        listed: library.feed!.episodes.length,
        opening: library.loadingFeed,
      });
    };
    const opening = library.openFeed(BIG);
    await vi.waitFor(() => expect(library.feed?.episodes.length).toBe(40), { interval: 1 });
    const listed = library.feed!.episodes.find((e) => e.guid === newest);
    expect(listed).toBeDefined();
    finish('whole');
    // Opened before the slices are read, from the listed items: the form no longer says "Opening…".
    await vi.waitFor(() => expect(seen).toHaveLength(1), { interval: 1 });
    expect(seen[0]).toEqual({ guid: newest, listed: 40, opening: false });
    expect(await opening).toBe('opened');
    expect(library.feed?.episodes).toHaveLength(300);
    expect(library.episode).toBe(listed); // the same object the listed feed held
    expect(seen).toHaveLength(1);
  });

  test("an episode the listener picks while the rest downloads stays open; the newest doesn't replace it", async () => {
    const { library, finish } = streaming(full);
    const opening = library.openFeed(BIG);
    await vi.waitFor(() => expect(library.feed?.episodes.length).toBe(40), { interval: 1 });
    const picked = library.feed!.episodes[5]!;
    expect(picked.guid).not.toBe(newest);
    library.openEpisode(picked);
    expect(library.loadingFeed).toBe(false); // another feed can be asked for meanwhile
    finish('whole');
    expect(await opening).toBe('opened');
    expect(library.feed?.episodes).toHaveLength(300);
    expect(library.episode).toBe(picked);
  });

  test('a declared length below "big" (a gzip size) still lets a big body be listed early', async () => {
    const { library, finish, asked } = streaming(start, 150_000);
    const opening = library.openFeed(BIG);
    await vi.waitFor(() => expect(library.feed?.episodes.length).toBe(30), { interval: 1 });
    expect(asked[0]).toBe(200_000); // taken once 200 KB have arrived, whatever the header said
    finish('whole');
    expect(await opening).toBe('opened');
  });
});
