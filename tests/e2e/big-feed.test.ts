// A 2,000-item feed (#15): the page lists the feed's first items, with the newest episode open,
// while the rest is read in slices; then the list fills in, a chunk per frame, to every item.
import { describe, expect, inject, test } from 'vitest';
import { writeBigFeed } from '../bench/feed-bench.ts';
import { openPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const fixtureUrl = inject('fixtureUrl');
const browser = useBrowser();

describe('a 2,000-item feed', () => {
  test('first rows listed, then all 2,000, without a second list or lost order', async () => {
    writeBigFeed();
    const feed = `${fixtureUrl}/cors/generated/feed-2000.xml`;
    const { context, page, errors } = await openPage(browser(), 'about:blank');
    // The row count the list first shows, seen as the DOM changes (not by polling, which a busy
    // machine can make late).
    await context.addInitScript(() => {
      const seen = window as { __firstRows?: unknown };
      new MutationObserver(() => {
        const ol = document.querySelector('[aria-label="Episodes"]');
        if (seen.__firstRows || !ol || ol.children.length === 0) return;
        const panel = ol.closest('details');
        seen.__firstRows = {
          rows: ol.children.length,
          busy: ol.getAttribute('aria-busy'),
          count: panel?.querySelector('.count')?.textContent,
          note: /Reading the rest of the episodes/.test(panel?.textContent ?? ''),
          current: ol.querySelector('button')?.getAttribute('aria-current'),
        };
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${appUrl}?${new URLSearchParams({ feed })}`);
    const list = page.getByRole('list', { name: 'Episodes' });
    const first = await page
      .waitForFunction(() => (window as { __firstRows?: unknown }).__firstRows, undefined, {
        timeout: 30_000,
      })
      .then((h) => h.jsonValue());
    // The first items, listed and said to be more, with the newest open, before the rest is read.
    expect(first).toEqual({ rows: 40, busy: 'true', count: '40+', note: true, current: 'true' });
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-label="Episodes"] > li').length === 2000,
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    expect(await list.getAttribute('aria-busy')).toBe('false');
    const panel = page.locator('details.episodes');
    expect(await panel.locator('.count').textContent()).toBe('2000');
    expect(await panel.textContent()).not.toMatch(/Reading the rest/);
    const titles = await list
      .locator('li .title')
      .evaluateAll((els) => els.map((el) => el.textContent));
    expect(new Set(titles).size).toBe(2000);
    expect(await list.getByRole('button').first().getAttribute('aria-current')).toBe('true');
    // The synthetic feed's pictures and audio name hosts that do not exist here: only those fail.
    expect(errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });
});
