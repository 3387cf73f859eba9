// The demo feed: RSS 2.0 with the iTunes, Podcasting 2.0 and content namespaces. All URLs
// are relative (episode.mp3, transcript.vtt, …): the app resolves them against the feed URL.

export interface FeedInput {
  show: string;
  tagline: string;
  episode: string;
  summary: string;
  guestNote: string;
  people: { name: string; role: 'host' | 'guest' }[];
  chapters: { title: string; startTime: number }[];
  pubDate: string; // RFC 822
  bytes: number; // size of episode.mp3
  seconds: number; // measured duration
}

export const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** M:SS, as chapter lists in show notes usually write it. */
export const clock = (sec: number): string =>
  `${Math.floor(sec / 60)}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;

export function feedXml(f: FeedInput): string {
  const host = f.people.find((p) => p.role === 'host');
  const chapterLines = f.chapters.map((c) => `(${clock(c.startTime)}) ${xml(c.title)}`);
  const notes = [
    `<p>${xml(f.summary)}</p>`,
    '<p><strong>Chapters</strong></p>',
    `<p>${chapterLines.join('<br>\n')}</p>`,
    `<p>${xml(f.guestNote)}</p>`,
  ].join('\n');
  if (notes.includes(']]>')) throw new Error('show notes would break out of CDATA');
  const people = f.people.map(
    (p) => `      <podcast:person role="${p.role}">${xml(p.name)}</podcast:person>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${xml(f.show)}</title>
    <link>https://verbatim.invalid/demo</link>
    <description>${xml(f.tagline)}: conversations with people who mend things. A demo show for Verbatim; the voices are synthesised.</description>
    <language>en</language>
    <itunes:author>${xml(host?.name ?? f.show)}</itunes:author>
    <itunes:image href="cover.svg"/>
    <itunes:category text="Leisure"><itunes:category text="Hobbies"/></itunes:category>
    <itunes:explicit>false</itunes:explicit>
    <item>
      <title>${xml(f.episode)}</title>
      <description>${xml(f.summary)}</description>
      <content:encoded><![CDATA[${notes}]]></content:encoded>
      <guid isPermaLink="false">verbatim-demo-1</guid>
      <pubDate>${f.pubDate}</pubDate>
      <enclosure url="episode.mp3" length="${f.bytes}" type="audio/mpeg"/>
      <itunes:duration>${Math.round(f.seconds)}</itunes:duration>
      <itunes:episode>1</itunes:episode>
      <itunes:episodeType>full</itunes:episodeType>
      <podcast:transcript url="transcript.vtt" type="text/vtt" language="en"/>
      <podcast:chapters url="chapters.json" type="application/json+chapters"/>
${people.join('\n')}
    </item>
  </channel>
</rss>
`;
}
