// Quoting in real Chromium with clipboard permissions: select, Quote, paste, reopen the moment.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const origin = new URL(appUrl).origin;
const browser = useBrowser();

const TURNS = '[aria-label="Transcript"] [data-start][data-speaker]';

async function open(path = ''): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await openPage(browser(), new URL(path, appUrl).href);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.locator(TURNS).first().waitFor();
  return { context, page };
}

/** Drags the mouse across a turn's text from `from` to `to` (fractions of its first line's width). */
async function selectIn(
  page: Page,
  index: number,
  from: number,
  to: number,
  toIndex = index,
): Promise<void> {
  // Chapter headings arrive in the transcript after the first view (#11) and move the turns.
  await page.locator('.chapter-head').first().waitFor();
  const a = page.locator(TURNS).nth(index).locator('.text');
  const b = page.locator(TURNS).nth(toIndex).locator('.text');
  await a.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(200);
  const boxA = (await a.boundingBox())!;
  const boxB = (await b.boundingBox())!;
  await page.mouse.move(boxA.x + boxA.width * from, boxA.y + 10);
  await page.mouse.down();
  await page.mouse.move(
    boxB.x + boxB.width * to,
    boxB.y + (toIndex === index ? 10 : boxB.height - 10),
    { steps: 6 },
  );
  await page.mouse.up();
}

describe('quoting', () => {
  test('select words, press Quote: clipboard text and HTML carry words, speaker, time and link', async () => {
    const { context, page } = await open();
    await selectIn(page, 5, 0.02, 0.5);
    const selected = (await page.evaluate(() => getSelection()!.toString()))
      .replace(/\s+/g, ' ')
      .trim();
    expect(selected.length).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Quote', exact: true }).click();
    await page.getByText('Quote copied and saved.').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const speaker = await page.locator(TURNS).nth(5).getAttribute('data-speaker');
    expect(text).toContain(
      `“${selected}” — ${speaker}, “The Radio Doctor of Alder Street” (Small Repairs), `,
    );
    const link = new URL(/(https?:\/\/\S+)$/.exec(text)![1]!);
    const start = Number(await page.locator(TURNS).nth(5).getAttribute('data-start'));
    expect(Number(link.searchParams.get('t'))).toBeGreaterThanOrEqual(start - 0.05);
    expect(Number(link.searchParams.get('end'))).toBeGreaterThan(
      Number(link.searchParams.get('t')),
    );
    const html = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('text/html'));
      return item ? (await item.getType('text/html')).text() : '';
    });
    expect(html).toMatch(/<blockquote[^>]*>[\s\S]*<cite>[\s\S]*<a href="http/);
    // Saved, and still there after a reload.
    const saved = page.getByRole('region', { name: 'Saved quotes' });
    expect(await saved.textContent()).toContain(selected);
    await page.reload();
    await page.getByRole('region', { name: 'Saved quotes' }).getByText(selected).waitFor();
    await context.close();
  });

  test('selecting words while the audio plays pauses follow: the next turn does not carry the page away', async () => {
    const { context, page } = await open();
    const starts = await page
      .locator(TURNS)
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-start'))));
    const next = starts.findIndex((start) => start > 90); // a turn change comes soon after playing
    await page.goto(new URL(`?t=${starts[next]! - 1.5}`, appUrl).href);
    await page.locator(`${TURNS}[aria-current="true"]`).waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await selectIn(page, 1, 0.05, 0.4); // far above the current turn
    await page.getByRole('button', { name: /Back to now/ }).waitFor({ timeout: 2000 });
    await page.waitForFunction(
      (start) =>
        Number(
          document.querySelector('[aria-current="true"][data-speaker]')?.getAttribute('data-start'),
        ) >= start,
      starts[next]!,
      { timeout: 10_000 },
    );
    await page.waitForTimeout(800); // a follow glide would be under way by now
    const top = await page.evaluate(
      () => getSelection()!.getRangeAt(0).getBoundingClientRect().top,
    );
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(800);
    await page.getByRole('button', { name: 'Quote', exact: true }).click();
    await page.getByText('Quote copied and saved.').waitFor();
    await context.close();
  });

  test('the link reopens the moment: words in <mark>, Play quote plays just that range', async () => {
    const { context, page } = await open();
    await selectIn(page, 7, 0.0, 0.45);
    await page.keyboard.press('q'); // the key does what the button does
    await page.getByText('Quote copied and saved.').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const link = /(https?:\/\/\S+)$/.exec(text)![1]!;
    const quoted = /^“(.*?)” — /.exec(text)![1]!;
    const t = Number(new URL(link).searchParams.get('t'));
    const end = Number(new URL(link).searchParams.get('end'));
    const second = await context.newPage();
    await second.goto(link);
    const mark = second.locator('[aria-label="Transcript"] mark');
    await mark.first().waitFor();
    // Exactly the quoted words: an end inside a cue used to mark the rest of the cue too (#14).
    expect((await mark.allTextContents()).join(' ')).toBe(quoted);
    await second.waitForFunction(
      (want) =>
        Math.abs(
          Number((document.querySelector('input[aria-label="Seek"]') as HTMLInputElement).value) -
            want,
        ) < 0.05,
      t,
    );
    expect(await second.locator('[aria-current="true"][data-speaker] mark').count()).toBe(1);
    await second.getByRole('button', { name: 'Play quote' }).click();
    await second.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await second
      .getByRole('button', { name: 'Play', exact: true })
      .waitFor({ timeout: (end - t) * 1000 + 5000 });
    const stoppedAt = await second.evaluate(
      () => (window as unknown as { __audio: () => HTMLMediaElement }).__audio().currentTime,
    );
    expect(stoppedAt).toBeGreaterThanOrEqual(end - 0.05);
    expect(stoppedAt).toBeLessThan(end + 0.3);
    await context.close();
  });

  test('search highlights survive the quoted words being re-marked (timing nudges move them)', async () => {
    const { context, page } = await open();
    const turns = await page.locator(TURNS).evaluateAll((els) =>
      els.map((el) => ({
        start: Number(el.getAttribute('data-start')),
        text: el.querySelector('p')!.textContent!,
      })),
    );
    // The quote ends a few seconds into a long turn: a nudge moves its end, so that turn is re-marked.
    const k = turns.findIndex((turn, i) => i >= 3 && turn.text.length > 120);
    const [a, b] = [turns[k - 1]!, turns[k]!];
    await page.goto(new URL(`?t=${a.start + 0.2}&end=${b.start + 2}`, appUrl).href);
    await page.locator('[aria-label="Transcript"] mark').first().waitFor();
    // A word at the start of that turn: marked before and after the nudge.
    const word = b.text.split(/\W+/).find((w) => w.length >= 4)!;
    await page.getByLabel('Search transcript').fill(word);
    const highlighted = () =>
      page.evaluate(() =>
        [...(CSS.highlights.get('verbatim-search') ?? [])].map((r) =>
          (r as Range).toString().toLowerCase(),
        ),
      );
    await page.waitForFunction(() => (CSS.highlights.get('verbatim-search')?.size ?? 0) > 0);
    const before = await highlighted();
    expect(before.every((t) => t === word.toLowerCase())).toBe(true);
    const lastMark = await page.locator('[aria-label="Transcript"] mark').last().textContent();
    // Later words count as quoted with each half second of nudge; stop once the last mark has grown.
    const lastNow = () =>
      page.evaluate(
        () => [...document.querySelectorAll('[aria-label="Transcript"] mark')].at(-1)?.textContent,
      );
    for (let i = 0; i < 10 && (await lastNow()) === lastMark; i++) {
      await page.getByRole('button', { name: /Transcript late/ }).click();
      await page.waitForTimeout(100);
    }
    expect(await lastNow()).not.toBe(lastMark);
    const after = await highlighted();
    expect(after).toHaveLength(before.length);
    expect(after.every((t) => t === word.toLowerCase())).toBe(true);
    await context.close();
  });

  test('a chapter heading alone offers no Quote; from the heading into a turn quotes the words', async () => {
    const { context, page } = await open();
    const head = page.locator('[aria-label="Transcript"] .chapter-head').nth(1);
    await head.waitFor();
    await head.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await head.selectText();
    expect((await page.evaluate(() => getSelection()!.toString())).trim().length).toBeGreaterThan(
      3,
    );
    await page.waitForTimeout(200); // selectionchange has run
    expect(await page.getByRole('button', { name: 'Quote', exact: true }).count()).toBe(0);
    // Extend the selection into the turn after the heading: now there are words to quote.
    await page.evaluate(() => {
      const h = document.querySelectorAll('[aria-label="Transcript"] .chapter-head')[1]!;
      let turn = h.nextElementSibling;
      while (turn && !turn.matches('[data-speaker]')) turn = turn.nextElementSibling;
      const text = turn!.querySelector('.text')!;
      getSelection()!.setBaseAndExtent(h, 0, text.firstChild ?? text, 0);
      getSelection()!.extend(text, Math.min(2, text.childNodes.length));
    });
    await page.getByRole('button', { name: 'Quote', exact: true }).click();
    await page.getByText('Quote copied and saved.').waitFor();
    await context.close();
  });

  test('a selection across turns names both speakers; delete and undo; export as Markdown', async () => {
    const { context, page } = await open();
    await selectIn(page, 2, 0.3, 0.5, 3);
    await page.getByRole('button', { name: 'Quote', exact: true }).click();
    await page.getByText('Quote copied and saved.').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/— (Nora Lindqvist, Felix Marsh|Felix Marsh, Nora Lindqvist), /);
    const saved = page.getByRole('region', { name: 'Saved quotes' });
    await saved.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Quote deleted.').waitFor();
    expect(await saved.locator('li').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await saved.locator('li').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      saved.getByRole('button', { name: 'Export all' }).click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const markdown = readFileSync(path, 'utf8');
    expect(markdown).toMatch(/^# /);
    expect(markdown).toContain('> ');
    expect(markdown).toContain('The Radio Doctor of Alder Street');
    await context.close();
  });
});

describe('sharing from the player, chapters and soundbites', () => {
  test('copy link at current time, a chapter link, and the publisher’s soundbites', async () => {
    const fixtureUrl = inject('fixtureUrl');
    const feed = `${fixtureUrl}/cors/fixtures/e2e/substack.xml`;
    const { context, page } = await open(`?${new URLSearchParams({ feed, t: '42' })}`);
    await page.getByRole('button', { name: 'Copy link at current time' }).click();
    await page.getByText('Link to this moment copied.').waitFor();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(link.searchParams.get('feed')).toBe(feed);
    expect(link.searchParams.get('episode')).toBe('substack:post:880011');
    expect(Number(link.searchParams.get('t'))).toBeCloseTo(42, 1);
    const chapter = page.locator('nav[aria-label="Chapters"] li').nth(2);
    await chapter.hover();
    await chapter.getByRole('button', { name: /^Copy link to chapter / }).click();
    await page.getByText(/^Link to “.+” copied\.$/).waitFor(); // the copy is done
    const chapterLink = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(Number(chapterLink.searchParams.get('t'))).toBeCloseTo(
      Number(await chapter.locator('[data-start]').getAttribute('data-start')),
      1,
    );
    // A podcast:soundbite appears as a suggested quote with the words it covers.
    const saved = page.getByRole('region', { name: 'Saved quotes' });
    await saved.getByText('Suggested by the publisher').waitFor();
    expect(await saved.locator('.suggested blockquote').textContent()).toMatch(/valve/i);
    await saved.getByRole('button', { name: 'Play soundbite at 1:50' }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 10_000 });
    const stopped = await page.evaluate(
      () => (window as unknown as { __audio: () => HTMLMediaElement }).__audio().currentTime,
    );
    expect(stopped).toBeGreaterThanOrEqual(114.65);
    expect(stopped).toBeLessThan(115.1);
    await saved.locator('.suggested').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Quote copied and saved.').waitFor();
    await saved.getByRole('button', { name: 'Feed snippet' }).first().click();
    await page.getByText(/^Feed snippet copied/).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^<podcast:soundbite startTime="[\d.]+" duration="[\d.]+">.+<\/podcast:soundbite>$/,
    );
    await context.close();
  });
});
