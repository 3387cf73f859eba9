// A 2,000-item feed (#15): the page lists the feed's first items while the rest downloads and is
// read in slices, and opens the newest once it is known; then the list fills in, a chunk per frame, to every item.
import { describe, expect, inject, test } from 'vitest';
import { heldBigFeed, writeBigFeed } from '../bench/feed-bench.ts';
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
    // The first items, listed and said to be more, before the rest is read (the newest opens as
    // soon as it is known: from the whole feed's last item, or at once on a fast link).
    expect(first).toEqual({ rows: 40, busy: 'true', count: '40+', note: true });
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

  test('listed while it downloads: its first items before the rest arrives, then the whole feed', async () => {
    const { key, feed } = heldBigFeed(fixtureUrl, 'held');
    const { context, page, errors } = await openPage(
      browser(),
      `${appUrl}?${new URLSearchParams({ feed })}`,
    );
    const list = page.getByRole('list', { name: 'Episodes' });
    const panel = page.locator('details.episodes');
    // Only the first 128 KiB of 4.3 MB have been sent: the rows come from them.
    await list.locator('li').first().waitFor({ timeout: 30_000 });
    const rows = await list.locator('li').count();
    expect(rows).toBeGreaterThan(20);
    expect(rows).toBeLessThanOrEqual(40);
    expect(await panel.locator('.count').textContent()).toBe(`${rows}+`);
    expect(await panel.textContent()).toMatch(/Reading the rest of the episodes/);
    expect(await list.getAttribute('aria-busy')).toBe('true');
    // Which episode is newest is not known yet, so none is open.
    expect(await list.locator('[aria-current="true"]').count()).toBe(0);
    await fetch(`${fixtureUrl}/__release?key=${key}`);
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-label="Episodes"] > li').length === 2000,
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    await expect
      .poll(() => list.getByRole('button').first().getAttribute('aria-current'))
      .toBe('true');
    expect(await panel.locator('.count').textContent()).toBe('2000');
    expect(errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  test('cut mid-download: the first items stay listed, and an alert says what failed', async () => {
    const { key, feed } = heldBigFeed(fixtureUrl, 'cut');
    const { context, page } = await openPage(
      browser(),
      `${appUrl}?${new URLSearchParams({ feed })}`,
    );
    const list = page.getByRole('list', { name: 'Episodes' });
    await list.locator('li').first().waitFor({ timeout: 30_000 });
    const rows = await list.locator('li').count();
    await fetch(`${fixtureUrl}/__kill?key=${key}`);
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
      .toMatch(/^The rest of the feed could not be loaded.*Only its first episodes are listed\./);
    expect(await list.locator('li').count()).toBe(rows);
    expect(await page.locator('details.episodes').textContent()).not.toMatch(/Reading the rest/);
    await context.close();
  });

  test('on a phone, the first items are one tap away while the rest downloads, and can be played', async () => {
    const { key, feed } = heldBigFeed(fixtureUrl, 'phone');
    const { context, page, errors } = await openPage(
      browser(),
      `${appUrl}?${new URLSearchParams({ feed })}`,
      { width: 390, height: 844 },
    );
    // The side column is a sheet on a phone: its opener shows with the first rows, and the page
    // says what is going on instead of waiting for a transcript of no episode.
    const opener = page
      .getByRole('group', { name: 'More about this episode' })
      .getByRole('button', { name: /^Episodes/ });
    await opener.waitFor({ timeout: 30_000 });
    const hint = page.getByText(/^The first \d+ episodes are listed while the rest are read\./);
    await hint.waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/Loading the transcript/);
    await opener.click();
    const list = page.getByRole('list', { name: 'Episodes' });
    const third = list.getByRole('button').nth(2);
    await third.waitFor({ state: 'visible' });
    const title = (await third.locator('.title').textContent())!;
    await third.click();
    // Chosen while the rest is read: it opens now, and the whole feed keeps it open.
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await hint.count()).toBe(0);
    await fetch(`${fixtureUrl}/__release?key=${key}`);
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-label="Episodes"] > li').length === 2000,
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });
});
