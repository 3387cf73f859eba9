// @vitest-environment jsdom
// "What is open" has one owner (#11): a feed that fails leaves the old feed and episode open,
// progress is saved under the feed it belongs to, and opening anything unloads what played.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeEngine } from '../../src/audio/fake-engine.ts';
import { FetchError, type Fetched } from '../../src/state/fetcher.ts';
import { Library } from '../../src/state/library.svelte.ts';
import { Listening } from '../../src/state/listening.ts';
import { Navigation } from '../../src/state/navigation.ts';
import { Player } from '../../src/state/player.svelte.ts';
import { Store, type KeyValueStore } from '../../src/state/storage.ts';

const A = 'https://a.example.test/feed.xml';
const B = 'https://b.example.test/feed.xml';
const BAD = 'https://gone.example.test/feed.xml';
const DEMO = 'https://app.example.test/demo/feed.xml';

function item(guid: string, audio: boolean): string {
  const enclosure = audio
    ? `<enclosure url="https://cdn.example.test/${guid}.mp3" type="audio/mpeg" length="1"/>`
    : '';
  return `<item><title>Episode ${guid}</title><guid>${guid}</guid>${enclosure}<itunes:duration>600</itunes:duration></item>`;
}
function rss(title: string, items: string[]): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>${title}</title>${items.join('')}</channel></rss>`;
}
const WITH_TRANSCRIPT = 'https://t.example.test/feed.xml';
const VTT = 'https://t.example.test/ep.vtt';
const FEEDS: Record<string, string> = {
  [WITH_TRANSCRIPT]: rss('Show T', [
    item('t1', true).replace(
      '</item>',
      `<podcast:transcript url="${VTT}" type="text/vtt"/></item>`,
    ),
  ]).replace('<rss ', '<rss xmlns:podcast="https://podcastindex.org/namespace/1.0" '),
  [VTT]:
    'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello there.\n\nnonsense --> 00:00:05.000\nLost line.\n',
  [A]: rss('Show A', [item('a2', true), item('a1', true), item('a0', false)]),
  [B]: rss('Show B', [item('b1', true)]),
  [DEMO]: rss('Demo', [item('demo', true)]),
};

function memory(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

async function fetcher(url: string): Promise<Fetched> {
  const text = FEEDS[url];
  if (text === undefined) throw new FetchError('Not found', 404);
  return { text, finalUrl: url, contentType: 'application/rss+xml' } as Fetched;
}

function setup() {
  const engine = new FakeEngine(600);
  const player = new Player(
    engine,
    () => {},
    () => {},
  );
  const listening = new Listening(new Store(memory()));
  const library = new Library(
    player,
    (text) => new DOMParser().parseFromString(text, 'application/xml'),
    fetcher,
    listening,
  );
  const navigation = new Navigation(library, player, listening, DEMO);
  return { engine, player, listening, library, navigation };
}

beforeEach(() => history.replaceState(null, '', '/'));

describe('the open feed and episode', () => {
  test('a feed that answers 404 leaves the old feed, episode, links and address as they were', async () => {
    const { library, player, navigation } = setup();
    expect(await library.openFeed(A, { episode: 'a1' })).toBe('opened');
    player.seek(30);
    navigation.syncPosition();
    expect(await library.openFeed(BAD)).toBe('failed');
    expect(library.feedUrl).toBe(A);
    expect(library.feed?.title).toBe('Show A');
    expect(library.episode?.guid).toBe('a1');
    expect(navigation.linkTarget()).toEqual({ feed: A, episode: 'a1' });
    navigation.syncPosition();
    const address = new URL(location.href).searchParams;
    expect(address.get('feed')).toBe(A); // not ?feed=<bad>&episode=a1, which reloads to nothing (#14)
    expect(address.get('episode')).toBe('a1');
    expect(library.alerts.at(-1)?.message).toMatch(/could not be loaded \(404\)/);
  });

  test('a failed feed at start leaves nothing open, and the address as the listener gave it', async () => {
    const { library, navigation } = setup();
    history.replaceState(null, '', `/?feed=${encodeURIComponent(BAD)}`);
    await navigation.start();
    expect(library.feedUrl).toBeNull();
    expect(library.episode).toBeNull();
    navigation.syncPosition();
    expect(new URL(location.href).searchParams.get('feed')).toBe(BAD);
  });

  test('switching feeds saves the old position under the old feed, not the new one', async () => {
    const { library, player, listening } = setup();
    await library.openFeed(A, { episode: 'a1' });
    player.seek(42);
    await library.openFeed(B);
    expect(listening.position(A, 'a1')).toBe(42);
    expect(listening.position(B, 'a1')).toBeUndefined();
    expect(library.episode?.guid).toBe('b1');
  });

  test('only a feed that opened is pushed to history', async () => {
    const { library, navigation } = setup();
    await library.openFeed(A);
    const before = history.length;
    await navigation.openFeed(BAD);
    expect(history.length).toBe(before);
    await navigation.openFeed(B);
    expect(history.length).toBe(before + 1);
    expect(new URL(location.href).searchParams.get('feed')).toBe(B);
  });

  test('a newer request wins: the older one reports it was superseded', async () => {
    const { library } = setup();
    const first = library.openFeed(A);
    const second = library.openFeed(B);
    expect(await first).toBe('superseded');
    expect(await second).toBe('opened');
    expect(library.feed?.title).toBe('Show B');
  });
});

describe('opening an episode', () => {
  test('an episode with no audio stops and unloads what was playing', async () => {
    const { library, player, engine } = setup();
    await library.openFeed(A, { episode: 'a1' });
    player.play();
    expect(engine.playing).toBe(true);
    const silent = library.feed!.episodes.find((e) => e.guid === 'a0')!;
    library.openEpisode(silent);
    expect(engine.playing).toBe(false);
    expect(player.playing).toBe(false);
    expect(player.duration).toBeNull();
    expect(player.position).toBe(0);
    player.toggle(); // Space with nothing loaded: nothing plays
    expect(engine.playing).toBe(false);
    expect(player.playing).toBe(false);
  });
});

describe('problems the parsers met', () => {
  test('reach the listener as quiet notes for the feed and the transcript, not alerts', async () => {
    const { library } = setup();
    await library.openFeed(A, { episode: 'a1' });
    expect(library.feedIssues).toEqual([expect.stringMatching(/a0.*cannot be played/)]);
    await library.openFeed(WITH_TRANSCRIPT);
    await vi.waitFor(() => expect(library.transcriptSource).toBe('vtt'));
    expect(library.feedIssues).toEqual([]);
    expect(library.transcriptIssues).toEqual([expect.stringMatching(/Unreadable cue timing/)]);
    expect(library.alerts.map((a) => a.message).join(' ')).not.toMatch(/cue timing|a0/);
    // Another episode starts with no notes of its own.
    await library.openFeed(A);
    expect(library.transcriptIssues).toEqual([]);
  });
});
