// Reading along: follow mode and Back to now, search, keys, chapter navigation, accessibility.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, type PageOptions } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const browser = useBrowser();

const TURNS = '[aria-label="Transcript"] [data-start][data-speaker]';

async function open(path = '', options: PageOptions = {}) {
  const { context, page, errors } = await openPage(browser(), new URL(path, appUrl).href, options);
  await page.locator(TURNS).first().waitFor();
  return { page, errors, close: () => context.close() };
}
const seekValue = async (page: Page) =>
  Number(await page.getByRole('slider', { name: 'Seek' }).inputValue());
const waitSeek = (page: Page, want: number, tolerance = 0.05) =>
  page.waitForFunction(
    ([w, tol]) =>
      Math.abs(
        Number((document.querySelector('input[aria-label="Seek"]') as HTMLInputElement).value) - w!,
      ) <= tol!,
    [want, tolerance],
  );

describe('reading along', () => {
  test('scrolling by hand pauses follow; Back to now brings the current turn back', async () => {
    // 2 s before a turn change: the test sees follow stay paused across it.
    const { page, close } = await open('?t=155.5', { height: 700 });
    const first = await page
      .locator('[aria-current="true"][data-speaker]')
      .getAttribute('data-start');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByLabel('Search transcript').waitFor(); // the parts after the first view are in
    // The opening scroll has brought the current turn into view, and stopped.
    await page.waitForFunction(() => {
      const top = document
        .querySelector('[aria-current="true"][data-speaker]')
        ?.getBoundingClientRect().top;
      return top !== undefined && top > 0 && top < 700;
    });
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => scrollY);
    await page.mouse.move(400, 400);
    // A wheel that lands while follow is moving the page can be overtaken by it (a loaded 2-core
    // machine, once): the reader scrolls again, as this does. Follow is paused from the first.
    for (let tries = 0; tries < 3; tries++) {
      await page.mouse.wheel(0, -3000);
      await page.waitForTimeout(400);
      if ((await page.evaluate(() => scrollY)) < before - 1000) break;
    }
    const back = page.getByRole('button', { name: /Back to now/ });
    await back.waitFor();
    // The next turn begins; follow does not snap back to it on its own.
    await page.waitForFunction(
      (start) =>
        document
          .querySelector('[aria-current="true"][data-speaker]')
          ?.getAttribute('data-start') !== start,
      first,
      { timeout: 10_000 },
    );
    await page.waitForTimeout(600);
    const offscreen = await page.evaluate(
      () =>
        document.querySelector('[aria-current="true"][data-speaker]')!.getBoundingClientRect().top,
    );
    expect(offscreen).toBeGreaterThan(700);
    await back.click();
    await page.waitForFunction(
      () => {
        const top = document
          .querySelector('[aria-current="true"][data-speaker]')!
          .getBoundingClientRect().top;
        return top >= 0 && top < innerHeight - 100;
      },
      undefined,
      { timeout: 3000 },
    );
    expect(await back.count()).toBe(0);
    await close();
  });

  test('on a phone the sticky bar keeps the chapter and speaker in view beside search and Back to now', async () => {
    const { page, close } = await open('?t=95', { width: 390, height: 844 });
    await page.waitForTimeout(600);
    await page.mouse.move(200, 400);
    await page.mouse.wheel(0, -600);
    await page.getByRole('button', { name: /Back to now/ }).waitFor();
    const shown = await page.evaluate(() => {
      const bar = document.querySelector('[data-now-bar]')!;
      const width = (sel: string) => bar.querySelector(sel)?.getBoundingClientRect().width ?? 0;
      return {
        chapter: width('.chapter'),
        speaker: width('.speaker'),
        overflow: bar.scrollWidth - bar.clientWidth,
      };
    });
    expect(shown.chapter).toBeGreaterThan(80);
    expect(shown.speaker).toBeGreaterThan(40);
    expect(shown.overflow).toBeLessThanOrEqual(0);
    // With matches, their count and arrows fit beside Back to now without overlapping it.
    await page.getByLabel('Search transcript').fill('radio');
    await page.keyboard.press('Enter');
    const next = (await page.getByRole('button', { name: 'Next match' }).boundingBox())!;
    const back = (await page.getByRole('button', { name: /Back to now/ }).boundingBox())!;
    expect(next.x + next.width).toBeLessThanOrEqual(back.x);
    expect(back.x + back.width).toBeLessThanOrEqual(390);
    await close();
  });

  test('search: "/" focuses it, matches are counted, Enter chooses the next one', async () => {
    const { page, close } = await open();
    await page.locator('h1').click();
    await page.keyboard.press('/');
    // A / pressed before the field has arrived (it loads after the first view) still lands there.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Search transcript',
    );
    await page.keyboard.type('radio');
    const expected = await page
      .locator(TURNS)
      .evaluateAll((els) =>
        els.reduce(
          (n, el) =>
            n + (el.querySelector('p')!.textContent!.toLowerCase().match(/radio/g)?.length ?? 0),
          0,
        ),
      );
    expect(expected).toBeGreaterThan(2);
    await page.getByText(`${expected} matches`).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`1 of ${expected}`).waitFor();
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.getByText(`2 of ${expected}`).waitFor();
    // Shortcuts don't fire while typing: "k" goes into the field, the player does not start.
    await page.getByLabel('Search transcript').focus();
    await page.keyboard.type('k');
    expect(await page.getByLabel('Search transcript').inputValue()).toBe('radiok');
    expect(await page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('Search transcript').inputValue()).toBe('');
    // Clicking a match seeks to the words matched, not to the start of their turn.
    await page.getByLabel('Search transcript').fill('kettle');
    await page.keyboard.press('Enter');
    const rect = await page.evaluate(() => {
      const range = [...CSS.highlights.get('verbatim-search-current')!][0] as Range;
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    const turnStart = Number(
      await page.locator(TURNS).filter({ hasText: 'kettle' }).getAttribute('data-start'),
    );
    await page.mouse.click(rect.x, rect.y);
    await page.waitForFunction(
      (s) =>
        Number((document.querySelector('input[aria-label="Seek"]') as HTMLInputElement).value) >
        s + 0.5,
      turnStart,
    );
    await close();
  });

  test('keys: arrows seek 5 s, J/L 15 s, Shift+arrows step chapters, < and > change speed', async () => {
    const { page, close } = await open('?t=40');
    await waitSeek(page, 40);
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    await waitSeek(page, 45);
    await page.keyboard.press('j');
    await waitSeek(page, 30);
    await page.keyboard.press('l');
    await waitSeek(page, 45);
    // The chapters arrive beside the transcript, not before it: step once they are listed.
    const chapterList = page.locator('nav[aria-label="Chapters"] [data-start]');
    await chapterList.nth(2).waitFor();
    const chapterStarts = await chapterList.evaluateAll((els) =>
      els.map((el) => Number(el.getAttribute('data-start'))),
    );
    await page.keyboard.press('Shift+ArrowRight');
    await waitSeek(page, chapterStarts[2]!);
    await page.keyboard.press('Shift+ArrowLeft'); // at a chapter's start: the one before
    await waitSeek(page, chapterStarts[1]!);
    await page.keyboard.press('>');
    await page.getByRole('button', { name: 'Playback speed 1.25×' }).waitFor();
    await page.keyboard.press('<');
    await page.keyboard.press('<');
    await page.getByRole('button', { name: 'Playback speed 0.75×' }).waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await close();
  });

  test('previous and next chapter buttons, and the seek slider says where it is in words', async () => {
    const { page, close } = await open();
    await page.getByRole('button', { name: 'Next chapter' }).click();
    const second = Number(
      await page
        .locator('nav[aria-label="Chapters"] [data-start]')
        .nth(1)
        .getAttribute('data-start'),
    );
    await waitSeek(page, second);
    expect(await page.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuetext')).toMatch(
      /^30 seconds of 3 minutes \d+ seconds$/,
    );
    expect(await seekValue(page)).toBeCloseTo(second, 1);
    await close();
  });

  test('follow glides to a nearby turn, jumps straight to a far one, and never glides under reduced motion', async () => {
    /** Every scroll position the page passes through in the frames after `act`. */
    const scrollPath = async (page: Page, act: () => Promise<void>) => {
      await page.evaluate(() => {
        const w = window as unknown as { __path: number[] };
        w.__path = [scrollY];
        const until = performance.now() + 1500;
        const frame = () => {
          if (w.__path.at(-1) !== scrollY) w.__path.push(scrollY);
          if (performance.now() < until) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await act();
      await page.waitForTimeout(1600);
      return page.evaluate(() => (window as unknown as { __path: number[] }).__path);
    };
    const chapter = (page: Page, n: number) =>
      page.locator('nav[aria-label="Chapters"] [data-start]').nth(n).click();
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { page, close } = await open('?t=0', { width: 1280, height: 560, reducedMotion });
      await page.locator('nav[aria-label="Chapters"] [data-start]').first().waitFor();
      const near = await scrollPath(page, () =>
        page.getByRole('button', { name: 'Next chapter' }).click(),
      );
      const far = await scrollPath(page, () => chapter(page, 4));
      // The current turn ends up in view either way.
      const top = await page.evaluate(
        () =>
          document.querySelector('[aria-current="true"][data-speaker]')!.getBoundingClientRect()
            .top,
      );
      expect(top).toBeGreaterThan(0);
      expect(top).toBeLessThan(560 / 2);
      expect(near.at(-1)! - near[0]!).toBeGreaterThan(100);
      expect(near.at(-1)! - near[0]!).toBeLessThan(560 * 2);
      expect(far.at(-1)! - far[0]!).toBeGreaterThan(560 * 2);
      expect(far).toHaveLength(2); // one jump, no glide across the pages between
      if (reducedMotion === 'reduce') expect(near).toHaveLength(2);
      else expect(near.length).toBeGreaterThan(4);
      await close();
    }
  });

  test('timing nudges move the highlight and are remembered for the episode', async () => {
    const { page, close } = await open('?t=12.4');
    await waitSeek(page, 12.4);
    const starts = await page
      .locator(TURNS)
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-start'))));
    const rule = (t: number) => starts.reduce((found, start, i) => (start <= t ? i : found), -1);
    const current = () =>
      page
        .locator(TURNS)
        .evaluateAll((els) => els.findIndex((el) => el.getAttribute('aria-current') === 'true'));
    expect(await current()).toBe(rule(12.4));
    for (let i = 0; i < 2; i++)
      await page.getByRole('button', { name: /Transcript early/ }).click();
    await page.getByText('+1.0 s').waitFor();
    expect(await current()).toBe(rule(12.4 - 1));
    await page.reload();
    await page.getByText('+1.0 s').waitFor();
    await page.getByRole('button', { name: /Transcript late/ }).click();
    await page.getByRole('button', { name: /Transcript late/ }).click();
    await page.getByText('as published').waitFor();
    await close();
  });

  test('media session: title and show on the lock screen; its buttons play, seek and step chapters', async () => {
    const { page, close } = await open();
    await page.waitForFunction(
      () => navigator.mediaSession.metadata?.title === document.querySelector('h1')?.textContent,
    );
    expect(await page.evaluate(() => navigator.mediaSession.metadata?.album)).toBe('Small Repairs');
    const press = (action: string, details: Record<string, unknown> = {}) =>
      page.evaluate(
        ([a, d]) =>
          (
            window as unknown as { __sessionHandlers: Record<string, (d: unknown) => void> }
          ).__sessionHandlers[a as string]?.({ action: a, ...(d as object) }),
        [action, details] as const,
      );
    await press('seekto', { seekTime: 50 });
    await waitSeek(page, 50);
    // The chapters arrive beside the transcript, not before it: step once they are listed.
    const third = Number(
      await page
        .locator('nav[aria-label="Chapters"] [data-start]')
        .nth(2)
        .getAttribute('data-start'),
    );
    await press('nexttrack');
    await waitSeek(page, third);
    await press('seekbackward');
    await waitSeek(page, third - 15);
    await press('play');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.waitForFunction(() => navigator.mediaSession.playbackState === 'playing');
    await press('pause');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await close();
  });

  test('no axe violations on a feed with episodes, messages, saved quotes and the shortcuts dialog', async () => {
    const fixtureUrl = inject('fixtureUrl');
    const feed = `${fixtureUrl}/cors/fixtures/e2e/sources.xml`;
    const { page, close } = await open(`?${new URLSearchParams({ feed, episode: 'srt' })}`);
    await page.getByRole('list', { name: 'Episodes' }).waitFor();
    await page.getByRole('alert').first().waitFor(); // the WebVTT file of this episode is missing
    const audit = async () =>
      (await new AxeBuilder({ page: page as never }).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`,
      );
    expect(await audit()).toEqual([]);
    await page.locator('h1').click();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await audit()).toEqual([]);
    await close();
  });

  for (const [name, options] of [
    ['desktop light', { width: 1280, height: 860 }],
    ['phone dark', { width: 390, height: 844, colorScheme: 'dark' }],
  ] as const) {
    test(`no axe violations (${name})`, async () => {
      const { page, close } = await open('?t=20', options);
      // A phone keeps chapters in a sheet (#14): open it, so the audit sees them too.
      if (options.width < 900)
        await page
          .getByRole('group', { name: 'More about this episode' })
          .getByRole('button', { name: /^Chapters/ })
          .click();
      await page.locator('nav[aria-label="Chapters"] [data-start]').first().waitFor();
      const results = await new AxeBuilder({ page: page as never }).analyze();
      expect(
        results.violations.map(
          (v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`,
        ),
      ).toEqual([]);
      await close();
    });
  }
});
