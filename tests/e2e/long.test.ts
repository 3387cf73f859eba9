// A long transcript in real Chromium: every turn is in the page, though off-screen chunks are skipped
// until needed; the current turn far down is shown, quoting and search work across chunks.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { parseTranscriptFile } from '../../src/core/transcript/read.ts';
import { openPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const fixtureUrl = inject('fixtureUrl');
const browser = useBrowser();

const TURNS = '[aria-label="Transcript"] [data-start][data-speaker]';
const FEED = `${fixtureUrl}/cors/generated/long-feed.xml`;
const turns = () =>
  parseTranscriptFile(readFileSync('test-results/generated/long.vtt', 'utf8'), 'vtt').value;

async function open(t: number, width = 1280) {
  const { context, page } = await openPage(
    browser(),
    `${appUrl}?${new URLSearchParams({ feed: FEED, t: String(t) })}`,
    { width, height: 800 },
  );
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(appUrl).origin,
  });
  await page.locator(`${TURNS}[aria-current="true"]`).waitFor();
  return { page, close: () => context.close() };
}

/** Waits until the page has not scrolled for a quarter second. */
const settled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        let last = scrollY;
        let still = 0;
        const frame = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          if (still >= 15) done();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );

const inView = (page: Page) =>
  page.waitForFunction(() => {
    const r = document
      .querySelector('[aria-current="true"][data-speaker]')!
      .getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight - 150;
  });

describe('a long transcript', () => {
  test('every turn is in the page; the current one far down is in view; far chunks are skipped until needed', async () => {
    const expected = turns();
    expect(expected.length).toBeGreaterThan(100);
    const t = 2400;
    const { page, close } = await open(t);
    expect(await page.locator(TURNS).count()).toBe(expected.length);
    const rule = expected.reduce((found, turn, i) => (turn.start <= t ? i : found), -1);
    const current = await page
      .locator(TURNS)
      .evaluateAll((els) => els.findIndex((el) => el.getAttribute('aria-current') === 'true'));
    expect(current).toBe(rule);
    await inView(page);
    // The opening chunk is not rendered while the reader is 40 minutes in; its text is still there.
    const skipped = (index: number) =>
      page
        .locator(TURNS)
        .nth(index)
        .evaluate((el) => !el.checkVisibility({ contentVisibilityAuto: true }));
    expect(await skipped(0)).toBe(true);
    expect(await skipped(current)).toBe(false);
    expect(await page.locator(TURNS).first().locator('.text').textContent()).toBe(
      expected[0]!.text,
    );
    await close();
  });

  test('a quote can run from one chunk of turns into the next', async () => {
    const expected = turns();
    const { page, close } = await open(expected[20]!.start);
    const chunkStarts = await page
      .locator(TURNS)
      .evaluateAll((els) =>
        els
          .map((el, i) => (el.parentElement?.firstElementChild === el ? i : -1))
          .filter((i) => i > 0),
      );
    const next = chunkStarts[0]!;
    // What arrives after the first view (search, panels) must be in before selecting (#11).
    await page.getByLabel('Search transcript').waitFor();
    await settled(page); // follow's opening glide would carry the selection away
    await page
      .locator(TURNS)
      .nth(next)
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settled(page);
    await page.evaluate((index) => {
      const els = document.querySelectorAll('[aria-label="Transcript"] [data-start][data-speaker]');
      const a = els[index - 1]!.querySelector('p')!.firstChild!;
      const b = els[index]!.querySelector('p')!.firstChild!;
      getSelection()!.setBaseAndExtent(a, Math.max(0, a.textContent!.length - 12), b, 12);
    }, next);
    await page.getByRole('button', { name: 'Quote', exact: true }).click();
    await page.getByText('Quote copied and saved.').waitFor();
    const text = (await page.evaluate(() => navigator.clipboard.readText())).replace(/\s+/g, ' ');
    expect(text).toContain(expected[next - 1]!.text.slice(-12).trim());
    expect(text).toContain(expected[next]!.text.slice(0, 12).trim());
    await close();
  });

  test('search finds words near the start while the reader is far down, and brings the match into view', async () => {
    const expected = turns();
    const word = expected[1]!.text
      .split(' ')
      .find((w) => w.length > 6 && expected.filter((turn) => turn.text.includes(w)).length <= 3)!;
    expect(word).toBeTruthy();
    const { page, close } = await open(2600);
    await page.getByLabel('Search transcript').fill(word.replace(/[^\p{L}]/gu, ''));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const range = [...(CSS.highlights.get('verbatim-search-current') ?? [])][0] as
        Range | undefined;
      const r = range?.getBoundingClientRect();
      return r !== undefined && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    });
    await close();
  });
});
