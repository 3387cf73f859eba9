// A 49-minute episode with a 600-cue transcript for the e2e tests: many chunks of turns, so the
// off-screen skipping, quoting across chunks and search far from the current turn are all exercised.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthVtt } from '../bench/synth.ts';

/** long.mp3 is 15 copies of the 196.6 s demo. */
export const LONG_DURATION = 15 * 196.6;

export function writeLongTranscriptFeed(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'long.vtt'),
    synthVtt({ cues: 600, speakers: 3, seed: 5, duration: LONG_DURATION - 10 }),
  );
  writeFileSync(
    join(dir, 'long-feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel><title>Long Talk</title>
<item><title>Forty-nine minutes</title><guid>long-1</guid><pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate>
<enclosure url="/cors/generated/long.mp3" type="audio/mpeg" length="0"/>
<podcast:transcript url="/cors/generated/long.vtt" type="text/vtt"/>
</item></channel></rss>`,
  );
}
