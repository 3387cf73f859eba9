// Every source a publisher uses drives the same view: SRT, JSON (word timing), HTML, show notes,
// podcast:chapters and Podlove chapters, each served by the local fixture server.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const fixtureUrl = inject('fixtureUrl');
const FEED = `${fixtureUrl}/cors/fixtures/e2e/sources.xml`;
const browser = useBrowser();

const TURNS = '[aria-label="Transcript"] [data-start][data-speaker]';

async function open(guid: string, t?: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const params: Record<string, string> = { feed: FEED, episode: guid };
  if (t !== undefined) params['t'] = String(t);
  const { context, page } = await openPage(browser(), `${appUrl}?${new URLSearchParams(params)}`);
  await page.locator(TURNS).first().waitFor({ timeout: 15_000 });
  return { page, close: () => context.close() };
}

const turns = (page: Page) =>
  page.locator(TURNS).evaluateAll((els) =>
    els.map(
      (el) =>
        [
          Number(el.getAttribute('data-start')),
          el.getAttribute('data-speaker'),
          // A turn's text may be several paragraphs; all of them.
          el.querySelector('.text')?.textContent ?? '',
        ] as const,
    ),
  );
/** The chapter list, once it is in (chapters arrive in their own chunk after the first view, #11). */
const chapters = async (page: Page) => {
  await page.locator('nav[aria-label="Chapters"] [data-start]').first().waitFor();
  return page
    .locator('nav[aria-label="Chapters"] [data-start]')
    .evaluateAll((els) =>
      els.map(
        (el) =>
          [
            Number(el.getAttribute('data-start')),
            el.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          ] as const,
      ),
    );
};
const currentTurn = (page: Page) =>
  page
    .locator(TURNS)
    .evaluateAll((els) => els.findIndex((el) => el.getAttribute('aria-current') === 'true'));

describe('transcript and chapter sources', () => {
  test('SRT after a failed WebVTT file: speakers from first cards only, "Note:" is not a speaker; Podlove chapters sorted', async () => {
    const { page, close } = await open('srt', 12.5);
    await page
      .getByText('The transcript file could not be loaded (404). The episode still plays.')
      .waitFor();
    await page.getByText("Transcript: publisher's SRT file").waitFor();
    const list = await turns(page);
    expect(list.map(([start, speaker]) => [start, speaker])).toEqual([
      [0.6, 'Priya Raman'],
      [9.4, 'Leo Brandt'],
      [17, 'Priya Raman'],
      [22.1, 'Leo Brandt'],
    ]);
    expect(list[1]![2]).toContain('Note: nobody else is awake');
    expect(await currentTurn(page)).toBe(1);
    await page.getByText('Chapters: chapters in the feed').waitFor(); // after the first view (#11)
    expect(await chapters(page)).toEqual([
      [0, '0:00 Opening'],
      [9.4, '0:09 Kitchen'],
      [17, '0:17 Loaves'],
    ]);
    await page.getByText('Chapters: chapters in the feed').waitFor();
    await close();
  });

  test('JSON is preferred to HTML; word timing highlights the word; toc:false chapters are hidden', async () => {
    const { page, close } = await open('json', 10.3);
    await page.getByText("Transcript: publisher's JSON transcript").waitFor();
    const list = await turns(page);
    expect(list[0]).toEqual([0.6, 'Priya Raman', 'Welcome back to Night Shift Notes.']);
    expect(list[1]?.[2]).toBe('It is the quietest kitchen.');
    expect(await currentTurn(page)).toBe(1);
    // The current word, as a Custom Highlight range.
    const word = await page.evaluate(() => {
      const highlight = CSS.highlights.get('verbatim-now');
      const range = highlight ? ([...highlight][0] as Range | undefined) : undefined;
      return range?.toString() ?? '';
    });
    expect(word).toBe('quietest');
    await page.locator('nav[aria-label="Chapters"] [data-start]').first().waitFor(); // after the first view
    expect((await chapters(page)).map(([s, title]) => [s, title])).toEqual([
      [0, '0:00 Cold open'],
      [9.25, '0:09 The quiet kitchen'],
      [16.5, '0:16 First loaves'],
    ]);
    await close();
  });

  test('HTML transcript with "<cite>Name :</cite>"', async () => {
    const { page, close } = await open('html', 18);
    await page.getByText("Transcript: publisher's HTML transcript").waitFor();
    expect((await turns(page)).map(([s, who]) => [s, who])).toEqual([
      [1, 'Priya Raman'],
      [9, 'Leo Brandt'],
      [17, 'Priya Raman'],
      [22, 'Leo Brandt'],
    ]);
    expect(await currentTurn(page)).toBe(2);
    await close();
  });

  test('a transcript and chapters written into the show notes; their timestamps seek', async () => {
    const { page, close } = await open('notes', 22.5);
    await page.getByText('Transcript: show notes').waitFor();
    const list = await turns(page);
    expect(list.map(([s, who]) => [s, who])).toEqual([
      [1, 'Priya Raman'],
      [9, 'Leo Brandt'],
      [17, 'Priya Raman'],
      [22, 'Leo Brandt'],
      [22, 'Priya Raman'],
    ]);
    expect(list[0]![2]).toContain('two in the morning'); // the continuation paragraph joined its turn
    expect(await currentTurn(page)).toBe(4); // two turns share 0:22: the later one wins
    expect(await chapters(page)).toEqual([
      [0, '0:00 Cold open'],
      [9, '0:09 Part two: the quiet kitchen'],
      [17, '0:17 First loaves'],
    ]);
    // Times in the displayed notes are seek controls; prose times like 10:00 past the end are not.
    const notes = page
      .getByRole('region', { name: 'Show notes' })
      .or(page.locator('details.notes'));
    // The notes' transcript and chapter list are folded away (the page shows them); unfold both.
    await notes.getByText('The transcript from these notes is shown in the Transcript.').waitFor();
    expect(await notes.getByRole('button', { name: '00:09' }).count()).toBe(0);
    const show = notes.getByRole('button', { name: 'Show it here' });
    expect(await show.count()).toBe(2);
    while ((await show.count()) > 0) await show.first().click();
    await notes.getByRole('button', { name: '00:09' }).first().click();
    await page.waitForFunction(
      () =>
        Number((document.querySelector('input[aria-label="Seek"]') as HTMLInputElement).value) ===
        9,
    );
    expect(await notes.getByRole('button', { name: '10:00' }).count()).toBe(0);
    expect(await notes.getByRole('button', { name: /^16:9$/ }).count()).toBe(0);
    await close();
  });
});
