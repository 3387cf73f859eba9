// A 2,000-item feed (#15): the Episodes list shows its first rows before the rest are built, then
// fills in, a chunk per frame, to every item; the newest episode is open and current meanwhile.
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
      const seen = window as { __firstRows?: { rows: number; busy: string | null } };
      new MutationObserver(() => {
        const ol = document.querySelector('[aria-label="Episodes"]');
        if (seen.__firstRows || !ol || ol.children.length === 0) return;
        seen.__firstRows = { rows: ol.children.length, busy: ol.getAttribute('aria-busy') };
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${appUrl}?${new URLSearchParams({ feed })}`);
    const list = page.getByRole('list', { name: 'Episodes' });
    const first = await page
      .waitForFunction(() => (window as { __firstRows?: unknown }).__firstRows, undefined, {
        timeout: 30_000,
      })
      .then((h) => h.jsonValue() as Promise<{ rows: number; busy: string | null }>);
    // Not all at once: the first chunk is built before the rest.
    expect(first.rows).toBeLessThan(2000);
    expect(first.busy).toBe('true');
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-label="Episodes"] > li').length === 2000,
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    expect(await list.getAttribute('aria-busy')).toBe('false');
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
