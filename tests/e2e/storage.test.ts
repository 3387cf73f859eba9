// Storage faults: corrupt data, a full quota, no storage at all, and two tabs writing. The app
// starts, says so once, keeps working in memory, and loses nothing saved before.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const browser = useBrowser();

const TURNS = '[aria-label="Transcript"] [data-start][data-speaker]';
const GOOD_QUOTE = {
  id: 'kept-1',
  text: 'A good valve can outlive its owner.',
  speakers: ['Felix Marsh'],
  segments: [{ speaker: 'Felix Marsh', text: 'A good valve can outlive its owner.', start: 110 }],
  start: 110,
  end: 113,
  episodeTitle: 'The Radio Doctor of Alder Street',
  showTitle: 'Small Repairs',
  link: 'http://127.0.0.1/?t=110&end=113',
  createdAt: 1_760_000_000_000,
};

async function quoteSomething(page: Page, index = 4): Promise<void> {
  const p = page.locator(TURNS).nth(index).locator('.text');
  await p.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await p.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.getByRole('button', { name: 'Quote', exact: true }).click();
}

describe('storage faults', () => {
  test('corrupt saved data: the app starts, says so once, and keeps the good quote', async () => {
    const { context, page } = await openPage(browser(), 'about:blank');
    await page.goto(appUrl);
    await page.evaluate((good) => {
      localStorage.setItem('verbatim:v1:quote:broken', '{"id": "broken", not json');
      localStorage.setItem('verbatim:v1:quote:wrong', JSON.stringify({ id: 'wrong', text: 42 }));
      localStorage.setItem('verbatim:v1:quote:kept-1', JSON.stringify(good));
      localStorage.setItem('verbatim:v1:last', '"nonsense"');
    }, GOOD_QUOTE);
    await page.reload();
    await page.locator(TURNS).first().waitFor();
    await page
      .getByText('Some saved data could not be read and was skipped. Everything else is intact.')
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
    await page.getByRole('region', { name: 'Saved quotes' }).getByText(GOOD_QUOTE.text).waitFor();
    await context.close();
  });

  test('a full quota: the quote stays for this visit and the listener is told', async () => {
    const { context, page } = await openPage(browser(), 'about:blank');
    await context.addInitScript(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('verbatim:v1:quote:'))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return set.call(this, key, value);
      };
    });
    await page.goto(appUrl);
    await page.locator(TURNS).first().waitFor();
    await quoteSomething(page);
    await page.getByText(/Browser storage is full/).waitFor();
    expect(await page.getByRole('region', { name: 'Saved quotes' }).locator('li').count()).toBe(1);
    await context.close();
  });

  test('no storage at all (private mode): the app works in memory and says so', async () => {
    const { context, page } = await openPage(browser(), 'about:blank');
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Storage is disabled.', 'SecurityError');
        },
      });
    });
    await page.goto(appUrl);
    await page.locator(TURNS).first().waitFor();
    await page.getByText(/not letting Verbatim save anything/).waitFor();
    await quoteSomething(page);
    await page.getByRole('region', { name: 'Saved quotes' }).locator('li').first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
    await context.close();
  });

  test('two tabs: a quote saved in one appears in the other, and neither loses the other’s', async () => {
    const { context, page: a } = await openPage(browser(), appUrl);
    const b = await context.newPage();
    await b.goto(appUrl);
    await a.locator(TURNS).first().waitFor();
    await b.locator(TURNS).first().waitFor();
    await quoteSomething(a, 2);
    await quoteSomething(b, 6);
    for (const page of [a, b]) {
      await page.waitForFunction(
        () => document.querySelectorAll('[aria-label="Saved quotes"] li').length === 2,
      );
    }
    await b.reload();
    await b.waitForFunction(
      () => document.querySelectorAll('[aria-label="Saved quotes"] li').length === 2,
    );
    await context.close();
  });
});
