// A long interview read in comfort (#14): a show-notes transcript that stops before the audio
// does, long turns in paragraphs, clicks inside them, the current-sentence highlight, chapter
// headings and data-timing. The episode is written by long-notes.ts (49 min of audio).
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, type PageOptions } from './browser.ts';
import { GUEST, LONG_NOTES_CHAPTERS } from './long-notes.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const fixtureUrl = inject('fixtureUrl');
const browser = useBrowser();
const TURNS = '[aria-label="Transcript"] [data-start][data-speaker]';
const FEED = `${fixtureUrl}/cors/generated/long-notes-feed.xml`;
const link = (t: number) => `?feed=${encodeURIComponent(FEED)}&episode=harbour-1&t=${t}`;

async function open(path: string, options: PageOptions = {}) {
  const { context, page } = await openPage(browser(), new URL(path, appUrl).href, options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(appUrl).origin,
  });
  await page.locator(TURNS).first().waitFor();
  return { context, page };
}
const seekValue = (page: Page) =>
  page.evaluate(() =>
    Number(document.querySelector<HTMLInputElement>('input[aria-label="Seek"]')!.value),
  );

/** Selects characters of a turn's text: paragraph `a` offset `ao` to paragraph `b` offset `bo`. */
async function select(page: Page, turn: number, a: number, ao: number, b: number, bo: number) {
  await page.evaluate(
    ([sel, turn, a, ao, b, bo]) => {
      const paras = document
        .querySelectorAll(sel as string)
        [turn as number]!.querySelectorAll('.text p');
      const range = document.createRange();
      range.setStart(paras[a as number]!.firstChild!, ao as number);
      range.setEnd(paras[b as number]!.firstChild!, bo as number);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    [TURNS, turn, a, ao, b, bo],
  );
}

async function lastTurn(page: Page) {
  const turns = page.locator(TURNS);
  const index = (await turns.count()) - 1;
  return { index, start: Number(await turns.nth(index).getAttribute('data-start')) };
}

describe('a show-notes transcript that stops before the audio (#14)', () => {
  test('its last turn ends where its words end: then nothing is current and the page says so', async () => {
    const { context, page } = await open(link(2140));
    const { index, start } = await lastTurn(page);
    expect(start).toBe(2130);
    expect(await page.locator(TURNS).nth(index).getAttribute('aria-current')).toBe('true');
    // Once the audio's length is known (the feed does not say it).
    await page.getByText(/The transcript ends here \(≈ 3\d:\d\d\); the audio goes on\./).waitFor();
    // A quote about 70 s into the last turn links to words within it, marked as an estimate.
    const text = await page.locator(TURNS).nth(index).locator('.text p').nth(1).textContent();
    await select(page, index, 1, 0, 1, text!.indexOf('.') + 1);
    await page.getByRole('button', { name: 'Quote', exact: true }).click();
    await page.getByText('Quote copied and saved.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const t = Number(new URL(/(https?:\/\/\S+)$/.exec(copied)![1]!).searchParams.get('t'));
    expect(t).toBeGreaterThan(start + 20);
    expect(t).toBeLessThan(start + 170);
    expect(copied).toMatch(/, ≈ 3\d:\d\d http/);
    expect(await page.getByRole('region', { name: 'Saved quotes' }).textContent()).toContain('≈ 3');
    await context.close();

    // Two minutes past its words (the audio still has ten to go): no turn is current.
    const after = await open(link(2400));
    await after.page
      .getByText(/The transcript has ended \(≈ 3\d:\d\d\); the audio goes on\./)
      .waitFor();
    expect(await after.page.locator(`${TURNS}[aria-current="true"]`).count()).toBe(0);
    const box = (await after.page.locator('.transcript-end').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(860);
    await after.context.close();
  });

  test('a speaker written with a 10-word title keeps the turns and times after it', async () => {
    const { context, page } = await open(link(0));
    const guests = page.locator(`${TURNS}[data-speaker="${GUEST}"]`);
    expect(await guests.count()).toBeGreaterThanOrEqual(14);
    expect(await guests.first().getAttribute('data-start')).toBe('75');
    expect(await page.locator(TURNS).count()).toBe(31);
    await context.close();
  });
});

describe('show notes (#14)', () => {
  test('fold away the transcript and chapter list they were read from, and say where they are', async () => {
    const { context, page } = await open(link(0));
    const notes = page.locator('details.notes');
    await notes.locator('.notes-fold').first().waitFor();
    expect(await notes.locator('.notes-fold').allTextContents()).toEqual([
      'The chapter list from these notes is shown in Chapters. Show it here',
      'The transcript from these notes is shown in the Transcript. Show it here',
    ]);
    // The episode's introduction stays; no turn or chapter line of the notes is shown.
    await notes.getByText('Marta walks the old shoreline').waitFor();
    expect(await notes.locator('li', { hasText: 'Reading the port ledgers' }).isVisible()).toBe(
      false,
    );
    expect(await notes.getByText('Thanks for listening.').first().isVisible()).toBe(false);
    const height = (await notes.boundingBox())!.height;
    expect(height).toBeLessThan(400);
    const show = notes.getByRole('button', { name: 'Show it here' }).last();
    await show.click();
    expect(await notes.getByText('Thanks for listening.').first().isVisible()).toBe(true);
    expect(
      await notes.getByRole('button', { name: 'Fold it away' }).getAttribute('aria-expanded'),
    ).toBe('true');
    await context.close();
  });
});

describe('long turns (#14)', () => {
  test('keep their paragraphs inside one turn element; search and quotes run across them', async () => {
    const { context, page } = await open(link(0));
    const turn = page.locator(`${TURNS}[data-speaker="${GUEST}"]`).nth(2);
    const paras = turn.locator('.text p');
    expect(await paras.count()).toBeGreaterThanOrEqual(3);
    // A phrase across a paragraph break is found and highlighted as one match.
    const [p1, p2] = [(await paras.nth(0).textContent())!, (await paras.nth(1).textContent())!];
    const phrase = `${p1.trim().split(' ').slice(-2).join(' ')} ${p2.split(' ').slice(0, 2).join(' ')}`;
    await page.getByLabel('Search transcript').fill(phrase);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (want) =>
        [...(CSS.highlights.get('verbatim-search-current') ?? [])].some(
          (r) => (r as Range).toString().toLowerCase() === want.toLowerCase(),
        ),
      phrase,
    );
    await page.getByLabel('Search transcript').fill('');
    // A quote across the break keeps both paragraphs' words, joined by one space.
    const index = await turn.evaluate(
      (el, sel) => [...document.querySelectorAll(sel)].indexOf(el),
      TURNS,
    );
    await select(page, index, 0, p1.indexOf(' ') + 1, 1, p2.indexOf('.') + 1);
    await page.getByRole('button', { name: 'Quote', exact: true }).click();
    await page.getByText('Quote copied and saved.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const want = `${p1.slice(p1.indexOf(' ') + 1).trim()} ${p2.slice(0, p2.indexOf('.') + 1)}`;
    expect(copied.startsWith(`“${want}” — ${GUEST}`)).toBe(true);
    await context.close();
  });

  test('a click inside seeks to the clicked sentence; a click on the speaker to the turn start', async () => {
    const { context, page } = await open(link(0));
    const turn = page.locator(`${TURNS}[data-speaker="${GUEST}"]`).nth(2);
    const start = Number(await turn.getAttribute('data-start'));
    const third = turn.locator('.text p').nth(2);
    await third.scrollIntoViewIfNeeded();
    await third.click({ position: { x: 30, y: 12 } });
    await page.waitForFunction(
      (s) =>
        Number(document.querySelector<HTMLInputElement>('input[aria-label="Seek"]')!.value) >
        s + 10,
      start,
    );
    const sentence = await seekValue(page);
    const next = Number(
      await page
        .locator(TURNS)
        .nth(
          (await turn.evaluate(
            (el, sel) => [...document.querySelectorAll(sel)].indexOf(el),
            TURNS,
          )) + 1,
        )
        .getAttribute('data-start'),
    );
    expect(sentence).toBeLessThan(next);
    await turn.locator('.who').click();
    await page.waitForFunction(
      (s) =>
        Math.abs(
          Number(document.querySelector<HTMLInputElement>('input[aria-label="Seek"]')!.value) - s,
        ) < 0.05,
      start,
    );
    // A selection never seeks.
    await select(page, 0, 0, 0, 0, 5);
    await page.locator(TURNS).first().locator('.text p').first().dispatchEvent('click');
    await page.waitForTimeout(200);
    expect(Math.abs((await seekValue(page)) - start)).toBeLessThan(0.05);
    await context.close();
  });

  test('chapter titles head the transcript where chapters begin, as headings that are not turns', async () => {
    const { context, page } = await open(link(0));
    const heads = page.locator('[aria-label="Transcript"] [data-chapter-start]');
    // The chapters after the transcript's last words have no turn to head.
    expect(await heads.allTextContents()).toEqual(
      LONG_NOTES_CHAPTERS.slice(0, 7).map(([, title]) => title),
    );
    expect(
      await heads.evaluateAll((els) =>
        els.every(
          (e) =>
            /^H[2-4]$/.test(e.tagName) &&
            !e.hasAttribute('data-speaker') &&
            !e.hasAttribute('data-start'),
        ),
      ),
    ).toBe(true);
    await context.close();
  });
});

/** The highest contrast between any pixel of the current sentence (text made invisible) and the turn's background. */
async function highlightContrast(page: Page): Promise<number> {
  await page.addStyleTag({
    content: `[aria-label="Transcript"] .text, [aria-label="Transcript"] .text * { color: transparent !important; }
      ::highlight(verbatim-now), ::highlight(verbatim-estimate) { color: transparent !important; }`,
  });
  const scrolled = () =>
    page.evaluate(() => {
      const range = [
        ...(CSS.highlights.get('verbatim-estimate') ?? []),
        ...(CSS.highlights.get('verbatim-now') ?? []),
      ][0] as Range;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      const r = range.getClientRects()[0]!;
      return { x: r.x, y: r.y - 2, width: Math.min(r.width, 300), height: r.height + 8 };
    });
  await scrolled();
  await page.waitForTimeout(300);
  // Measured again once the page is still: the follow glide may have moved it.
  const rect = await scrolled();
  await page.waitForTimeout(200);
  const png = (await page.screenshot({ clip: rect })).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, img.width, img.height).data;
    const bg = getComputedStyle(document.querySelector('[aria-current="true"][data-speaker]')!)
      .backgroundColor.match(/\d+/g)!
      .map(Number);
    const lum = (c: number[]) => {
      const [r, gg, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * gg! + 0.0722 * b!;
    };
    const l0 = lum(bg);
    let best = 1;
    for (let i = 0; i < data.length; i += 4) {
      const l = lum([data[i]!, data[i + 1]!, data[i + 2]!]);
      best = Math.max(best, (Math.max(l, l0) + 0.05) / (Math.min(l, l0) + 0.05));
    }
    return best;
  }, png);
}

describe('the current sentence (#14)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`stands out at least 3:1 against the current turn, ${colorScheme}`, async () => {
      const { context, page } = await open(link(700), { colorScheme });
      await page.waitForFunction(() => (CSS.highlights.get('verbatim-estimate')?.size ?? 0) > 0);
      expect(await highlightContrast(page)).toBeGreaterThanOrEqual(3);
      await context.close();
      const demo = await open('?t=80', { colorScheme });
      await demo.page.waitForFunction(() => (CSS.highlights.get('verbatim-now')?.size ?? 0) > 0);
      expect(await highlightContrast(demo.page)).toBeGreaterThanOrEqual(3);
      await demo.context.close();
    });
  }
});

describe('data-timing (#14)', () => {
  test('says how finely the transcript is timed: turn starts in show notes, cues in WebVTT', async () => {
    const notes = await open(link(0));
    expect(await notes.page.locator('[aria-label="Transcript"]').getAttribute('data-timing')).toBe(
      'turn',
    );
    await notes.context.close();
    const demo = await open('');
    expect(await demo.page.locator('[aria-label="Transcript"]').getAttribute('data-timing')).toBe(
      'cue',
    );
    await demo.context.close();
  });
});

describe('reading controls (#14)', () => {
  test('text size, line width and typeface apply to the transcript and are kept across visits', async () => {
    const { context, page } = await open(link(0));
    const transcript = page.locator('[aria-label="Transcript"]');
    const text = page.locator(`${TURNS} .text`).nth(2);
    const before = await text.evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        size: parseFloat(s.fontSize),
        width: el.getBoundingClientRect().width,
        font: s.fontFamily,
      };
    });
    await page.getByLabel('Reading settings').click();
    await page.getByLabel('Text size').selectOption('large');
    await page.getByLabel('Line width').selectOption('narrow');
    await page.getByLabel('Typeface').selectOption('sans');
    const after = async () =>
      text.evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          size: parseFloat(s.fontSize),
          width: el.getBoundingClientRect().width,
          font: s.fontFamily,
        };
      });
    const changed = await after();
    expect(changed.size).toBeGreaterThan(before.size * 1.1);
    expect(changed.width).toBeLessThan(before.width);
    expect(changed.font).toContain('system-ui');
    expect(await transcript.getAttribute('data-font')).toBe('sans');
    await page.reload();
    await page.locator(TURNS).first().waitFor();
    expect(await after()).toEqual(changed);
    await context.close();
  });

  test('the menu fits a phone screen', async () => {
    const { context, page } = await open(link(0), { width: 390, height: 844 });
    await page.getByLabel('Reading settings').click();
    const panel = (await page.locator('details.reading label').last().boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await context.close();
  });
});
