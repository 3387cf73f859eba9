// The 3-hour episode bench: 4,000 cues, 3 speakers, streamed 3-hour audio, in headless Chromium.
// Measures time to a usable highlighted view after the transcript arrives, main-thread load while
// playing with follow on, long tasks while playing and seeking, JS heap, and highlight lag.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';
import { openPage } from '../e2e/browser.ts';
import { writeLongMp3 } from '../e2e/long-audio.ts';
import { synthVtt } from './synth.ts';
import { measureLag } from './lag.ts';

const HOURS3 = 3 * 3600;

/** Writes the 3-hour feed, transcript, chapters and audio into test-results/generated/. */
export function writeLongEpisode(): { words: number; cues: number } {
  mkdirSync('test-results/generated', { recursive: true });
  const vtt = synthVtt({ cues: 4000, speakers: 3, seed: 11, duration: HOURS3 });
  writeFileSync('test-results/generated/3h.vtt', vtt);
  const chapters = Array.from({ length: 30 }, (_, i) => ({
    startTime: i * 360,
    title: `Part ${i + 1}: a conversation continues`,
  }));
  writeFileSync(
    'test-results/generated/3h-chapters.json',
    JSON.stringify({ version: '1.2.0', chapters }),
  );
  // The demo is 196.6 s: 55 copies make a little over 3 hours.
  writeLongMp3('static/demo/episode.mp3', 'test-results/generated/3h.mp3', 55);
  writeFileSync(
    'test-results/generated/3h.xml',
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Bench Hours</title><itunes:author>Verbatim bench</itunes:author>
<item><title>Three hours of talk</title><guid>bench-3h</guid><pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate>
<itunes:duration>3:00:00</itunes:duration><enclosure url="/cors/generated/3h.mp3" type="audio/mpeg" length="0"/>
<podcast:transcript url="/cors/generated/3h.vtt" type="text/vtt"/>
<podcast:chapters url="/cors/generated/3h-chapters.json" type="application/json+chapters"/>
</item></channel></rss>`,
  );
  const words = vtt.split(/\s+/).filter((w) => /^[a-z]/i.test(w)).length;
  return { words, cues: 4000 };
}

export interface LongFigures {
  /** One figure per cold load. */
  afterTranscriptMs: number[];
  navigationMs: number[];
  turns: number;
  busyPercent: number;
  longTasksPlaying: number;
  longTasksSeeking: number;
  worstTaskMs: number;
  heapMb: number;
  /** Highlight lag at turn boundaries deep in the episode, ms. */
  lagsMs: number[];
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

/** Opens the 3-hour episode at 1:30:00 and times its first highlight against the transcript's arrival. */
async function openLong(browser: Browser, appUrl: string, fixtureUrl: string) {
  const feed = `${fixtureUrl}/cors/generated/3h.xml`;
  const { context, page } = await openPage(
    browser,
    `${appUrl}?${new URLSearchParams({ feed, t: '5400' })}`,
  );
  await page.locator('[aria-current="true"][data-speaker]').waitFor({ timeout: 30_000 });
  const timing = await page.evaluate(() => {
    const vtt = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/3h.vtt')) as
      PerformanceResourceTiming | undefined;
    const first = (window as unknown as { __firstHighlight?: number }).__firstHighlight ?? NaN;
    return {
      arrived: vtt?.responseEnd ?? NaN,
      first,
      turns: document.querySelectorAll('[aria-label="Transcript"] [data-start][data-speaker]')
        .length,
    };
  });
  return { context, page, timing };
}

export async function benchLongEpisode(
  browser: Browser,
  appUrl: string,
  fixtureUrl: string,
  loads = 5,
): Promise<LongFigures> {
  const afterTranscriptMs: number[] = [];
  const navigationMs: number[] = [];
  for (let i = 1; i < loads; i++) {
    const { context, timing } = await openLong(browser, appUrl, fixtureUrl);
    afterTranscriptMs.push(timing.first - timing.arrived);
    navigationMs.push(timing.first);
    await context.close();
  }
  const { context, page, timing } = await openLong(browser, appUrl, fixtureUrl);
  afterTranscriptMs.push(timing.first - timing.arrived);
  navigationMs.push(timing.first);
  // Long tasks from here on: while playing, then while seeking.
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.__long.push(e.duration)),
    ).observe({ type: 'longtask' });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // CSS selectors, not role queries: Playwright computes roles and names in the page, and over a
  // 3-hour transcript that alone made 40–70 ms tasks the long-task count then blamed on the app.
  await page.locator('[data-player-bar] button[aria-label="Play"]').click();
  await page.waitForFunction(
    () =>
      ((window as unknown as { __audio: () => HTMLMediaElement | undefined }).__audio()
        ?.currentTime ?? 0) > 5400.5,
    undefined,
    { timeout: 20_000 },
  );
  const busy0 = await taskSeconds(cdp);
  const wall0 = Date.now();
  await page.waitForTimeout(10_000);
  const busy = (await taskSeconds(cdp)) - busy0;
  const wall = (Date.now() - wall0) / 1000;
  const playingLong = await page.evaluate(() =>
    (window as unknown as { __long: number[] }).__long.slice(),
  );
  for (let i = 0; i < 10; i++) {
    await page.locator('input[aria-label="Seek"]').evaluate(
      (el: HTMLInputElement, t) => {
        el.value = String(t);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      },
      600 + i * 997,
    );
    await page.waitForTimeout(400);
  }
  const allLong = await page.evaluate(() =>
    (window as unknown as { __long: number[] }).__long.slice(),
  );
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  const lagsMs = await measureLag(page, 12, 3600);
  await context.close();
  return {
    afterTranscriptMs,
    navigationMs,
    lagsMs,
    turns: timing.turns,
    busyPercent: (busy / wall) * 100,
    longTasksPlaying: playingLong.length,
    longTasksSeeking: allLong.length - playingLong.length,
    worstTaskMs: Math.max(0, ...allLong),
    heapMb: heap / 1024 / 1024,
  };
}
