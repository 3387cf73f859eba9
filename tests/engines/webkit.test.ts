// The smoke suite in WebKitGTK (MiniBrowser under Xvfb, WebKitWebDriver), plus what an iPhone listener
// leans on: the phone layout, the lock-screen controls (Media Session) and the keyboard map.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { EnginePage } from './engine-page.ts';
import { smokeSuite } from './smoke.ts';
import { launchWebKit, webkitPage, type WebKit } from './webkit.ts';

const engines = inject('engines');
const appUrl = inject('appUrl');

describe.skipIf(engines.skip.webkit !== null)('WebKit', () => {
  let webkit: WebKit | undefined;
  let page: EnginePage | undefined;
  beforeAll(async () => {
    webkit = await launchWebKit(engines.display!, engines.pulse!);
    page = webkitPage(webkit.session);
    await page.setViewport(1280, 860);
  }, 90_000);
  afterAll(async () => {
    await webkit?.close();
  });
  smokeSuite(() => page!);

  test('phone width: no sideways scrolling, the player and lock-screen controls are there', async () => {
    const p = page!;
    await p.setViewport(390, 844);
    try {
      await p.goto(new URL('?t=95', appUrl).href);
      await p.waitFor(() => document.querySelector('[aria-current="true"][data-speaker]'), {
        timeout: 20_000,
      });
      const facts = await p.evaluate(() => ({
        width: innerWidth,
        overflow: document.documentElement.scrollWidth - innerWidth,
        play: [...document.querySelectorAll('button')].some((b) => {
          const r = b.getBoundingClientRect();
          return b.getAttribute('aria-label') === 'Play' && r.width > 0 && r.bottom <= innerHeight;
        }),
        session:
          'mediaSession' in navigator ? (navigator.mediaSession.metadata?.title ?? '') : null,
      }));
      expect(facts.width).toBe(390);
      expect(facts.overflow).toBeLessThanOrEqual(0);
      expect(facts.play).toBe(true);
      // WebKitGTK may build without Media Session; where it has it, the episode is on the lock screen.
      if (facts.session !== null) expect(facts.session).toMatch(/Radio Doctor/);
      mkdirSync('test-results/screenshots', { recursive: true });
      await p.screenshot('test-results/screenshots/webkit-phone.png');
      await p.press('?');
      await p.waitFor(() => document.querySelector('dialog[open]'), { message: 'the shortcuts' });
      await p.screenshot('test-results/screenshots/webkit-phone-keys.png');
      await p.press('Escape');
    } finally {
      await p.setViewport(1280, 860);
    }
  });
});
