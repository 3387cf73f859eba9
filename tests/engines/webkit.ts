// WebKitGTK (Safari's engine) through Debian's WebKitWebDriver and MiniBrowser --automation under Xvfb.
// WebDriver classic only: no BiDi, no init scripts (probes go in after load), no console capture.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import {
  callSource,
  PROBE,
  truthySource,
  type EnginePage,
  type PageFunction,
} from './engine-page.ts';
import { miniBrowserPath, WEBKIT_DRIVER } from './services.ts';
import { KEYS, WebDriverSession, type ElementRef } from './webdriver.ts';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export interface WebKit {
  session: WebDriverSession;
  close(): Promise<void>;
}

export async function launchWebKit(display: string, pulseServer: string): Promise<WebKit> {
  const binary = miniBrowserPath();
  if (!binary) throw new Error('MiniBrowser not found (apt-get install webkit2gtk-driver)');
  const port = await freePort();
  // Its own process group, so stopping it stops the MiniBrowser it started too.
  const driver: ChildProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display, PULSE_SERVER: pulseServer },
    stdio: ['ignore', 'ignore', 'ignore'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/status`)).ok) break;
    } catch {
      // not listening yet
    }
    if (driver.exitCode !== null || Date.now() > deadline) {
      throw new Error(`WebKitWebDriver did not start (exit ${driver.exitCode})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const stop = () => {
    if (driver.exitCode !== null || !driver.pid) return;
    try {
      process.kill(-driver.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  try {
    const session = await WebDriverSession.create(base, {
      alwaysMatch: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      },
    });
    return {
      session,
      close: async () => {
        // Ending the session could take a minute after the suite (MiniBrowser with audio loaded,
        // under load): two seconds for a clean end, then the process group is stopped by PID.
        const grace = new Promise((r) => setTimeout(r, 2000));
        await Promise.race([session.close(), grace]);
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

export function webkitPage(session: WebDriverSession): EnginePage {
  const evaluate = <A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A) =>
    session.execute(callSource(fn as (...a: never[]) => unknown, args)) as Promise<Awaited<R>>;
  const element = async (find: PageFunction<[], Element | null | undefined>) => {
    const ref = (await session.execute(callSource(find as () => unknown, []))) as ElementRef | null;
    if (!ref) throw new Error(`no element for ${find.toString()}`);
    return ref;
  };
  const pointer = (actions: object[]) =>
    session.actions([
      { type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions },
    ]);
  return {
    engine: 'webkit',
    async goto(url) {
      await session.navigate(url);
      await session.execute(PROBE.replace(/^\(\(\) => \{/, '').replace(/\}\)\(\);$/, ''));
    },
    evaluate,
    async waitFor(fn, options, ...args) {
      const deadline = Date.now() + (options.timeout ?? 10_000);
      for (;;) {
        if (await session.execute(truthySource(fn as (...a: never[]) => unknown, args))) return;
        if (Date.now() > deadline)
          throw new Error(`WebKit: timed out waiting for ${options.message ?? fn.toString()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async click(find) {
      await session.clickElement(await element(find));
    },
    async clickAt(x, y) {
      await pointer([
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ]);
    },
    async drag(from, to) {
      const steps = Array.from({ length: 6 }, (_, i) => ({
        type: 'pointerMove',
        duration: 16,
        origin: 'viewport',
        x: Math.round(from[0] + ((to[0] - from[0]) * (i + 1)) / 6),
        y: Math.round(from[1] + ((to[1] - from[1]) * (i + 1)) / 6),
      }));
      await pointer([
        { type: 'pointerMove', x: Math.round(from[0]), y: Math.round(from[1]), origin: 'viewport' },
        { type: 'pointerDown', button: 0 },
        ...steps,
        { type: 'pointerUp', button: 0 },
      ]);
    },
    async press(key) {
      const value = KEYS[key] ?? key;
      await session.actions([
        {
          type: 'key',
          id: 'keyboard',
          actions: [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ],
        },
      ]);
    },
    async setViewport(width, height) {
      // The window has chrome around the view: size it, measure, and correct once.
      await session.setWindowRect({ width, height });
      const inner = (await session.execute('return [innerWidth, innerHeight]')) as [number, number];
      await session.setWindowRect({
        width: width + (width - inner[0]),
        height: height + (height - inner[1]),
      });
    },
    async screenshot(path) {
      writeFileSync(path, await session.screenshot());
    },
    async errors() {
      return (
        ((await session.execute('return window.__errors || []').catch(() => [])) as string[]) ?? []
      );
    },
    async close() {
      // The session (and its one window) is closed by the suite.
    },
  };
}
