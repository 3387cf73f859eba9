// Bench figures for feeds: opening a 2,000-item feed in the app, and the proxy under a bounded
// loopback load (autocannon: 50 connections for 10 s, only to 127.0.0.1).
import autocannon from 'autocannon';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../e2e/browser.ts';
import { synthFeed } from './synth-feed.ts';

export function writeBigFeed(): number {
  mkdirSync('test-results/generated', { recursive: true });
  const text = synthFeed(2000, 3);
  writeFileSync('test-results/generated/feed-2000.xml', text);
  return text.length;
}

/**
 * The 2,000-item feed from the test fixture server, sending only its first 128 KiB until
 * `${fixtureUrl}/__release?key=…` (or `__kill`, a connection cut mid-feed) is asked for.
 */
export function heldBigFeed(fixtureUrl: string, name: string): { key: string; feed: string } {
  writeBigFeed();
  const key = `${name}-${Date.now()}`;
  return { key, feed: `${fixtureUrl}/fault/hold/${key}/generated/feed-2000.xml` };
}

/** The synthetic feed's newest item's title (synthFeed): its row shows the big feed is listed. */
const FIRST_TITLE = 'copper archive field';

/**
 * In the page: when it asks for the feed, when the Feed URL form is sent, and when a frame starts
 * (requestAnimationFrame: that frame paints them) after the big feed's first row is in the page.
 */
function watchRows(title: string): void {
  const w = window as unknown as Record<string, number | undefined>;
  const original = window.fetch;
  window.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('feed-2000.xml'))
      w.__feedAsked ??= performance.now();
    return original(input, init);
  };
  addEventListener('submit', () => (w.__submitted ??= performance.now()), true);
  new MutationObserver((_, observer) => {
    if (w.__feedAsked === undefined) return;
    const row = document.querySelector('[aria-label="Episodes"] > li');
    if (!row?.textContent?.includes(title)) return;
    observer.disconnect(); // no cost to the rest of the run
    requestAnimationFrame(() => (w.__rowsPainted = performance.now()));
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

interface RowTimes {
  feedAsked: number;
  submitted?: number;
  rowsPainted: number;
}

/** Waits for the frame that paints the big feed's first rows (watchRows), then reads the times. */
async function rowsPainted(page: Page): Promise<RowTimes> {
  await page.waitForFunction(
    () => (window as { __rowsPainted?: number }).__rowsPainted,
    undefined,
    { timeout: 30_000, polling: 100 },
  );
  return page.evaluate(() => {
    const w = window as unknown as Record<string, number>;
    return { feedAsked: w.__feedAsked!, submitted: w.__submitted, rowsPainted: w.__rowsPainted! };
  });
}

/**
 * A deep link to the 2,000-item feed, opened cold (a new browser context, nothing cached): ms from
 * navigation to the frame that paints its first rows (#15: the feed's first items, listed while the
 * rest downloads and is read in slices), and to all 2,000 rows; and from the page's request for
 * the feed to that frame (without the app's own boot). 3 runs.
 */
export async function timeBigFeed(
  browser: Browser,
  appUrl: string,
  feedUrl: string,
): Promise<{ listed: number[]; all: number[]; fromRequest: number[] }> {
  const listed: number[] = [];
  const all: number[] = [];
  const fromRequest: number[] = [];
  const rows = (n: number) => document.querySelectorAll('[aria-label="Episodes"] > li').length >= n;
  for (let i = 0; i < 3; i++) {
    const { context, page } = await openPage(browser, 'about:blank');
    await context.addInitScript(watchRows, FIRST_TITLE);
    await page.goto(`${appUrl}?${new URLSearchParams({ feed: feedUrl })}`);
    const at = await rowsPainted(page);
    listed.push(at.rowsPainted);
    fromRequest.push(at.rowsPainted - at.feedAsked);
    await page.waitForFunction(rows, 2000, { timeout: 30_000, polling: 'raf' });
    all.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return { listed, all, fromRequest };
}

/**
 * The listener pastes the 2,000-item feed's URL into the running app (the demo open, its code
 * loaded) and presses Enter: ms from the form being sent to the frame that paints the feed's first
 * rows, and from the page's request for the feed to that frame. 3 runs.
 */
export async function timePastedFeed(
  browser: Browser,
  appUrl: string,
  feedUrl: string,
): Promise<{ fromSubmit: number[]; fromRequest: number[] }> {
  const fromSubmit: number[] = [];
  const fromRequest: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { context, page } = await openPage(browser, 'about:blank');
    await context.addInitScript(watchRows, FIRST_TITLE);
    await page.goto(appUrl);
    await page.locator('[aria-label="Episodes"] > li').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000); // the page settles: what comes after the first view is loaded
    const field = page.getByLabel('Feed URL');
    await field.fill(feedUrl);
    await field.press('Enter');
    const at = await rowsPainted(page);
    fromSubmit.push(at.rowsPainted - at.submitted!);
    fromRequest.push(at.rowsPainted - at.feedAsked);
    await context.close();
  }
  return { fromSubmit, fromRequest };
}

export interface ProxyLoad {
  requests: number;
  perSecond: number;
  errors: number;
  non2xx: number;
  p99: number;
  peakRssMb: number;
}

/** 50 connections for 10 s against /api/fetch, fetching a feed from the local fixture server. */
export async function loadProxy(
  appUrl: string,
  feedUrl: string,
  serverPid: number,
): Promise<ProxyLoad> {
  const result = await autocannon({
    url: `${appUrl}api/fetch?${new URLSearchParams({ url: feedUrl })}`,
    connections: 50,
    duration: 10,
  });
  let peakRssMb = NaN;
  try {
    const status = readFileSync(`/proc/${serverPid}/status`, 'utf8');
    peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    // not Linux: leave it unknown
  }
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    p99: result.latency.p99,
    peakRssMb,
  };
}
