// The smoke suite in WebKitGTK (MiniBrowser under Xvfb, WebKitWebDriver), plus what an iPhone listener
// leans on: the phone layout, the lock-screen controls (Media Session) and the keyboard map.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { EnginePage } from './engine-page.ts';
import { startPhoneFrame } from './phone-frame.ts';
import { smokeSuite } from './smoke.ts';
import { launchWebKit, webkitPage, type WebKit } from './webkit.ts';

const engines = inject('engines');
const appUrl = inject('appUrl');

describe.skipIf(engines.skip.webkit !== null)('WebKit', () => {
  let webkit: WebKit | undefined;
  let page: EnginePage | undefined;
  const start = async () => {
    webkit = await launchWebKit(engines.display!, engines.pulse!);
    page = webkitPage(webkit.session);
    await page.setViewport(1280, 860);
  };
  beforeAll(start, 90_000);
  // A browser that died in one test (MiniBrowser under heavy load) fails that test only: the next
  // one gets a new browser instead of "invalid session id".
  beforeEach(async () => {
    const alive = await webkit?.session.execute('return 1').then(
      () => true,
      () => false,
    );
    if (alive) return;
    await webkit?.close().catch(() => undefined);
    await start();
  }, 90_000);
  afterAll(async () => {
    await webkit?.close();
  });
  smokeSuite(() => page!);

  test('phone width (390 × 844): no sideways scrolling, Play in reach, lock-screen metadata, the keyboard map', async () => {
    const p = page!;
    const phone = await startPhoneFrame(appUrl);
    try {
      await p.goto(phone.url('/?t=95'));
      await p.waitFor(
        () =>
          document
            .querySelector<HTMLIFrameElement>('#phone')
            ?.contentDocument?.querySelector('[aria-current="true"][data-speaker]'),
        { timeout: 20_000, message: 'the app in the phone frame' },
      );
      // The lock-screen controls load after the first view (#11): give them a moment where they exist.
      await p
        .waitFor(
          () => {
            const w = document.querySelector<HTMLIFrameElement>('#phone')!.contentWindow!;
            return !('mediaSession' in w.navigator) || w.navigator.mediaSession.metadata !== null;
          },
          { timeout: 10_000, message: 'lock-screen metadata' },
        )
        .catch(() => undefined);
      const facts = await p.evaluate(() => {
        const w = document.querySelector<HTMLIFrameElement>('#phone')!.contentWindow!;
        const d = w.document;
        return {
          width: w.innerWidth,
          overflow: d.documentElement.scrollWidth - w.innerWidth,
          play: [...d.querySelectorAll('button')].some((b) => {
            const r = b.getBoundingClientRect();
            return (
              b.getAttribute('aria-label') === 'Play' && r.width >= 40 && r.bottom <= w.innerHeight
            );
          }),
          session:
            'mediaSession' in w.navigator ? (w.navigator.mediaSession.metadata?.title ?? '') : null,
        };
      });
      expect(facts.width).toBe(390);
      expect(facts.overflow).toBeLessThanOrEqual(0);
      expect(facts.play).toBe(true);
      // Where WebKitGTK has Media Session, the episode is what the lock screen shows.
      if (facts.session !== null) expect(facts.session).toMatch(/Radio Doctor/);
      mkdirSync('test-results/screenshots', { recursive: true });
      await p.screenshot('test-results/screenshots/webkit-phone.png');
      // The keyboard map: focus the app, press ?, the shortcuts dialog lists Space.
      // The keyboard map, pressed inside the frame (WebDriver works in one frame at a time).
      await webkit!.session.command('POST', '/frame', { id: 0 });
      await p.click(() => document.querySelector('h1'));
      await p.press('?');
      await p.waitFor(
        () => document.querySelector('dialog[open]')?.textContent?.includes('Space'),
        {
          message: 'the shortcuts dialog',
        },
      );
      await webkit!.session.command('POST', '/frame', { id: null });
      await p.screenshot('test-results/screenshots/webkit-phone-keys.png');
    } finally {
      await webkit!.session.command('POST', '/frame', { id: null }).catch(() => undefined);
      await phone.close();
    }
  });
});
