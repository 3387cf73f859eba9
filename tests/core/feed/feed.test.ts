// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/core/text/decode.ts';
import { episode, feedOf, fixtureBytes, parse } from '../../fixtures/feeds/load.ts';

const FEED_URL = 'https://feeds.example.com/show/feed.xml';

describe('a Substack-style feed', () => {
  const { feed, errors } = feedOf('substack.xml', FEED_URL);

  it('reads the channel', () => {
    expect(feed).toMatchObject({
      url: FEED_URL,
      title: 'The Slow Kitchen',
      author: 'Ada Park',
      image: 'https://cdn.substack.example.com/image/fetch/w_1400,h_1400/cover.jpg', // itunes:image beats image/url
      link: 'https://slowkitchen.example.com/podcast',
      description: 'Conversations about cooking without a timer, with Ada Park and guests.',
    });
    expect(errors).toEqual([]);
  });

  it('reads every item field, trimming CDATA titles and guids', () => {
    const ep = episode(feed, 'substack:post:181818');
    expect(ep).toMatchObject({
      title: 'Bread that waits for you: a long ferment with Tomás Ruiz',
      published: Date.UTC(2026, 1, 4, 9, 30),
      duration: 3723,
      enclosure: {
        url: 'https://api.substack.example.com/feed/podcast/181818/0f3c2a.mp3',
        type: 'audio/mpeg',
        length: 58112734,
      },
      image: 'https://cdn.substack.example.com/image/fetch/w_1400/ep-181818.jpg',
      link: 'https://slowkitchen.example.com/p/bread-that-waits',
      chapters: {
        url: 'https://slowkitchen.example.com/chapters/181818.json',
        type: 'application/json+chapters',
      },
    });
    expect(ep.pscChapters).toBeUndefined();
  });

  it('lists every podcast:transcript, resolving relative URLs against the feed URL', () => {
    expect(episode(feed, 'substack:post:181818').transcripts).toEqual([
      {
        url: 'https://slowkitchen.example.com/transcripts/181818.vtt',
        type: 'text/vtt',
        language: 'en',
        rel: 'captions',
      },
      {
        url: 'https://feeds.example.com/transcripts/181818.json',
        type: 'application/json',
        language: 'en',
      },
    ]);
    expect(episode(feed, 'substack:post:171717').transcripts).toEqual([]);
  });

  it('takes the longest of content:encoded, description and itunes:summary as notes', () => {
    const long = episode(feed, 'substack:post:181818').notesHtml;
    expect(
      long.startsWith('<p>Tomás bakes two loaves a week and never sets an alarm. We talk'),
    ).toBe(true);
    expect(long).toContain('<li><p>(21:40) Part two: the starter that died</p></li>');
    expect(long).toContain('Thanks for having me &amp; my sourdough.</p>'); // HTML entities left for the HTML
    expect(episode(feed, 'substack:post:171717').notesHtml).toBe(
      "<p>A whole episode on beans. Yes, really.</p><p>Soak, don't soak, and the case for a pinch of baking soda.</p>",
    );
    expect(episode(feed, 'substack:post:161616').notesHtml).toMatch(
      /^A two-minute hello from Ada, recorded/,
    );
  });

  it('reads durations in seconds, MM:SS and H:MM:SS; length 0 when missing', () => {
    expect(feed.episodes.map((e) => e.duration)).toEqual([3723, 3266, 3723]);
    expect(episode(feed, 'substack:post:161616').enclosure?.length).toBe(0);
  });

  it('sorts newest first, reading -0500 offsets', () => {
    expect(feed.episodes.map((e) => [e.guid, e.published])).toEqual([
      ['substack:post:181818', Date.UTC(2026, 1, 4, 9, 30)],
      ['substack:post:171717', Date.UTC(2026, 0, 21, 15)],
      ['substack:post:161616', Date.UTC(2025, 0, 6, 7)],
    ]);
  });
});

describe('a Podlove feed with Simple Chapters', () => {
  const { feed, errors } = feedOf('podlove.xml', FEED_URL);
  const fz042 = feed.episodes[0];

  it('reads the channel (managingEditor name, relative image/url, uppercase iTunes URI)', () => {
    expect(feed).toMatchObject({
      title: 'Freie Zeit',
      author: 'Jonas Weber',
      image: 'https://feeds.example.com/wp-content/cache/podlove/cover.jpg',
      link: 'https://freiezeit.example.de/',
    });
    expect(fz042?.duration).toBe(6067.312); // itunes:duration under http://www.itunes.com/DTDs/Podcast-1.0.dtd
  });

  it('prefers the most widely playable enclosure (MP3 over Opus)', () => {
    expect(fz042?.enclosure).toEqual({
      url: 'https://freiezeit.example.de/podlove/file/411/s/feed/c/mp3/fz042.mp3',
      type: 'audio/mpeg',
      length: 89012345,
    });
  });

  it('reads every NPT form, re-sorts by start and resolves href and image', () => {
    expect(fz042?.pscChapters).toEqual([
      { start: 0, title: 'Intro', img: 'https://feeds.example.com/images/fz042-intro.jpg' },
      { start: 37, title: 'Jingle' },
      { start: 468, title: 'Begrüßung & Feedback', url: 'https://freiezeit.example.de/feedback' },
      { start: 2112.25, title: 'Warum Sonntage so lang sind' },
      { start: 3723.5, title: 'Der Spaziergang' },
      { start: 5752, title: 'Ausklang' },
    ]);
  });

  it('reads the older sc: prefix by its URI', () => {
    expect(feed.episodes[1]?.pscChapters).toEqual([
      { start: 0, title: 'Anfang' },
      { start: 600, title: 'Zweiter Teil' },
    ]);
    expect(feed.episodes[1]?.published).toBe(Date.UTC(2026, 0, 26, 17)); // CET
  });

  it('reports the unreadable chapter start in plain words', () => {
    expect(errors).toMatchInlineSnapshot(`
      [
        {
          "message": "Episode “FZ042 Der lange Sonntag”: a chapter start “soon” could not be read; that chapter was skipped.",
        },
      ]
    `);
  });
});

describe('namespaces are matched by URI, never by prefix', () => {
  const { feed } = feedOf('odd-prefixes.xml', FEED_URL);
  const [odd1, odd2] = feed.episodes;

  it('reads iTunes, content, podcast and Podlove elements under unusual prefixes', () => {
    expect(feed.author).toBe('Prefix Pat');
    expect(feed.image).toBe('https://odd.example.org/cover.png');
    expect(odd1?.duration).toBe(754);
    expect(odd1?.image).toBe('https://odd.example.org/odd-1.png');
    expect(odd1?.notesHtml).toBe(
      '<p>The long notes live in an element whose prefix is just "c".</p>',
    );
    expect(odd1?.pscChapters).toEqual([{ start: 0, title: 'Start' }]);
  });

  it('accepts the older GitHub URI of the podcast namespace and ignores look-alike prefixes', () => {
    expect(odd1?.transcripts).toEqual([
      { url: 'https://odd.example.org/t/odd-1.srt', type: 'application/x-subrip' },
      { url: 'https://odd.example.org/t/odd-1.html', type: 'text/html', language: 'en-GB' },
    ]);
    expect(odd1?.chapters).toEqual({
      url: 'https://odd.example.org/c/odd-1.json',
      type: 'application/json+chapters',
    });
  });

  it('honours prefixes declared on the item, guessing a missing transcript type from the extension', () => {
    expect(odd2?.transcripts).toEqual([
      { url: 'https://odd.example.org/t/odd-2.vtt', type: 'text/vtt' },
    ]);
    expect(odd2?.chapters).toEqual({ url: 'https://odd.example.org/c/odd-2.json', type: '' });
    expect(odd2?.duration).toBeNull();
  });
});

describe('feeds in other encodings, decoded from bytes', () => {
  it('reads an ISO-8859-1 feed', () => {
    const out = parse(decodeBytes(fixtureBytes('latin1.xml')).text, FEED_URL);
    if (!out.ok) throw new Error(out.message);
    expect(out.value.title).toBe('Café Müller – Hörspiel');
    expect(out.value.author).toBe('Renée François');
    expect(out.value.description).toBe('Gespräche über Kaffee, £5 Croissants und “gute” Laune.');
    expect(out.value.episodes[0]).toMatchObject({
      title: 'Façade & Éclairs',
      enclosure: { url: 'https://cafe.example.fr/audio/fa%C3%A7ade.mp3' },
      published: Date.UTC(2026, 1, 3, 5),
    });
  });

  it.each(['utf16le-bom.xml', 'utf16be-bom.xml'])('reads a UTF-16 feed with a BOM (%s)', (name) => {
    const out = parse(decodeBytes(fixtureBytes(name)).text, FEED_URL);
    if (!out.ok) throw new Error(out.message);
    expect(out.value.title).toBe('日本語のポッドキャスト 🎙');
    expect(out.value.episodes[0]).toMatchObject({
      guid: 'utf16-1',
      title: '第1回 — été',
      published: Date.UTC(2026, 1, 1),
    });
  });
});

describe('an Atom feed with enclosure links', () => {
  const { feed, errors } = feedOf('atom-podcast.xml', FEED_URL);

  it('reads feed and entries, resolving relative links', () => {
    expect(errors).toEqual([]);
    expect(feed).toMatchObject({
      title: 'Atom Radio',
      author: 'Ari Atom',
      description: 'A podcast published as Atom.',
    });
    expect(feed.image).toBe('https://feeds.example.com/logo.png');
    expect(feed.link).toBe('https://atom.example.com/');
    expect(feed.episodes.map((e) => e.title)).toEqual(['Second entry', 'First entry']);
    expect(feed.episodes[0]).toMatchObject({
      guid: 'urn:uuid:9f1e4a2c-0000-4000-8000-000000000003',
      published: Date.UTC(2026, 1, 3, 9), // <published>, not <updated>
      duration: 1800,
      enclosure: { url: 'https://feeds.example.com/audio/2.mp3', type: 'audio/mpeg', length: 5000 },
      notesHtml: '<p>Entry two notes.</p>',
      link: 'https://feeds.example.com/episodes/2',
      transcripts: [{ url: 'https://feeds.example.com/t/2.vtt', type: 'text/vtt' }],
    });
    expect(feed.episodes[1]).toMatchObject({
      published: Date.UTC(2026, 0, 20, 10),
      link: 'https://atom.example.com/episodes/1',
      notesHtml: '<p>Entry one has the longer notes in content.</p>',
    });
  });
});
