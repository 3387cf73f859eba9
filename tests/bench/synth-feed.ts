// A deterministic generator of realistic podcast RSS (original generated text) for benchmarks
// and scale tests: long show notes with chapter lists, mixed duration forms, transcripts,
// Podlove chapters on some items, and a few items published out of order.

import { rng } from './rng.ts';

const WORDS = (
  'kitchen river archive signal harbour lantern garden orbit pattern letter window market ' +
  'engine island meadow quiet copper thread winter compass ladder mirror station atlas ' +
  'paper bridge echo field forest season voice table journey morning hollow salt'
).split(' ');
const NAMES = ['Ada Park', 'Tomás Ruiz', 'Mina Okafor', 'Jonas Weber', 'Lea Brandt', 'Sam Ito'];
const DAY = 86_400_000;
const START = Date.UTC(2026, 1, 4, 9, 30);

const pad = (n: number): string => String(n).padStart(2, '0');
const clock = (s: number): string =>
  `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;

/** The publication time synthFeed gives item `i` (0-based, feed order). */
export function synthDate(i: number): number {
  // Every 25th item is an old bonus episode re-posted in place: sorting must move it.
  return i % 25 === 24 ? START - (i + 400) * DAY : START - i * DAY;
}

function words(next: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(next() * WORDS.length)] ?? 'word');
  return out.join(' ');
}

function item(i: number, next: () => number): string {
  const seconds = 1200 + Math.floor(next() * 6000);
  const durationForms = [
    String(seconds),
    clock(seconds),
    `${Math.floor(seconds / 60)}:${pad(seconds % 60)}`,
  ];
  const duration = durationForms[i % 3] ?? String(seconds);
  const title = `${i + 1}: ${words(next, 3 + Math.floor(next() * 5))}`;
  const host = NAMES[i % NAMES.length] ?? 'Ada Park';
  const guest = NAMES[(i + 3) % NAMES.length] ?? 'Sam Ito';
  const chapters = [0, 0.1, 0.35, 0.6, 0.85].map(
    (f, k) => `<li>(${clock(Math.floor(seconds * f))}) ${k === 0 ? 'Intro' : words(next, 3)}</li>`,
  );
  const paragraphs = Array.from({ length: 4 }, () => `<p>${words(next, 40)}.</p>`).join('\n');
  const notes = `<p>${host} talks with ${guest} about ${words(next, 6)}.</p>\n${paragraphs}\n<h3>Chapters</h3>\n<ul>${chapters.join('')}</ul>`;
  const psc =
    i % 10 === 0
      ? `<psc:chapters version="1.2"><psc:chapter start="00:00:00" title="Intro"/><psc:chapter start="${clock(Math.floor(seconds / 2))}.500" title="Middle"/></psc:chapters>`
      : '';
  const transcript =
    i % 4 === 0
      ? `<podcast:transcript url="https://synth.example.com/t/${i + 1}.vtt" type="text/vtt" language="en"/>`
      : '';
  return `    <item>
      <title><![CDATA[${title}]]></title>
      <guid isPermaLink="false">synth-${i + 1}</guid>
      <pubDate>${new Date(synthDate(i)).toUTCString()}</pubDate>
      <link>https://synth.example.com/episodes/${i + 1}</link>
      <description><![CDATA[<p>${host} talks with ${guest} about ${words(next, 6)}.</p>]]></description>
      <content:encoded><![CDATA[${notes}]]></content:encoded>
      <enclosure url="https://cdn.synth.example.com/audio/${i + 1}.mp3" length="${seconds * 16000}" type="audio/mpeg"/>
      <itunes:duration>${duration}</itunes:duration>
      <itunes:image href="https://cdn.synth.example.com/art/${i + 1}.jpg"/>
      ${transcript}${psc}
    </item>`;
}

/** A realistic RSS feed with `items` items, newest first (bar the re-posted bonuses). */
export function synthFeed(items: number, seed = 1): string {
  const next = rng(seed);
  const body = Array.from({ length: items }, (_, i) => item(i, next)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:psc="http://podlove.org/simple-chapters">
  <channel>
    <title>Synthetic Signals</title>
    <link>https://synth.example.com/</link>
    <description>A generated show for measuring Verbatim.</description>
    <itunes:author>Synth Studio</itunes:author>
    <itunes:image href="https://cdn.synth.example.com/cover.jpg"/>
${body}
  </channel>
</rss>
`;
}
