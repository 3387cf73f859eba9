// Bench figures for feeds: opening a 2,000-item feed in the app, and the proxy under a bounded
// loopback load (autocannon: 50 connections for 10 s, only to 127.0.0.1).
import autocannon from 'autocannon';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { openPage } from '../e2e/browser.ts';
import { synthFeed } from './synth-feed.ts';

export function writeBigFeed(): number {
  mkdirSync('test-results/generated', { recursive: true });
  const text = synthFeed(2000, 3);
  writeFileSync('test-results/generated/feed-2000.xml', text);
  return text.length;
}

/**
 * Milliseconds from navigation to an Episodes list showing its first rows (#15: the feed's first
 * items, listed while the rest downloads and is read in slices), and to all 2,000 items; and from
 * the page's request for the feed to its first rows (opening a feed, without the app's own boot);
 * 3 runs each.
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
    // When the page asks for the feed (a resource-timing entry only exists once it has arrived).
    await context.addInitScript(() => {
      const w = window as { __feedAsked?: number };
      const original = window.fetch;
      window.fetch = (input, init) => {
        if (String(input instanceof Request ? input.url : input).includes('feed-2000.xml'))
          w.__feedAsked ??= performance.now();
        return original(input, init);
      };
    });
    await page.goto(`${appUrl}?${new URLSearchParams({ feed: feedUrl })}`);
    const wait = { timeout: 30_000, polling: 'raf' } as const;
    await page.waitForFunction(rows, 1, wait);
    const at = await page.evaluate(() => ({
      now: performance.now(),
      asked: (window as { __feedAsked?: number }).__feedAsked ?? NaN,
    }));
    listed.push(at.now);
    fromRequest.push(at.now - at.asked);
    await page.waitForFunction(rows, 2000, wait);
    all.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return { listed, all, fromRequest };
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
