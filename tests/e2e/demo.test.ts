// The embedded demo in real Chromium: it opens, really plays, the highlight keeps time, clicks seek.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { mediaTime, openPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const browser = useBrowser();

const TURNS = '[aria-label="Transcript"] [data-start][data-speaker]';

async function open(
  path = '',
  options = {},
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { context, page, errors } = await openPage(browser(), new URL(path, appUrl).href, options);
  await page.locator(TURNS).first().waitFor();
  return { page, errors, close: () => context.close() };
}

/** The contract's rule: the last turn in transcript order whose start is at or before t. */
async function expectedTurn(page: Page, t: number): Promise<number> {
  const starts = await page
    .locator(TURNS)
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-start'))));
  let index = -1;
  starts.forEach((start, i) => {
    if (start <= t) index = i;
  });
  return index;
}

async function currentTurnIndex(page: Page): Promise<number> {
  return page
    .locator(TURNS)
    .evaluateAll((els) => els.findIndex((el) => el.getAttribute('aria-current') === 'true'));
}

async function seekValue(page: Page): Promise<number> {
  return Number(await page.getByRole('slider', { name: 'Seek' }).inputValue());
}

describe('the demo episode', () => {
  test('opens with its title, speaker turns, chapters and a paused player', async () => {
    const { page, errors, close } = await open();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
      /Radio Doctor/,
    );
    const turns = page.locator(TURNS);
    expect(await turns.count()).toBeGreaterThan(10);
    const speakers = new Set(
      await turns.evaluateAll((els) => els.map((el) => el.getAttribute('data-speaker'))),
    );
    expect(speakers.size).toBe(2);
    const chapters = page.locator('nav[aria-label="Chapters"] [data-start]');
    await chapters.first().waitFor(); // the chapter list arrives just after the first view (#11)
    expect(await chapters.count()).toBeGreaterThanOrEqual(4);
    await expect(page.getByRole('button', { name: 'Play', exact: true }).isVisible()).resolves.toBe(
      true,
    );
    const slider = page.getByRole('slider', { name: 'Seek' });
    await page.waitForFunction(
      () => Number(document.querySelector('input[aria-label="Seek"]')?.getAttribute('max')) > 120,
    );
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^0 seconds of \d+ minutes?/);
    expect(await page.locator('[aria-current="true"][data-speaker]').count()).toBe(0);
    // Playing unlocks audio (howler's data: WAV): no console error, no CSP violation.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    await close();
  });

  test('Play makes the real audio clock advance, and Pause stops it', async () => {
    const { page, close } = await open();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.waitForFunction(
      () => {
        const media = (
          window as unknown as { __audio: () => HTMLMediaElement | undefined }
        ).__audio();
        return media !== undefined && media.currentTime > 1.5;
      },
      undefined,
      { timeout: 15_000 },
    );
    expect(await seekValue(page)).toBeGreaterThan(1);
    expect(await currentTurnIndex(page)).toBeGreaterThanOrEqual(0);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const stopped = await mediaTime(page);
    await page.waitForTimeout(600);
    expect(Math.abs((await mediaTime(page)) - stopped)).toBeLessThan(0.05);
    await close();
  });

  test('the highlighted turn matches the audio clock on every sampled frame', async () => {
    // Start 1.2 s before the fourth turn so playback crosses turn boundaries quickly.
    const { page, close } = await open();
    const starts = await page
      .locator(TURNS)
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-start'))));
    const from = Math.max(0, (starts[3] ?? 10) - 1.2);
    await page.goto(new URL(`?t=${from}`, appUrl).href);
    await page.locator(TURNS).first().waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const samples = await page.evaluate(async () => {
      const media = () =>
        (window as unknown as { __audio: () => HTMLMediaElement | undefined }).__audio();
      const turns = [
        ...document.querySelectorAll('[aria-label="Transcript"] [data-start][data-speaker]'),
      ];
      const out: Array<{ t: number; shown: number }> = [];
      const t0 = performance.now();
      await new Promise<void>((done) => {
        const frame = () => {
          const m = media();
          if (m && !m.paused && m.currentTime > 0) {
            out.push({
              t: m.currentTime,
              shown: turns.findIndex((el) => el.getAttribute('aria-current') === 'true'),
            });
          }
          if (performance.now() - t0 < 9000) requestAnimationFrame(frame);
          else done();
        };
        requestAnimationFrame(frame);
      });
      return out;
    });
    expect(samples.length).toBeGreaterThan(100);
    const expected = (t: number) =>
      starts.reduce((found, start, i) => (start <= t ? i : found), -1);
    let crossings = 0;
    for (const [i, sample] of samples.entries()) {
      const want = expected(sample.t);
      if (i > 0 && want !== expected(samples[i - 1]!.t)) crossings++;
      if (sample.shown === want) continue;
      // Our frame callback may read the clock a moment before this probe: allow one frame of audio.
      expect(sample.shown, `at ${sample.t}s`).toBe(expected(sample.t - 0.034));
    }
    expect(crossings).toBeGreaterThanOrEqual(2);
    await close();
  });

  test("clicking a turn's speaker seeks the audio to its start and marks it current", async () => {
    const { page, close } = await open();
    const turn = page.locator(TURNS).nth(8);
    const start = Number(await turn.getAttribute('data-start'));
    // A click on the words seeks to the clicked cue or sentence (#14); on the speaker, to the turn.
    await turn.locator('.who').click();
    await page.waitForFunction(
      (s) =>
        Math.abs(
          Number((document.querySelector('input[aria-label="Seek"]') as HTMLInputElement).value) -
            s,
        ) < 0.05,
      start,
    );
    expect(await turn.getAttribute('aria-current')).toBe('true');
    expect(await currentTurnIndex(page)).toBe(await expectedTurn(page, start));
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(
      (s) => {
        const media = (
          window as unknown as { __audio: () => HTMLMediaElement | undefined }
        ).__audio();
        return (
          media !== undefined &&
          !media.paused &&
          media.currentTime >= s &&
          media.currentTime < s + 5
        );
      },
      start,
      { timeout: 10_000 },
    );
    await close();
  });

  test('clicking a chapter seeks there and marks it current', async () => {
    const { page, close } = await open();
    const chapter = page.locator('nav[aria-label="Chapters"] [data-start]').nth(3);
    const start = Number(await chapter.getAttribute('data-start'));
    await chapter.click();
    await page.waitForFunction(
      (s) =>
        Math.abs(
          Number((document.querySelector('input[aria-label="Seek"]') as HTMLInputElement).value) -
            s,
        ) < 0.05,
      start,
    );
    expect(await chapter.getAttribute('aria-current')).toBe('true');
    expect(await page.locator('nav[aria-label="Chapters"] [aria-current="true"]').count()).toBe(1);
    expect(await currentTurnIndex(page)).toBe(await expectedTurn(page, start));
    // The current turn is brought into view (smooth scrolling may take a moment).
    await page.waitForFunction(
      () => {
        const rect = document
          .querySelector('[aria-current="true"][data-speaker]')
          ?.getBoundingClientRect();
        return rect !== undefined && rect.top >= 0 && rect.top < innerHeight - 120;
      },
      undefined,
      { timeout: 3000 },
    );
    await close();
  });

  test('?t= and #t= open paused at that moment with the turn and chapter there current, and Play starts there', async () => {
    for (const [path, t] of [
      ['?t=1:35', 95],
      ['#t=131.5', 131.5],
    ] as const) {
      const { page, close } = await open(path);
      await page.waitForFunction(
        (want) =>
          Math.abs(
            Number((document.querySelector('input[aria-label="Seek"]') as HTMLInputElement).value) -
              want,
          ) < 0.05,
        t,
      );
      expect(await currentTurnIndex(page)).toBe(await expectedTurn(page, t));
      const chapterStarts = await page
        .locator('nav[aria-label="Chapters"] [data-start]')
        .evaluateAll((els) =>
          els.map(
            (el) =>
              [Number(el.getAttribute('data-start')), el.getAttribute('aria-current')] as const,
          ),
        );
      const want = chapterStarts.reduce((found, [start], i) => (start <= t ? i : found), -1);
      expect(chapterStarts.findIndex(([, current]) => current === 'true')).toBe(want);
      await expect(
        page.getByRole('button', { name: 'Play', exact: true }).isVisible(),
      ).resolves.toBe(true);
      // Playing starts there: the audio is not reloaded from 0:00 and the highlight never visits the opening.
      // (The audio element comes with howler, after the first view: #11.)
      await page.waitForFunction(() =>
        (window as unknown as { __audio: () => HTMLMediaElement | undefined }).__audio(),
      );
      await page.evaluate(() => {
        const w = window as unknown as {
          __audio: () => HTMLMediaElement;
          __seen: number[];
          __emptied: number;
        };
        w.__seen = [];
        w.__emptied = 0;
        w.__audio().addEventListener('emptied', () => w.__emptied++);
        new MutationObserver(() => {
          const start = document
            .querySelector('[aria-current="true"][data-speaker]')
            ?.getAttribute('data-start');
          w.__seen.push(start ? Number(start) : -1);
        }).observe(document.querySelector('[aria-label="Transcript"]')!, {
          subtree: true,
          attributes: true,
          attributeFilter: ['aria-current'],
        });
      });
      const opening = Number(
        await page.locator('[aria-current="true"][data-speaker]').getAttribute('data-start'),
      );
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForFunction(
        (want) => {
          const media = (
            window as unknown as { __audio: () => HTMLMediaElement | undefined }
          ).__audio();
          return media !== undefined && media.currentTime > want + 0.3;
        },
        t,
        { timeout: 10_000 },
      );
      const { seen, emptied } = await page.evaluate(() => {
        const w = window as unknown as { __seen: number[]; __emptied: number };
        return { seen: w.__seen, emptied: w.__emptied };
      });
      expect(emptied).toBe(0);
      expect(Math.min(...seen, opening)).toBe(opening);
      await close();
    }
  });

  test('Space plays and pauses when focus is not in a field', async () => {
    const { page, close } = await open();
    await page.locator('h1').click();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await close();
  });

  test('fits a phone screen with no sideways scrolling, in dark mode too', async () => {
    const { page, close } = await open('', { width: 390, height: 844, colorScheme: 'dark' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(247, 245, 240)');
    await expect(page.getByRole('button', { name: 'Play', exact: true }).isVisible()).resolves.toBe(
      true,
    );
    await close();
  });

  test('the current turn shows whole, its accent edge included, on desktop and phone', async () => {
    for (const width of [1280, 390]) {
      const { page, close } = await open('?t=95', { width, height: 844 });
      await page.waitForFunction(() => {
        const r = document
          .querySelector('[aria-current="true"][data-speaker]')
          ?.getBoundingClientRect();
        return r !== undefined && r.top > 0 && r.top + r.height / 2 < innerHeight - 150;
      });
      const edges = await page.evaluate(() => {
        const el = document.querySelector('[aria-current="true"][data-speaker]')!;
        const r = el.getBoundingClientRect();
        const text = el.querySelector('p')!.getBoundingClientRect();
        // What is painted (and hit) at the turn's left and right edges is the turn itself, not clipped away.
        const at = (x: number) =>
          document.elementFromPoint(x, r.top + r.height / 2)?.closest('[data-speaker]') === el;
        return {
          reachesOut: text.left - r.left,
          left: at(r.left + 2),
          right: at(r.right - 2),
          inView: r.left >= 0 && r.right <= innerWidth,
        };
      });
      expect(edges.reachesOut).toBeGreaterThan(8);
      expect(edges).toMatchObject({ left: true, right: true, inView: true });
      await close();
    }
  });
});
