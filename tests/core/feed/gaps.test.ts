// @vitest-environment jsdom
// Feed gaps found against other projects' corpora (#15): each failed before its fix.
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../src/core/feed/date.ts';
import { parse } from '../../fixtures/feeds/load.ts';

const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const PSC = 'http://podlove.org/simple-chapters';

function feed(items: string, channel = '', rssAttrs = ''): ReturnType<typeof parse> & { ok: true } {
  const out = parse(
    `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="${ITUNES}" xmlns:psc="${PSC}" ${rssAttrs}>` +
      `<channel><title>Gaps</title>${channel}${items}</channel></rss>`,
  );
  if (!out.ok) throw new Error(out.message);
  return out;
}

describe('feed dates with time-zone names from RFC 822 practice', () => {
  const utc = (s: string) => Date.parse(s);
  it.each([
    ['Mon, 02 Mar 2026 10:00:00 MET', '2026-03-02T09:00:00Z'],
    ['Mon, 06 Jul 2026 10:00:00 MEST', '2026-07-06T08:00:00Z'],
    ['Mon, 02 Mar 2026 10:00:00 Etc/GMT', '2026-03-02T10:00:00Z'],
    ['Mon, 02 Mar 2026 10:00:00 Etc/UTC', '2026-03-02T10:00:00Z'],
    // POSIX signs: Etc/GMT+5 is five hours *behind* UTC.
    ['Mon, 02 Mar 2026 10:00:00 Etc/GMT+5', '2026-03-02T15:00:00Z'],
    ['Mon, 02 Mar 2026 10:00:00 Europe/Berlin', '2026-03-02T09:00:00Z'],
    // The US generic names follow daylight saving time on that date.
    ['Mon, 02 Feb 2026 10:00:00 ET', '2026-02-02T15:00:00Z'],
    ['Mon, 06 Jul 2026 10:00:00 ET', '2026-07-06T14:00:00Z'],
    ['Mon, 02 Feb 2026 10:00:00 CT', '2026-02-02T16:00:00Z'],
    ['Mon, 02 Feb 2026 10:00:00 MT', '2026-02-02T17:00:00Z'],
    ['Mon, 06 Jul 2026 10:00:00 PT', '2026-07-06T17:00:00Z'],
    ['Mon, 02 Feb 2026 10:00:00 AT', '2026-02-02T14:00:00Z'],
    ['Mon, 02 Feb 2026 10:00:00 UCT', '2026-02-02T10:00:00Z'],
    ['Mon, 02 Feb 2026 10:00:00 HST', '2026-02-02T20:00:00Z'],
    ['Mon, 02 Feb 2026 10:00:00 AKST', '2026-02-02T19:00:00Z'],
  ])('%s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(utc(iso));
  });

  it('an unknown zone name still gives no date rather than a wrong one', () => {
    expect(parseFeedDate('Mon, 02 Feb 2026 10:00:00 Mars/Olympus')).toBeNull();
    expect(parseFeedDate('Mon, 02 Feb 2026 10:00:00 XYZ')).toBeNull();
  });
});

describe('xml:base', () => {
  it('resolves relative enclosure, link and transcript URLs against xml:base, innermost first', () => {
    const { value } = feed(
      `<item xml:base="season-2/"><title>A</title><guid>a</guid><link>a.html</link>` +
        `<enclosure url="a.mp3" type="audio/mpeg"/></item>` +
        `<item><title>B</title><guid>b</guid><enclosure xml:base="https://other.example/x/" url="b.mp3" type="audio/mpeg"/></item>`,
      '',
      'xml:base="https://cdn.example.net/audio/"',
    );
    expect(value.episodes.find((e) => e.guid === 'a')).toMatchObject({
      enclosure: { url: 'https://cdn.example.net/audio/season-2/a.mp3' },
      link: 'https://cdn.example.net/audio/season-2/a.html',
    });
    expect(value.episodes.find((e) => e.guid === 'b')?.enclosure?.url).toBe(
      'https://other.example/x/b.mp3',
    );
  });
});

describe('serial shows', () => {
  const items =
    `<item><title>Part 1</title><guid>p1</guid><itunes:episode>1</itunes:episode><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>` +
    `<item><title>Part 3</title><guid>p3</guid><itunes:episode>3</itunes:episode><pubDate>Mon, 16 Mar 2026 10:00:00 GMT</pubDate></item>` +
    `<item><title>Part 2</title><guid>p2</guid><itunes:episode>2</itunes:episode><pubDate>Mon, 09 Mar 2026 10:00:00 GMT</pubDate></item>`;

  it('are listed oldest first, with their episode numbers', () => {
    const { value } = feed(items, '<itunes:type>serial</itunes:type>');
    expect(value.episodes.map((e) => [e.guid, e.episodeNumber])).toEqual([
      ['p1', 1],
      ['p2', 2],
      ['p3', 3],
    ]);
  });

  it('episodic shows stay newest first', () => {
    const { value } = feed(items, '<itunes:type>episodic</itunes:type>');
    expect(value.episodes.map((e) => e.guid)).toEqual(['p3', 'p2', 'p1']);
  });
});

describe('items', () => {
  it('a permalink guid is the episode page when there is no <link>', () => {
    const { value } = feed(
      `<item><title>A</title><guid>https://show.example/ep/a</guid></item>` +
        `<item><title>B</title><guid isPermaLink="false">https://show.example/ep/b</guid></item>` +
        `<item><title>C</title><guid isPermaLink="true">https://show.example/ep/c</guid><link>https://show.example/c-page</link></item>`,
    );
    const link = (guid: string) => value.episodes.find((e) => e.guid.endsWith(guid))?.link;
    expect(link('/a')).toBe('https://show.example/ep/a');
    expect(link('/b')).toBeUndefined();
    expect(link('/c')).toBe('https://show.example/c-page');
  });

  it('only the first <psc:chapters> block counts (Podlove allows one)', () => {
    const { value } = feed(
      `<item><title>A</title><guid>a</guid>` +
        `<psc:chapters version="1.2"><psc:chapter start="0" title="One"/><psc:chapter start="60" title="Two"/></psc:chapters>` +
        `<psc:chapters version="1.2"><psc:chapter start="30" title="Stray"/></psc:chapters></item>`,
    );
    expect(value.episodes[0]?.pscChapters?.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it('items without guid or enclosure sharing title and date are both kept, with distinct ids', () => {
    const twin = `<item><title>Notice</title><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description>x</description></item>`;
    const first = feed(twin + twin).value.episodes;
    expect(first).toHaveLength(2);
    expect(first[0]?.guid).not.toBe(first[1]?.guid);
    // Stable across reloads.
    expect(feed(twin + twin).value.episodes.map((e) => e.guid)).toEqual(first.map((e) => e.guid));
  });
});
