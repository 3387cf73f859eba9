// Layout a listener meets (#14): the phone puts the transcript first with the rest in a sheet,
// keyboard users reach Play at once, long words never widen the page, chapters show their
// pictures and pages, and small readouts read as what they are.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, type PageOptions } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const appUrl = inject('appUrl');
const fixtureUrl = inject('fixtureUrl');
const FEED = `${fixtureUrl}/cors/fixtures/e2e/layout.xml`;
const browser = useBrowser();
const TURNS = '[aria-label="Transcript"] [data-start][data-speaker]';
const CHAPTERS = 'nav[aria-label="Chapters"] [data-start]';
const PHONE: PageOptions = { width: 390, height: 844 };

async function open(query: Record<string, string>, options: PageOptions = {}, wait = TURNS) {
  const search = new URLSearchParams(query).toString();
  const { context, page, errors } = await openPage(browser(), `${appUrl}?${search}`, options);
  await page.locator(wait).first().waitFor({ state: 'attached' });
  return { page, errors, close: () => context.close() };
}
const episode = (guid: string, extra: Record<string, string> = {}) => ({
  feed: FEED,
  episode: guid,
  ...extra,
});
const sideOpener = (page: Page, name: string) =>
  page
    .getByRole('group', { name: 'More about this episode' })
    .getByRole('button', { name: new RegExp(`^${name}`) });

describe('phone: the episode and its transcript come first', () => {
  test('the first screen shows transcript; chapters open in a sheet that does not move it', async () => {
    const { page, close } = await open(episode('pictures'), PHONE);
    const firstTurn = page.locator(TURNS).first();
    // What arrives after the first view has its room kept (Lazy's hold); the chapter headings and
    // the word-timing line still come later: measure once they are in.
    await sideOpener(page, 'Chapters').waitFor();
    await page.locator('[aria-label="Transcript"] h3').first().waitFor();
    await page.getByText('Word timing is turned off on this server.').waitFor();
    const box = await firstTurn.boundingBox();
    // Above the player bar on the first screen (it used to be below chapters, episodes and notes).
    expect(box!.y).toBeLessThan(844 - 130);
    // The help button shares the brand's row; it no longer sits alone.
    const brand = await page.getByRole('link', { name: 'Verbatim home' }).boundingBox();
    const help = await page.getByRole('button', { name: 'Keyboard shortcuts' }).boundingBox();
    expect(Math.abs(help!.y + help!.height / 2 - (brand!.y + brand!.height / 2))).toBeLessThan(12);

    await sideOpener(page, 'Chapters').click();
    const chapters = page.locator(CHAPTERS);
    await chapters.first().waitFor();
    // The list is whole: not a small scroll box of its own, cut mid-line.
    const nested = await page
      .locator('nav[aria-label="Chapters"] ol')
      .evaluate((ol) => ol.scrollHeight - ol.clientHeight);
    expect(nested).toBeLessThanOrEqual(1);
    expect((await firstTurn.boundingBox())!.y).toBeCloseTo(box!.y, 0);
    // Choosing a chapter seeks there and gives the transcript back.
    await chapters.nth(3).click();
    await page.locator(`${TURNS}[aria-current="true"]`).waitFor();
    expect(await chapters.first().isVisible()).toBe(false);
    expect(Number(await page.getByRole('slider', { name: 'Seek' }).inputValue())).toBeCloseTo(
      114.672,
      0,
    );
    // Notes open as a sheet too: the transcript stays where it was.
    await sideOpener(page, 'Notes').click();
    await page.getByRole('heading', { name: 'Show notes' }).waitFor();
    const turnTop = await page.locator(`${TURNS}[aria-current="true"]`).boundingBox();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('heading', { name: 'Show notes' }).isVisible()).toBe(false);
    expect((await page.locator(`${TURNS}[aria-current="true"]`).boundingBox())!.y).toBeCloseTo(
      turnTop!.y,
      0,
    );
    await close();
  });

  test('the player bar opens the sheet wherever the page is scrolled', async () => {
    const { page, close } = await open(episode('pictures', { t: '150' }), PHONE);
    await page.getByRole('button', { name: 'Chapters, episodes and notes' }).click();
    await page.locator(CHAPTERS).first().waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.locator(CHAPTERS).first().waitFor({ state: 'hidden' });
    await close();
  });

  test('desktop keeps chapters and episodes beside the transcript', async () => {
    const { page, close } = await open(episode('pictures'));
    const turn = await page.locator(TURNS).first().boundingBox();
    const chapter = await page.locator(CHAPTERS).first().boundingBox();
    expect(chapter!.x).toBeGreaterThan(turn!.x + turn!.width);
    expect(await sideOpener(page, 'Chapters').isVisible()).toBe(false);
    await close();
  });
});

describe('keyboard', () => {
  test('the first Tab is a skip link to the player; Play is a few Tabs in', async () => {
    const { page, close } = await open(episode('pictures'));
    // Play within ten Tabs of the top even without the skip link (it was 48 on the demo).
    let tabs = 1;
    for (; tabs <= 10; tabs++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      if (label === 'Play') break;
    }
    expect(tabs).toBeLessThanOrEqual(10);
    await page.reload();
    await page.locator(TURNS).first().waitFor();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(first).toBe('Skip to player');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Play',
    );
    await close();
  });

  test('the skip link to the transcript lands there, and the episode list’s focus ring is whole', async () => {
    const { page, close } = await open(episode('pictures'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Skip to transcript',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reading');
    const item = page.getByRole('list', { name: 'Episodes' }).getByRole('button').first();
    await item.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await item.evaluate((el) => {
      const style = getComputedStyle(el);
      const grow = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      const r = el.getBoundingClientRect();
      const box = el.closest('ol')!.getBoundingClientRect();
      return {
        drawn: style.outlineStyle !== 'none',
        inside:
          r.left - grow >= box.left && r.right + grow <= box.right && r.top - grow >= box.top - 0.5,
      };
    });
    expect(ring).toEqual({ drawn: true, inside: true });
    await close();
  });
});

describe('long content', () => {
  for (const [name, options] of [
    ['desktop', {}],
    ['phone', PHONE],
  ] as const) {
    test(`a very long unbroken title does not widen the page (${name})`, async () => {
      const { page, close } = await open(episode('long-title'), options);
      await page.locator('h1').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await close();
    });
  }

  test('chapter titles and links wrap instead of being cut', async () => {
    const { page, close } = await open(episode('pictures'), {}, CHAPTERS);
    // Nothing sticks out of its row or scrolls sideways: a long word wraps.
    const clipped = await page
      .locator('nav[aria-label="Chapters"] li, ol[aria-label="Episodes"] li, aside')
      .evaluateAll((els) =>
        els
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.textContent?.slice(0, 40)),
      );
    expect(clipped).toEqual([]);
    await close();
  });
});

describe('chapter pictures and pages', () => {
  test('the header shows the current chapter’s picture, silent chapters’ too', async () => {
    const { page, close } = await open(episode('pictures', { t: '60' }), {}, CHAPTERS);
    const art = page.locator('header.episode img');
    await page.waitForFunction(() =>
      document.querySelector('header.episode img')?.getAttribute('src')?.endsWith('bench.svg'),
    );
    await page.locator(CHAPTERS).nth(2).click();
    await page.waitForFunction(() =>
      document.querySelector('header.episode img')?.getAttribute('src')?.endsWith('valve.svg'),
    );
    // The new picture has arrived and decoded (src changes before the bytes do).
    await art.evaluate((img: HTMLImageElement) => img.decode().catch(() => undefined));
    expect(await art.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const link = page.getByRole('link', { name: /page for chapter What goes wrong inside/ });
    expect(await link.getAttribute('href')).toBe('https://radios.example/capacitors');
    await close();
  });

  test('missing cover art shows a placeholder, never a broken image', async () => {
    const { page, close } = await open(episode('long-title'));
    await page.locator('header.episode .placeholder').waitFor();
    const broken = await page.evaluate(
      () =>
        [...document.images].filter((img) => img.complete && img.naturalWidth === 0 && img.src)
          .length,
    );
    expect(broken).toBe(0);
    await close();
  });
});

describe('small things', () => {
  test('episode badges count transcripts and chapters written in the show notes', async () => {
    const { page, close } = await open(episode('pictures'));
    const item = page
      .getByRole('list', { name: 'Episodes' })
      .getByRole('button', { name: /Night ferry/ });
    await item.waitFor(); // the list arrives after the first view (#11)
    expect(await item.locator('.tag').allTextContents()).toEqual(['Transcript', 'Chapters']);
    await close();
  });

  test('chapter times line up, hours included', async () => {
    const { page, close } = await open(episode('hour'), {}, CHAPTERS);
    const edges = await page.locator('nav[aria-label="Chapters"] .time').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const title = el.nextElementSibling!.getBoundingClientRect();
        return [Math.round(r.right), Math.round(title.left)];
      }),
    );
    expect(edges.length).toBe(5);
    expect(new Set(edges.map(([right]) => right)).size).toBe(1);
    expect(new Set(edges.map(([, left]) => left)).size).toBe(1);
    await close();
  });

  test('"Back to now" is spaced from its clock, and the phone toast is a wide bar', async () => {
    const { page, close } = await open(episode('pictures', { t: '150' }));
    await page.mouse.move(300, 400);
    await page.mouse.wheel(0, -600);
    const back = page.getByRole('button', { name: /^Back to now/ });
    await back.waitFor();
    expect(await back.innerText()).toMatch(/^Back to now · \d+:\d\d$/);
    await close();

    const phone = await open(episode('pictures'), PHONE);
    await phone.page.getByRole('button', { name: 'Copy link at current time' }).click();
    const toast = phone.page.locator('[role="status"] > div').first();
    await toast.waitFor();
    const box = await toast.boundingBox();
    expect(box!.width).toBeGreaterThan(box!.height * 3);
    await phone.close();
  });

  test('the timing readout reads as a value between two step buttons', async () => {
    const { page, close } = await open(episode('pictures'));
    const group = page.getByRole('group', { name: 'Transcript timing' });
    const sooner = group.getByRole('button', { name: /half a second sooner/ });
    const later = group.getByRole('button', { name: /half a second later/ });
    // The buttons carry signs, not times that look like values.
    expect([await sooner.innerText(), await later.innerText()]).toEqual(['−', '+']);
    await later.click();
    await later.click();
    const value = group.locator('output');
    expect(await value.innerText()).toBe('+1.0 s');
    const [a, v, b] = await Promise.all([sooner, value, later].map((l) => l.boundingBox()));
    expect(a!.x < v!.x && v!.x < b!.x).toBe(true);
    await close();
  });

  test('a feed address without https:// is tried with it, and the page says so', async () => {
    const { page, close } = await open(episode('pictures'));
    const typed = FEED.replace(/^http:\/\//, '');
    await page.locator('input[aria-label="Feed URL"]').fill(typed);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByText(`tried https://${typed}`).waitFor();
    // The loopback fixture speaks plain http, so that try fails, in words.
    await page.getByRole('alert').filter({ hasText: 'The feed could not be loaded' }).waitFor();
    expect(await page.getByRole('alert').last().innerText()).not.toMatch(/keeps playing/);
    await close();
  });
});
