// Bring your own transcript (#15): a file the listener picks is read like a publisher's, kept per
// episode on this device across reloads, removable; the publisher's stays the default and the
// listener can switch; a hostile or oversized file runs nothing and is refused in plain words.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const fixtureUrl = inject('fixtureUrl');
const FEED = `${fixtureUrl}/cors/fixtures/e2e/byo.xml`;
const browser = useBrowser();

const TURNS = '[aria-label="Transcript"] [data-start][data-speaker]';

const MINE = `WEBVTT

00:00:01.000 --> 00:00:05.000
<v Mara Quill>The tide came in twice before breakfast.

00:00:06.500 --> 00:00:09.000
<v Ostin Vale>Only once, if you count from the pier.
`;

/** Chromium's report that the page's CSP refused an inline handler: proof nothing ran, not a fault. */
const CSP_REFUSAL = /violates the following Content Security Policy directive 'script-src 'self''/;

async function open(guid: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const url = `${appUrl}?${new URLSearchParams({ feed: FEED, episode: guid })}`;
  const { context, page, errors } = await openPage(browser(), url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return {
    page,
    close: async () => {
      expect(errors.filter((e) => !CSP_REFUSAL.test(e))).toEqual([]);
      await context.close();
    },
  };
}

/** The source line's words ("Transcript: …"), inside the transcript. */
const source = (page: Page, text: string) =>
  page.getByRole('region', { name: 'Transcript' }).getByText(text).waitFor();

const turns = (page: Page) =>
  page
    .locator(TURNS)
    .evaluateAll((els) =>
      els.map((el) => [Number(el.getAttribute('data-start')), el.getAttribute('data-speaker')]),
    );

/** Picks a file with the page's own file input, as the "Add a transcript…" button opens it. */
async function pick(page: Page, name: string, mimeType: string, text: string | Buffer) {
  const buffer = typeof text === 'string' ? Buffer.from(text) : text;
  await page.getByLabel('Transcript file').setInputFiles({ name, mimeType, buffer });
}

async function openSourceMenu(page: Page): Promise<void> {
  const summary = page.getByLabel('Transcript source');
  if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
}

describe('bring your own transcript', () => {
  test('picked on an episode without one: turns appear, survive a reload, and can be removed', async () => {
    const { page, close } = await open('bare');
    await page.getByText('No transcript for this episode.').waitFor();
    await page.getByRole('button', { name: 'Add a transcript…' }).waitFor();
    await pick(page, 'harbour.vtt', 'text/vtt', MINE);
    await page.locator(TURNS).first().waitFor();
    expect(await turns(page)).toEqual([
      [1, 'Mara Quill'],
      [6.5, 'Ostin Vale'],
    ]);
    await source(page, 'Transcript: your WebVTT file “harbour.vtt”');

    await page.reload();
    await page.locator(TURNS).first().waitFor();
    expect(await turns(page)).toEqual([
      [1, 'Mara Quill'],
      [6.5, 'Ostin Vale'],
    ]);

    await openSourceMenu(page);
    await page.getByRole('button', { name: 'Remove your transcript' }).click();
    await page.getByText('No transcript for this episode.').waitFor();
    expect(await page.locator(TURNS).count()).toBe(0);
    await page.reload();
    await page.getByText('No transcript for this episode.').waitFor();
    await page.getByRole('button', { name: 'Add a transcript…' }).waitFor();
    expect(await page.locator(TURNS).count()).toBe(0);
    await close();
  });

  test('two voices in one WebVTT cue: a turn each, the second one’s time shown as an estimate', async () => {
    const { page, close } = await open('bare');
    await page.getByRole('button', { name: 'Add a transcript…' }).waitFor();
    const file =
      'WEBVTT\n\n00:00:02.000 --> 00:00:06.000\n<v Mara Quill>Is it low tide?</v> <v Ostin Vale>Not for an hour.\n';
    await pick(page, 'both.vtt', 'text/vtt', file);
    await page.locator(TURNS).nth(1).waitFor();
    const shown = await page
      .locator(TURNS)
      .evaluateAll((els) =>
        els.map((el) => [
          el.getAttribute('data-speaker'),
          el.firstElementChild!.lastElementChild!.textContent,
          el.lastElementChild!.textContent!.trim(),
        ]),
      );
    expect(shown).toEqual([
      ['Mara Quill', '0:02', 'Is it low tide?'],
      ['Ostin Vale', '≈ 0:04', 'Not for an hour.'], // 16 of 32 characters into 2–6 s
    ]);
    await close();
  });

  test("with the publisher's file too: the publisher's shows by default, the listener switches", async () => {
    const { page, close } = await open('both');
    await source(page, "Transcript: publisher's SRT file");
    const publisher = await turns(page);
    expect(publisher[0]).toEqual([0.6, 'Priya Raman']);

    await openSourceMenu(page);
    await pick(page, 'mine.vtt', 'text/vtt', MINE);
    await source(page, 'Transcript: your WebVTT file “mine.vtt”');
    expect((await turns(page))[0]).toEqual([1, 'Mara Quill']);

    await openSourceMenu(page);
    await page.getByRole('radio', { name: "The publisher's SRT file" }).check();
    await source(page, "Transcript: publisher's SRT file");
    expect(await turns(page)).toEqual(publisher);

    // The pick is kept for this episode.
    await page.reload();
    await source(page, "Transcript: publisher's SRT file");
    await openSourceMenu(page);
    await page.getByRole('radio', { name: 'Your file “mine.vtt”' }).check();
    await source(page, 'Transcript: your WebVTT file “mine.vtt”');
    expect((await turns(page))[1]).toEqual([6.5, 'Ostin Vale']);
    await close();
  });

  test('a hostile HTML file runs nothing; its words are only text', async () => {
    const { page, close } = await open('bare');
    await page.getByRole('button', { name: 'Add a transcript…' }).waitFor();
    const hostile = `<!doctype html><html><head><script>window.__ran = 'script';</script></head><body>
<p>00:00:02 Mara Quill: <img src="x" onerror="window.__ran = 'onerror'">The gulls know the timetable.</p>
<p>00:00:07 Ostin Vale: <svg onload="window.__ran = 'svg'"></svg>&lt;script&gt;window.__ran = 'text'&lt;/script&gt;</p>
<iframe src="javascript:parent.__ran = 'iframe'"></iframe>
</body></html>`;
    await pick(page, 'page.html', 'text/html', hostile);
    await page.locator(TURNS).first().waitFor();
    expect(await turns(page)).toEqual([
      [2, 'Mara Quill'],
      [7, 'Ostin Vale'],
    ]);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __ran?: string }).__ran)).toBeUndefined();
    // The markup is shown as words, never made into elements.
    expect(
      await page
        .locator(
          '[aria-label="Transcript"] img, [aria-label="Transcript"] svg, [aria-label="Transcript"] iframe, [aria-label="Transcript"] script',
        )
        .count(),
    ).toBe(0);
    await expect(page.locator(TURNS).nth(1).textContent()).resolves.toContain('<script>');
    await close();
  });

  test('an oversized file and an unreadable one are refused with an alert; the episode still works', async () => {
    const { page, close } = await open('both');
    await source(page, "Transcript: publisher's SRT file");
    await openSourceMenu(page);
    await pick(page, 'huge.vtt', 'text/vtt', Buffer.alloc(1_500_000, 'a'));
    await page
      .getByRole('alert')
      .filter({
        hasText:
          "“huge.vtt” is 1.5 MB: transcripts of up to 1.0 MB can be added. Nothing was added. The publisher's transcript is still shown.",
      })
      .waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();

    await pick(page, 'notes.txt', 'text/plain', 'Just some thoughts about the harbour.\nNo times.');
    await page
      .getByRole('alert')
      .filter({ hasText: 'No timed transcript could be read from “notes.txt”' })
      .waitFor();
    await source(page, "Transcript: publisher's SRT file");
    expect((await turns(page))[0]).toEqual([0.6, 'Priya Raman']);
    await close();
  });

  test('a corrupt saved transcript is skipped; the page works and other saved data is kept', async () => {
    const { page, close } = await open('bare');
    await page.getByRole('button', { name: 'Add a transcript…' }).waitFor();
    await pick(page, 'harbour.vtt', 'text/vtt', MINE);
    await page.locator(TURNS).first().waitFor();
    // Break the record of the other episode and write a good choice for this one.
    await page.evaluate((feed) => {
      localStorage.setItem(`verbatim:v1:own-transcript:${feed}\nboth`, '{"name": "x", broken');
      localStorage.setItem(
        'verbatim:v1:reading-look',
        '{"size":"large","width":"wide","font":"sans"}',
      );
    }, FEED);
    await page.goto(`${appUrl}?${new URLSearchParams({ feed: FEED, episode: 'both' })}`);
    await page
      .getByText('Some saved data could not be read and was skipped. Everything else is intact.')
      .waitFor();
    await source(page, "Transcript: publisher's SRT file");
    expect(await page.locator('[aria-label="Transcript"]').getAttribute('data-font')).toBe('sans');
    // The good one is still there.
    await page.goto(`${appUrl}?${new URLSearchParams({ feed: FEED, episode: 'bare' })}`);
    await source(page, 'Transcript: your WebVTT file “harbour.vtt”');
    await close();
  });
});
