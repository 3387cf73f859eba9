// Where the time goes when a 2,000-item feed opens (#15): a CPU profile of one cold load in
// headless Chromium, summarised by self time per function. `node --import tsx tests/bench/feed-profile.ts`
// after `npx vite build`. Prints; asserts nothing.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { launchBrowser } from '../e2e/browser.ts';
import { startFixtureServer } from '../e2e/fixture-server.ts';
import { writeBigFeed } from './feed-bench.ts';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
  });
});
const app = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
  env: { ...process.env, PORT: String(port), ALLOW_PRIVATE_FEEDS: '1' },
  stdio: 'ignore',
});
writeBigFeed();
const fixtures = await startFixtureServer();
const base = `http://127.0.0.1:${port}/`;
for (
  let i = 0;
  i < 100 &&
  !(await fetch(base).then(
    (r) => r.ok,
    () => false,
  ));
  i++
)
  await new Promise((r) => setTimeout(r, 100));
const browser = await launchBrowser();
try {
  const feedUrl = `${fixtures.url}/cors/generated/feed-2000.xml`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${base}?${new URLSearchParams({ feed: feedUrl })}`);
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-label="Episodes"] > li').length > 0,
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  const listed = await page.evaluate(() => performance.now());
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-label="Episodes"] > li').length >= 2000,
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  const all = await page.evaluate(() => performance.now());
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  };
  console.log(`first items listed ${listed.toFixed(0)} ms, all 2,000 ${all.toFixed(0)} ms`);
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000),
  );
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  await context.close();
} finally {
  await browser.close();
  await fixtures.close();
  app.kill();
}
