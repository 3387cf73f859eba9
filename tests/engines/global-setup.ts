// Starts what the Firefox and WebKit smoke suites need (an X display, a private PulseAudio with a null
// sink) and says plainly which engine cannot run here and why. Stopped by PID in teardown.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { synthNotesTranscript } from '../bench/synth-notes.ts';
import { LONG_DURATION } from '../e2e/long-transcript.ts';
import {
  FIREFOX,
  miniBrowserPath,
  onPath,
  startPulse,
  startXvfb,
  WEBKIT_DRIVER,
  type Service,
} from './services.ts';
import { existsSync } from 'node:fs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** run-all.ts prints this file's lines after the totals. */
export const SKIPPED_FILE = resolve(ROOT, 'test-results/engines-skipped.txt');

export interface EnginesContext {
  display: string | null;
  pulse: string | null;
  /** Why an engine's suite cannot run here, or null when it can. */
  skip: { firefox: string | null; webkit: string | null };
}

declare module 'vitest' {
  export interface ProvidedContext {
    engines: EnginesContext;
  }
}

const services: Service[] = [];

export async function setup(project: TestProject): Promise<void> {
  const skip: EnginesContext['skip'] = { firefox: null, webkit: null };
  let display: string | null = null;
  let pulse: string | null = null;
  if (onPath('pulseaudio')) {
    try {
      const started = await startPulse();
      services.push(started);
      pulse = started.server;
    } catch (error) {
      skip.firefox = skip.webkit = `PulseAudio would not start (${(error as Error).message})`;
    }
  } else skip.firefox = skip.webkit = 'pulseaudio is not installed';
  if (!existsSync(FIREFOX)) skip.firefox = `${FIREFOX} is missing (apt-get install firefox-esr)`;
  if (!existsSync(WEBKIT_DRIVER) || !miniBrowserPath())
    skip.webkit = 'WebKitWebDriver or MiniBrowser is missing (apt-get install webkit2gtk-driver)';
  else if (!onPath('Xvfb')) skip.webkit = 'Xvfb is not installed (apt-get install xvfb)';
  else if (!skip.webkit) {
    try {
      const started = await startXvfb();
      services.push(started);
      display = started.display;
    } catch (error) {
      skip.webkit = `Xvfb would not start (${(error as Error).message})`;
    }
  }
  mkdirSync(resolve(ROOT, 'test-results/generated'), { recursive: true });
  const lines = Object.entries(skip)
    .filter(([, reason]) => reason)
    .map(
      ([engine, reason]) =>
        `${engine === 'firefox' ? 'Firefox' : 'WebKit'} smoke suite skipped: ${reason}`,
    );
  writeFileSync(SKIPPED_FILE, lines.join('\n'));
  for (const line of lines) console.warn(`⚠ ${line}`);
  writeNotesFeed(resolve(ROOT, 'test-results/generated'));
  project.provide('engines', { display, pulse, skip });
}

/** A 49-minute episode whose transcript is written into its show notes (no transcript file). */
function writeNotesFeed(dir: string): void {
  const notes = synthNotesTranscript({ turns: 400, duration: LONG_DURATION - 20, seed: 13 });
  writeFileSync(
    resolve(dir, 'notes-long-feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Long Notes</title>
<item><title>Forty-nine minutes of notes</title><guid>notes-long</guid><pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate>
<enclosure url="/cors/generated/long.mp3" type="audio/mpeg" length="0"/>
<content:encoded><![CDATA[${notes}]]></content:encoded>
</item></channel></rss>`,
  );
}

export async function teardown(): Promise<void> {
  for (const service of services.splice(0)) service.stop();
}
