// CONTRACT.md's page hooks, checked one sentence at a time against the built app.
import { describe, expect, inject, test } from 'vitest';
import { openPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const fixtureUrl = inject('fixtureUrl');
const FEED = `${fixtureUrl}/cors/fixtures/e2e/contract.xml`;
const browser = useBrowser();

const episodeUrl = (guid: string, extra: Record<string, string> = {}) =>
  `${appUrl}?${new URLSearchParams({ feed: FEED, episode: guid, ...extra })}`;

describe('errors the listener must see', () => {
  test('an audio error is in the viewport wherever the page is scrolled', async () => {
    const { context, page } = await openPage(browser(), episodeUrl('gone-audio'), { height: 560 });
    await page.locator('[aria-label="Transcript"] [data-start]').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: /audio/i });
    await alert.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300); // layout settles
    const box = await alert.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY };
    });
    expect(box.scrolled).toBeGreaterThan(200);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    await context.close();
  });
});
