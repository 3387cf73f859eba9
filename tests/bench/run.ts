// `npm run bench`: performance figures, printed (nothing here asserts a time).
// First-load and total JS size, parse throughput under Node, and in headless Chromium against `npm start`:
// time from navigation to a highlighted turn, and highlight lag at turn boundaries (audio clock).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { parseVtt } from '../../src/core/transcript/vtt.ts';
import { cuesToTurns } from '../../src/core/transcript/turns.ts';
import { launchBrowser, openPage } from '../e2e/browser.ts';
import { startFixtureServer } from '../e2e/fixture-server.ts';
import { loadProxy, timeBigFeed, timePastedFeed, writeBigFeed } from './feed-bench.ts';
import { startThrottle } from '../engines/throttle.ts';
import { FIRST_LOAD_GOAL, firstLoadJs, firstTurnJs, kib, totalJs } from './first-load.ts';
import { benchLongEpisode, writeLongEpisode } from './long-episode.ts';
import { measureLag } from './lag.ts';
import { robustnessFigures } from './robustness.ts';
import { alignBench } from './align.ts';
import { synthVtt } from './synth.ts';
import { synthNotesTranscript } from './synth-notes.ts';
import { readShowNotes } from '../../src/core/show-notes/transcript.ts';
import { JSDOM } from 'jsdom';

const figures: Array<[string, string]> = [];
const report = (name: string, value: string) => {
  figures.push([name, value]);
  console.log(`${name}: ${value}`);
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2
    : NaN;
};

if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });

// 1. Client JavaScript: the entry and its static imports, and all of it (#11). What the page
// requests before its first turn shows is measured in the browser (section 3).
{
  const first = firstLoadJs();
  const total = totalJs();
  report(
    'Entry JavaScript and its static imports (gzip)',
    `${kib(first.gzip)} in ${first.files.length} file(s)`,
  );
  report('Total JavaScript (gzip)', `${kib(total.gzip)} in ${total.files.length} file(s)`);
}

// 2. Parse throughput under Node: a 3-hour WebVTT, 4,000 cues.
{
  const text = synthVtt({ cues: 4000, speakers: 3, seed: 7 });
  const mb = new TextEncoder().encode(text).length / 1e6;
  for (let k = 0; k < 5; k++) cuesToTurns(parseVtt(text).value);
  const runs = 20;
  const t0 = performance.now();
  for (let k = 0; k < runs; k++) cuesToTurns(parseVtt(text).value);
  const ms = (performance.now() - t0) / runs;
  report(
    'WebVTT parse, 3 h / 4,000 cues',
    `${(mb * 1000).toFixed(0)} KB in ${ms.toFixed(1)} ms = ${(mb / (ms / 1000)).toFixed(0)} MB/s`,
  );
}

// 2b. A 3-hour transcript written into show notes (Substack style): finding turns and chapters.
{
  const duration = 3 * 3600;
  const html = synthNotesTranscript({ turns: 1500, speakers: 3, seed: 7, duration });
  const mb = new TextEncoder().encode(html).length / 1e6;
  const parser = new new JSDOM('').window.DOMParser();
  const doc = parser.parseFromString(html, 'text/html');
  const runs = 10;
  let cues = 0;
  for (let k = 0; k < 3; k++) readShowNotes(html, () => doc, duration);
  const t0 = performance.now();
  for (let k = 0; k < runs; k++)
    cues = readShowNotes(html, () => doc, duration).transcript.value.length;
  const ms = (performance.now() - t0) / runs;
  report(
    'Show-notes transcript parse, 3 h',
    `${(mb * 1000).toFixed(0)} KB, ${cues} cues in ${ms.toFixed(1)} ms = ${(mb / (ms / 1000)).toFixed(0)} MB/s (after the HTML parser)`,
  );
}

// 3. In the browser, against the app as `npm start` serves it.
const port = await new Promise<number>((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const address = probe.address();
    probe.close(() => done(typeof address === 'object' && address ? address.port : 4199));
  });
});
// ALLOW_PRIVATE_FEEDS lets the proxy fetch from the loopback fixture server (this bench only).
// ALIGN=off: the page's figures are the page's. With the aligner on, the 3-hour episode's
// alignment (minutes of both cores) ran under every later figure, as it never would on a
// listener's phone; the aligner has its own bench and server (align-server.ts).
const app = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
  env: { ...process.env, PORT: String(port), ALLOW_PRIVATE_FEEDS: '1', ALIGN: 'off' },
  stdio: 'ignore',
});
const feedBytes = writeBigFeed();
const long = writeLongEpisode();
const fixtures = await startFixtureServer();
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 100; i++) {
  if (
    await fetch(base).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await launchBrowser();
try {
  // What the demo page requests before its first transcript turn is in the DOM (#11's figure).
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const first = await firstTurnJs(await context.newPage(), base);
    await context.close();
    report(
      'First-load JavaScript: requested before the first turn shows (gzip)',
      `${kib(first.gzip)} in ${first.files.length} file(s) (goal ${kib(FIRST_LOAD_GOAL)})`,
    );
  }
  // Navigation → highlighted turn, on the demo opened at 1:00 (median of 5 cold loads).
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { context, page } = await openPage(browser, `${base}?t=60`);
    await page.locator('[aria-current="true"][data-speaker]').waitFor();
    times.push(
      await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const mark = (window as unknown as { __firstHighlight?: number }).__firstHighlight;
        return (mark ?? performance.now()) - (nav ? nav.startTime : 0);
      }),
    );
    await context.close();
  }
  report(
    'Navigation to a highlighted demo turn',
    `${median(times).toFixed(0)} ms median (${times.map((t) => t.toFixed(0)).join(', ')})`,
  );

  // Highlight lag on the demo: 12 turn boundaries.
  const { context, page } = await openPage(browser, base);
  await page.locator('[data-start][data-speaker]').first().waitFor();
  const lags = await measureLag(page, 12);
  await context.close();
  const l = await benchLongEpisode(browser, base, fixtures.url);
  const after = l.afterTranscriptMs;
  report(
    `3-hour episode (4,000 cues, ~${(long.words / 1000).toFixed(0)}k words, ${l.turns} turns): usable highlighted view`,
    `${median(after).toFixed(0)} ms median after the transcript arrives (${after.map((t) => t.toFixed(0)).join(', ')}; ${median(l.navigationMs).toFixed(0)} ms from navigation)`,
  );
  report(
    '3-hour episode: main thread busy while playing, follow on',
    `${l.busyPercent.toFixed(1)} %`,
  );
  report(
    '3-hour episode: long tasks (> 50 ms)',
    `${l.longTasksPlaying} while playing 10 s, ${l.longTasksSeeking} over 10 seeks (worst ${l.worstTaskMs.toFixed(0)} ms)`,
  );
  report('3-hour episode: JS heap after GC', `${l.heapMb.toFixed(1)} MB`);
  report(
    '3-hour episode: highlight lag at turn boundaries (audio clock)',
    `median ${median(l.lagsMs).toFixed(1)} ms, worst ${Math.max(...l.lagsMs).toFixed(1)} ms over ${l.lagsMs.length} boundaries`,
  );
  const bigFeedUrl = `${fixtures.url}/cors/generated/feed-2000.xml`;
  const runs = (times: number[]) => times.map((t) => t.toFixed(0)).join(', ');
  const pasted = await timePastedFeed(browser, base, bigFeedUrl);
  report(
    'Open a 2,000-item feed (pasted into the running app) to its first rows painted',
    `${median(pasted.fromSubmit).toFixed(0)} ms median from pressing Enter (${(feedBytes / 1e6).toFixed(1)} MB feed; ${runs(pasted.fromSubmit)}); ${median(pasted.fromRequest).toFixed(0)} ms from the page's request for the feed (${runs(pasted.fromRequest)})`,
  );
  const bigFeed = await timeBigFeed(browser, base, bigFeedUrl);
  report(
    'The same feed from a deep link, cold (nothing cached)',
    `first rows painted ${median(bigFeed.fromRequest).toFixed(0)} ms median from the page's request for the feed (${runs(bigFeed.fromRequest)}), ${median(bigFeed.listed).toFixed(0)} ms from navigation (${runs(bigFeed.listed)}); all 2,000 rows ${median(bigFeed.all).toFixed(0)} ms (${runs(bigFeed.all)})`,
  );
  // The same feed from a publisher on a 20 Mbit/s link (2.5 MB/s, tests/engines/throttle.ts):
  // the first items are listed from the feed's first bytes, long before its last arrives.
  const slow = await startThrottle(fixtures.url, 2_500_000);
  const slowFeed = await timeBigFeed(
    browser,
    base,
    `${slow.url.replace(/\/$/, '')}/cors/generated/feed-2000.xml`,
  );
  await slow.close();
  report(
    'The same feed from a 20 Mbit/s link',
    `first rows painted ${median(slowFeed.fromRequest).toFixed(0)} ms from the page's request for the feed (${runs(slowFeed.fromRequest)}; the whole feed takes ${((feedBytes / 2.5e6) * 1000).toFixed(0)} ms to arrive); all 2,000 rows ${median(slowFeed.all).toFixed(0)} ms from navigation`,
  );
  const load = await loadProxy(
    base,
    `${fixtures.url}/plain/fixtures/e2e/substack.xml`,
    app.pid ?? 0,
  );
  report(
    'Proxy under load (50 connections, 10 s, loopback)',
    `${load.requests} requests (${load.perSecond.toFixed(0)}/s), ${load.errors} errors, ${load.non2xx} non-2xx, p99 ${load.p99} ms, peak RSS ${load.peakRssMb.toFixed(0)} MB`,
  );
  report(
    'Demo: highlight lag at turn boundaries (audio clock)',
    `median ${median(lags).toFixed(1)} ms, worst ${Math.max(...lags).toFixed(1)} ms over ${lags.length} boundaries`,
  );
} finally {
  await browser.close();
  app.kill();
  await fixtures.close();
}

// 4. Robustness: hostile payloads, malformed inputs, audio faults (their suites print the counts).
if (!process.argv.includes('--quick'))
  for (const [name, value] of robustnessFigures()) report(name, value);

// 5. Word timing from the audio (the 67-minute episode with --long: several CPU minutes).
if (!process.argv.includes('--quick'))
  for (const row of await alignBench({ long: process.argv.includes('--long') }))
    report(row.figure, row.value);

console.log('\n| figure | value |\n| --- | --- |');
for (const [name, value] of figures) console.log(`| ${name} | ${value} |`);
