// The smoke suite in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi), with a PulseAudio
// null sink as its audio output; and Firefox with no audio output at all.
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { EnginePage } from './engine-page.ts';
import { firefoxPage, launchFirefox } from './firefox.ts';
import { smokeSuite } from './smoke.ts';

const engines = inject('engines');
const appUrl = inject('appUrl');

describe.skipIf(engines.skip.firefox !== null)('Firefox', () => {
  let browser: Browser | undefined;
  let page: EnginePage | undefined;
  beforeAll(async () => {
    browser = await launchFirefox(engines.pulse);
    page = await firefoxPage(browser);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
  });
  smokeSuite(() => page!);

  test('with no audio output, reconnecting gives up with an error instead of looping', async () => {
    // #13: Firefox fires `playing` just before each failure, and every `playing` reset the retry
    // count: 34 reloads in 40 s, never an error.
    const mute = await launchFirefox(null);
    try {
      const p = await firefoxPage(mute);
      await p.goto(appUrl);
      await p.waitFor(() => document.querySelector('[aria-label="Transcript"] [data-start]'), {
        timeout: 20_000,
      });
      const reloads = await p.evaluate(() => {
        const w = window as unknown as { __loads: number };
        w.__loads = 0;
        const load = HTMLMediaElement.prototype.load;
        HTMLMediaElement.prototype.load = function () {
          w.__loads++;
          return load.call(this);
        };
        return w.__loads;
      });
      expect(reloads).toBe(0);
      await p.click(() =>
        [...document.querySelectorAll('button')].find(
          (b) => b.getAttribute('aria-label') === 'Play',
        ),
      );
      await p.waitFor(
        () =>
          [...document.querySelectorAll('[role="alert"]')].some((a) =>
            /no working sound output/.test(a.textContent ?? ''),
          ),
        { timeout: 30_000, message: 'an error naming the missing sound output' },
      );
      const loads = await p.evaluate(() => (window as unknown as { __loads: number }).__loads);
      expect(loads).toBeLessThanOrEqual(4);
    } finally {
      await mute.close();
    }
  }, 90_000);
});
