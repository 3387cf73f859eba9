// `node --import tsx tests/e2e/screenshots.ts [url] [outdir]`: the page at desktop and phone widths,
// light and dark, for looking at what we built.
import { launchBrowser, openPage } from './browser.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/?t=80';
const out = process.argv[3] ?? '/tmp/shots';
const browser = await launchBrowser();
for (const [name, width, height] of [
  ['desktop', 1280, 860],
  ['phone', 390, 844],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const { context, page, errors } = await openPage(browser, url, {
      width,
      height,
      colorScheme: scheme,
    });
    await page
      .locator('[data-start][data-speaker]')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => {});
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/${name}-${scheme}.png` });
    if (errors.length) console.log(name, scheme, errors);
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
