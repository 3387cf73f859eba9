// The first-load budget and what happens when code loaded on demand does not arrive (#11).
// Reads dist/ as `vite build` left it (the e2e project runs after the build).
import { describe, expect, inject, test } from 'vitest';
import {
  FIRST_LOAD_BUDGET,
  FIRST_TURN,
  firstLoadJs,
  firstTurnJs,
  kib,
} from '../bench/first-load.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const browser = useBrowser();
const TURNS = FIRST_TURN;

describe('first load', () => {
  test(`the JavaScript requested before the first turn shows is at most ${kib(FIRST_LOAD_BUDGET)} gzip`, async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const first = await firstTurnJs(await context.newPage(), appUrl);
      // The entry and its static imports are always requested: the browser measure sees them all.
      expect(first.files).toEqual(expect.arrayContaining(firstLoadJs('dist').files));
      expect(
        first.gzip,
        `before the first turn: ${kib(first.gzip)}: ${first.files.join(', ')}`,
      ).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    } finally {
      await context.close();
    }
  });

  test('chunks that fail to load become plain sentences; the transcript still shows', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 860 } });
    const errors: string[] = [];
    try {
      await context.route(/\/assets\/(ShowNotes|howler-engine|address)-[^/]*\.js$/, (route) =>
        route.abort('connectionfailed'),
      );
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(appUrl);
      await page.locator(TURNS).first().waitFor();
      await expect
        .poll(() => page.getByRole('alert').allInnerTexts(), { timeout: 15_000 })
        .toEqual(
          expect.arrayContaining([
            expect.stringContaining('The show notes could not be loaded'),
            expect.stringContaining('The audio player could not be loaded'),
          ]),
        );
      expect(await page.locator(TURNS).count()).toBeGreaterThan(3);
      // The feed form's code, loaded on the first submit: said in words, the episode stays.
      await page.getByLabel('Feed URL').fill('example.com/feed.xml');
      await page.getByLabel('Feed URL').press('Enter');
      await page
        .getByRole('alert')
        .filter({ hasText: 'part of Verbatim did not load' })
        .waitFor({ timeout: 5000 });
      expect(await page.locator(TURNS).count()).toBeGreaterThan(3);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
