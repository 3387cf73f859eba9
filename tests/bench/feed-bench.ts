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
 * items, listed while the rest is read in slices), and to all 2,000 items; and from the feed's
 * last byte arriving to the first rows (what the page itself takes); 3 runs each.
 */
export async function timeBigFeed(
  browser: Browser,
  appUrl: string,
  feedUrl: string,
): Promise<{ listed: number[]; all: number[]; afterBytes: number[] }> {
  const listed: number[] = [];
  const all: number[] = [];
  const afterBytes: number[] = [];
  const rows = (n: number) => document.querySelectorAll('[aria-label="Episodes"] > li').length >= n;
  for (let i = 0; i < 3; i++) {
    const { context, page } = await openPage(
      browser,
      `${appUrl}?${new URLSearchParams({ feed: feedUrl })}`,
    );
    const wait = { timeout: 30_000, polling: 'raf' } as const;
    await page.waitForFunction(rows, 1, wait);
    const at = await page.evaluate(() => ({
      now: performance.now(),
      bytes:
        performance
          .getEntriesByType('resource')
          .find((e) => e.name.includes('feed-2000.xml'))
          ?.toJSON().responseEnd ?? NaN,
    }));
    listed.push(at.now);
    afterBytes.push(at.now - at.bytes);
    await page.waitForFunction(rows, 2000, wait);
    all.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return { listed, all, afterBytes };
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
