// Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi. Playwright's Firefox needs its own
// patched build (and its BiDi mode fails on newContext); puppeteer talks to the stock one.
import { writeFileSync } from 'node:fs';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { FIREFOX } from './services.ts';
import {
  callSource,
  PROBE,
  truthySource,
  type EnginePage,
  type PageFunction,
} from './engine-page.ts';

export async function launchFirefox(pulseServer: string | null): Promise<Browser> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // No PulseAudio: point at a socket that does not exist, so Firefox has no audio output at all.
  env['PULSE_SERVER'] = pulseServer ?? 'unix:/nonexistent/verbatim-no-audio';
  delete env['DISPLAY'];
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    env,
    extraPrefsFirefox: {
      // Like the Chromium suite's --autoplay-policy flag: tests press Play with synthetic input.
      'media.autoplay.default': 0,
      'media.autoplay.blocking_policy': 0,
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
    },
  });
}

export async function firefoxPage(browser: Browser): Promise<EnginePage> {
  const page: Page = await browser.newPage();
  await page.evaluateOnNewDocument(PROBE);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const evaluate = <A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A) =>
    page.evaluate(
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      new Function(callSource(fn as (...a: never[]) => unknown, args)) as () => R,
    ) as Promise<Awaited<R>>;
  const center = async (find: PageFunction<[], Element | null | undefined>) => {
    const handle = await page.evaluateHandle(
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      new Function(callSource(find as () => unknown, [])) as () => Element,
    );
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (!element) throw new Error(`no element for ${find.toString()}`);
    return element;
  };
  return {
    engine: 'firefox',
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate,
    async waitFor(fn, options, ...args) {
      const deadline = Date.now() + (options.timeout ?? 10_000);
      for (;;) {
        const source = truthySource(fn as (...a: never[]) => unknown, args);
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        if (await page.evaluate(new Function(source) as () => boolean)) return;
        if (Date.now() > deadline)
          throw new Error(`Firefox: timed out waiting for ${options.message ?? fn.toString()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async click(find) {
      const element = await center(find);
      await element.scrollIntoView();
      await element.click();
    },
    async clickAt(x, y) {
      await page.mouse.click(x, y);
    },
    async drag(from, to) {
      await page.mouse.move(from[0], from[1]);
      await page.mouse.down();
      await page.mouse.move(to[0], to[1], { steps: 6 });
      await page.mouse.up();
    },
    async press(key) {
      await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
    },
    async setViewport(width, height) {
      await page.setViewport({ width, height });
    },
    async screenshot(path) {
      writeFileSync(path, await page.screenshot());
    },
    async errors() {
      return [...errors];
    },
    async close() {
      await page.close().catch(() => undefined);
    },
  };
}
