// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { episode, feedOf, fixtureText, parse } from '../../fixtures/feeds/load.ts';

const FEED_URL = 'https://feeds.example.com/show/feed.xml';

describe('the trap feed', () => {
  const { feed, errors } = feedOf('traps.xml', FEED_URL);

  it('resolves relative enclosure and link URLs against the feed URL; trims guids; garbage length is 0', () => {
    expect(episode(feed, 'trap-relative')).toMatchObject({
      enclosure: {
        url: 'https://feeds.example.com/media/relative%20one.mp3',
        type: 'audio/mpeg',
        length: 12345,
      },
      link: 'https://feeds.example.com/episodes/relative',
      duration: 3723.5,
    });
    expect(episode(feed, 'trap-dup').enclosure?.length).toBe(0); // "n/a"
  });

  it('keeps the first of two items sharing a guid', () => {
    const dups = feed.episodes.filter((e) => e.guid === 'trap-dup');
    expect(dups.map((e) => e.title)).toEqual(['Duplicate guid, first copy']);
    expect(new Set(feed.episodes.map((e) => e.guid)).size).toBe(feed.episodes.length);
  });

  it('falls back to the enclosure URL, then to a stable id made from title and date', () => {
    const noGuid = feed.episodes.find((e) => e.title === 'No guid at all');
    expect(noGuid?.guid).toBe('https://cdn.traps.example.net/no-guid.mp3?source=rss&id=9');
    const neither = feed.episodes.find((e) => e.title === 'No guid and no enclosure');
    expect(neither?.guid).toMatch(/^gen-[0-9a-f]{16}$/);
    expect(
      feedOf('traps.xml', FEED_URL).feed.episodes.find((e) => e.title === neither?.title)?.guid,
    ).toBe(neither?.guid);
    const renamed = parse(
      fixtureText('traps.xml').replace('No guid and no enclosure', 'Renamed'),
      FEED_URL,
    );
    expect(renamed.ok && renamed.value.episodes.find((e) => e.title === 'Renamed')?.guid).not.toBe(
      neither?.guid,
    );
  });

  it('reads garbage durations as unknown', () => {
    for (const title of ['Duplicate guid, first copy', 'No guid at all']) {
      expect(feed.episodes.find((e) => e.title === title)?.duration).toBeNull();
    }
  });

  it('unescapes double-escaped notes one extra level, but leaves correctly escaped text alone', () => {
    expect(episode(feed, 'trap-double').notesHtml).toBe(
      '<p>Notes that were escaped <strong>twice</strong> &amp; still readable.</p>',
    );
    expect(episode(feed, 'trap-single').notesHtml).toBe('<p>Use the &lt;div&gt; element.</p>');
    expect(episode(feed, 'trap-double').title).toBe('Double & escaped');
  });

  it('keeps items without playable audio, with enclosure null', () => {
    expect(feed.episodes.find((e) => e.title === 'No guid and no enclosure')?.enclosure).toBeNull();
    expect(episode(feed, 'trap-video').enclosure).toBeNull();
    expect(episode(feed, 'trap-unsafe').enclosure).toBeNull(); // javascript: is never an audio address
  });

  it('plays mislabelled audio by its extension and untyped extensionless URLs', () => {
    expect(episode(feed, 'trap-mislabelled').enclosure).toEqual({
      url: 'https://cdn.traps.example.net/talk.m4a',
      type: 'video/mp4',
      length: 900,
    });
    expect(episode(feed, 'trap-untyped').enclosure).toEqual({
      url: 'https://track.example.com/redirect/abc123',
      type: '',
      length: 0,
    });
  });

  it('sorts newest first with undated items last, in feed order', () => {
    expect(feed.episodes.map((e) => e.title)).toEqual([
      'Relative enclosure',
      'Duplicate guid, first copy',
      'No guid at all',
      'No guid and no enclosure',
      'Double & escaped',
      'Escaped once',
      'Video only',
      'Mislabelled audio',
      'Untyped tracking URL',
      'Unsafe enclosure',
      'Undated',
      'Bad date',
    ]);
  });

  it('says what went wrong, once per kind', () => {
    expect(errors).toMatchInlineSnapshot(`
      [
        {
          "message": "Episode “Duplicate guid, first copy”: the duration “about an hour” could not be read; the audio file will tell (and 2 more like this).",
        },
        {
          "message": "Episode “Duplicate guid, second copy” repeats the id “trap-dup” of an earlier episode and was left out.",
        },
        {
          "message": "Episode “No guid and no enclosure” cannot be played: it has no audio file.",
        },
        {
          "message": "Episode “Video only” cannot be played: it offers no audio file, only video/mp4.",
        },
        {
          "message": "Episode “Bad date”: the date “sometime last week” could not be read, so it is shown without a date.",
        },
        {
          "message": "Episode “Unsafe enclosure” cannot be played: its audio address is missing or not a web address.",
        },
      ]
    `);
  });
});

describe('a sloppy feed that needs repair', () => {
  const { feed, errors } = feedOf('sloppy.xml', FEED_URL);

  it('reads past leading whitespace, bare ampersands, HTML entities and an undeclared itunes: prefix', () => {
    expect(feed.title).toBe('Sloppy & Sons Podcast');
    expect(feed.episodes[0]).toMatchObject({
      title: 'Tom & Jerry’s “big” day',
      enclosure: { url: 'https://sloppy.example.com/listen?ep=1&format=mp3' },
      duration: 600,
      published: Date.UTC(2026, 1, 1, 15, 5),
      notesHtml: '<p>Fish & chips&nbsp;inside CDATA stay as written.</p>',
    });
    expect(errors).toMatchInlineSnapshot(`
      [
        {
          "message": "The feed has XML mistakes that were repaired to read it: 4 unescaped “&” or HTML-only entities (such as &nbsp;); undeclared prefixes “itunes:”.",
        },
      ]
    `);
  });
});

describe('small feeds built in the test', () => {
  const rss = (items: string, ns = ''): string =>
    `<?xml version="1.0"?><rss version="2.0"${ns}><channel><title>T</title>${items}</channel></rss>`;
  const ok = (text: string, url = FEED_URL) => {
    const out = parse(text, url);
    if (!out.ok) throw new Error(out.message);
    return out;
  };

  it('falls back to managingEditor, then dc:creator, for the author; image/url for the image', () => {
    const dc = ' xmlns:dc="http://purl.org/dc/elements/1.1/"';
    expect(ok(rss('<managingEditor>Jo Bloggs</managingEditor>')).value.author).toBe('Jo Bloggs');
    expect(ok(rss('<dc:creator>DC Person</dc:creator>', dc)).value.author).toBe('DC Person');
    expect(ok(rss('<image><url>https://x.example/i.png</url></image>')).value.image).toBe(
      'https://x.example/i.png',
    );
  });

  it('uses itunes:summary when it is the longest notes field', () => {
    const itunes = ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';
    const item =
      '<item><guid>a</guid><description>short</description><itunes:summary>a much longer summary</itunes:summary></item>';
    expect(ok(rss(item, itunes)).value.episodes[0]?.notesHtml).toBe('a much longer summary');
  });

  it('keeps feed order among equal dates and undated items', () => {
    const items = ['a', 'b', 'c', 'd']
      .map(
        (g, i) =>
          `<item><guid>${g}</guid>${i % 2 ? '' : '<pubDate>Tue, 04 Feb 2026 09:30:00 GMT</pubDate>'}</item>`,
      )
      .join('');
    expect(ok(rss(items)).value.episodes.map((e) => e.guid)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('reads a feed with no items as an empty podcast, and says so', () => {
    const out = ok(rss(''));
    expect(out.value.episodes).toEqual([]);
    expect(out.errors).toEqual([{ message: 'The feed lists no episodes.' }]);
  });

  it('falls back to dc:date and resolves against a relative feed URL (the embedded demo)', () => {
    const dc = ' xmlns:dc="http://purl.org/dc/elements/1.1/"';
    const item =
      '<item><guid>a</guid><dc:date>2026-02-04T09:30:00Z</dc:date><enclosure url="ep.mp3" type="audio/mpeg"/></item>';
    const ep = ok(rss(item, dc), '/demo/feed.xml').value.episodes[0];
    expect(ep?.published).toBe(Date.UTC(2026, 1, 4, 9, 30));
    expect(ep?.enclosure?.url).toBe('/demo/ep.mp3');
  });

  it('keeps the first of equally playable enclosures, and prefers MP3 to AAC to the rest', () => {
    const enc = (u: string, t: string) => `<enclosure url="https://e.example/${u}" type="${t}"/>`;
    const pick = (encs: string) =>
      ok(rss(`<item><guid>a</guid>${encs}</item>`)).value.episodes[0]?.enclosure?.url;
    expect(pick(enc('one.mp3', 'audio/mpeg') + enc('two.mp3', 'audio/mpeg'))).toBe(
      'https://e.example/one.mp3',
    );
    expect(
      pick(enc('a.ogg', 'audio/ogg') + enc('b.m4a', 'audio/mp4') + enc('c.mp3', 'audio/mpeg')),
    ).toBe('https://e.example/c.mp3');
    expect(pick(enc('a.flac', 'audio/flac') + enc('b.m4a', 'audio/x-m4a'))).toBe(
      'https://e.example/b.m4a',
    );
    expect(pick(enc('v.mp4', 'video/mp4') + enc('a.opus', 'audio/opus'))).toBe(
      'https://e.example/a.opus',
    );
  });

  it('reads media:content when there is no enclosure', () => {
    const media = ' xmlns:media="http://search.yahoo.com/mrss/"';
    const item =
      '<item><guid>a</guid><media:content url="https://m.example/a.mp3" type="audio/mpeg" fileSize="77"/></item>';
    expect(ok(rss(item, media)).value.episodes[0]?.enclosure).toEqual({
      url: 'https://m.example/a.mp3',
      type: 'audio/mpeg',
      length: 77,
    });
  });

  it('collapses repeated problems into one message', () => {
    const items = Array.from(
      { length: 50 },
      (_, i) => `<item><guid>${i}</guid><pubDate>nope ${i}</pubDate></item>`,
    ).join('');
    const dates = ok(rss(items)).errors.filter((e) => e.message.includes('could not be read'));
    expect(dates).toEqual([
      {
        message:
          'Episode number 1: the date “nope 0” could not be read, so it is shown without a date (and 49 more like this).',
      },
    ]);
  });
});
