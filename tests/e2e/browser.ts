// Debian's Chromium driven by Playwright (browser downloads are impossible here).
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Loopback only, at no cost per request: every other address goes to a proxy nobody runs (the
 * discard port), and Chromium never proxies loopback. (A Playwright route did this in the hostile
 * sweep, but paused every request for the test process to decide: a fifth of the sweep's time.)
 */
export const LOOPBACK_ONLY = '--proxy-server=http://127.0.0.1:9';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, LOOPBACK_ONLY],
    headless: true,
  });
}

/** Records every media element the page plays, so tests can read the real audio clock. */
const MEDIA_PROBE = `
  window.__media = [];
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...args) {
    if (!window.__media.includes(this)) window.__media.push(this);
    return play.apply(this, args);
  };
  const load = HTMLMediaElement.prototype.load;
  HTMLMediaElement.prototype.load = function (...args) {
    if (!window.__media.includes(this)) window.__media.push(this);
    return load.apply(this, args);
  };
  // howler also plays an empty element to unlock audio: the episode is the last one with a source.
  window.__audio = () => window.__media.filter((m) => m.src).at(-1);
  // Lock-screen controls: keep the handlers the page registers so tests can press them.
  window.__sessionHandlers = {};
  if (navigator.mediaSession) {
    const set = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
    navigator.mediaSession.setActionHandler = (action, handler) => {
      window.__sessionHandlers[action] = handler;
      return set(action, handler);
    };
  }
  // When the first turn became current (for the bench's time-to-highlight).
  new MutationObserver((records, observer) => {
    for (const r of records) {
      if (r.target.getAttribute('aria-current') === 'true' && r.target.hasAttribute('data-speaker')) {
        window.__firstHighlight = performance.now();
        observer.disconnect();
        return;
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
`;

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

export async function openPage(
  browser: Browser,
  url: string,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  await context.addInitScript(MEDIA_PROBE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { context, page, errors };
}

/** The real audio clock: currentTime of the media element the page is playing. */
export function mediaTime(page: Page): Promise<number> {
  return page.evaluate(() => {
    const media = (window as unknown as { __audio: () => HTMLMediaElement | undefined }).__audio();
    return media ? media.currentTime : -1;
  });
}
