// `node --import tsx tests/e2e/screenshots.ts [outdir] [name=url …]`: each page at desktop and
// phone widths, light and dark, for looking at what we built. Without pages: the demo at 1:20.
// Add `#sheet=chapters` to a URL to shoot the phone with that sheet open.
import { launchBrowser, openPage } from './browser.ts';

const out = process.argv[2] ?? '/tmp/shots';
const pages = process.argv.slice(3).map((arg) => {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)] as const;
});
if (pages.length === 0) pages.push(['demo', 'http://127.0.0.1:4173/?t=80']);

const browser = await launchBrowser();
for (const [label, url] of pages) {
  const sheet = /#sheet=(\w+)/.exec(url)?.[1];
  for (const [name, width, height] of [
    ['desktop', 1280, 860],
    ['phone', 390, 844],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const { context, page, errors } = await openPage(browser, url.replace(/#sheet=\w+/, ''), {
        width,
        height,
        colorScheme: scheme,
      });
      await page
        .locator('[data-start][data-speaker], nav[aria-label="Chapters"] [data-start]')
        .first()
        .waitFor({ state: 'attached', timeout: 10_000 })
        .catch(() => {});
      if (sheet && name === 'phone') {
        const label = sheet[0]!.toUpperCase() + sheet.slice(1);
        await page
          .getByRole('group', { name: 'More about this episode' })
          .getByRole('button', { name: new RegExp(`^${label}`) })
          .click()
          .catch(() => {});
      }
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${out}/${label}-${name}-${scheme}.png` });
      if (errors.length) console.log(label, name, scheme, errors);
      await context.close();
    }
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
