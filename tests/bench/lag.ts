// Highlight lag: seek half a second before a turn boundary, play, and read the audio clock at the
// moment that turn gains aria-current. Lag = clock − the turn's start (what the listener hears
// before the page shows it).
import type { Page } from 'playwright-core';

/** Lags in ms at up to `count` turn boundaries at least a second after the previous turn, from `from` seconds on. */
export async function measureLag(page: Page, count: number, from = 0): Promise<number[]> {
  const starts = await page
    .locator('[aria-label="Transcript"] [data-start][data-speaker]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-start'))));
  const lags: number[] = [];
  for (const [i, start] of starts.entries()) {
    if (i === 0 || start < from || lags.length >= count || start - (starts[i - 1] ?? 0) < 1)
      continue;
    const lag = await page.evaluate(
      async ({ index, at }) => {
        const audio = (window as unknown as { __audio: () => HTMLMediaElement | undefined })
          .__audio;
        const target = document.querySelectorAll(
          '[aria-label="Transcript"] [data-start][data-speaker]',
        )[index]!;
        // Seek half a second before the boundary with the slider, as a listener would.
        const slider = document.querySelector('input[aria-label="Seek"]') as HTMLInputElement;
        slider.value = String(at - 0.5);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        slider.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 250));
        const result = new Promise<number>((done) => {
          new MutationObserver((_, observer) => {
            if (target.getAttribute('aria-current') === 'true') {
              observer.disconnect();
              done((audio()?.currentTime ?? NaN) - at);
            }
          }).observe(target, { attributes: true, attributeFilter: ['aria-current'] });
          setTimeout(() => done(NaN), 4000);
        });
        (document.querySelector('button[aria-label="Play"]') as HTMLButtonElement | null)?.click();
        const value = await result;
        (document.querySelector('button[aria-label="Pause"]') as HTMLButtonElement | null)?.click();
        return value;
      },
      { index: i, at: start },
    );
    if (Number.isFinite(lag)) lags.push(lag * 1000);
  }
  return lags;
}
