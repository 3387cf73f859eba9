// One small page interface over two very different drivers, so the smoke suite is written once:
// Firefox through puppeteer-core over WebDriver BiDi, WebKitGTK through WebDriver classic.

export type EngineName = 'firefox' | 'webkit';

/** A function run in the page: its source is sent, so it may use only its arguments. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PageFunction<A extends unknown[], R> = (...args: A) => R;

export interface EnginePage {
  readonly engine: EngineName;
  /** Opens `url` and waits for the load event; the probes below are in place afterwards. */
  goto(url: string): Promise<void>;
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<Awaited<R>>;
  /** Polls `fn` in the page until it returns something truthy. */
  waitFor<A extends unknown[]>(
    fn: PageFunction<A, unknown>,
    options: { timeout?: number; message?: string },
    ...args: A
  ): Promise<void>;
  /** A real (trusted) click in the middle of the element `find` returns. */
  click(find: PageFunction<[], Element | null | undefined>): Promise<void>;
  /** A real click at viewport coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  /** A real mouse drag between viewport coordinates (selects text). */
  drag(from: [number, number], to: [number, number]): Promise<void>;
  /** Presses one key: a character, or Space, ArrowLeft, ArrowRight, Escape… */
  press(key: string): Promise<void>;
  /** Resizes so the page's viewport is width × height CSS pixels. */
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Console errors and uncaught errors the engine let us see (see probe notes). */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Probes the tests read. Firefox gets them before any page script (a BiDi preload script); WebKit's
 * WebDriver has no init scripts, so they go in after load and see only what happens from then on.
 * The episode's media element is howler's node, reached through the global Howler.
 */
export const PROBE = `(() => {
  if (window.__probed) return;
  window.__probed = true;
  window.__errors = [];
  addEventListener('error', (e) => window.__errors.push('error: ' + e.message));
  addEventListener('unhandledrejection', (e) => window.__errors.push('unhandled: ' + String(e.reason)));
  const consoleError = console.error;
  console.error = (...args) => {
    window.__errors.push(args.map(String).join(' '));
    consoleError.apply(console, args);
  };
  window.__audio = () => {
    const howls = (window.Howler && window.Howler._howls) || [];
    const howl = howls[howls.length - 1];
    return howl && howl._sounds[0] ? howl._sounds[0]._node : undefined;
  };
  // Every play() call on a media element, to tell "the click never asked" from "the engine ignored it".
  // What each element did and what its play() calls came to, for a failure's message.
  window.__playCalls = 0;
  window.__mediaLog = [];
  const log = (what) => window.__mediaLog.push(Math.round(performance.now()) + ' ' + what);
  const watched = new WeakSet();
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...args) {
    if (!this.src || this.src.startsWith('data:')) return play.apply(this, args);
    window.__playCalls++;
    if (!watched.has(this)) {
      watched.add(this);
      const id = window.__playCalls;
      for (const name of ['loadedmetadata', 'canplay', 'canplaythrough', 'playing', 'waiting', 'stalled', 'pause', 'emptied', 'abort', 'error', 'seeking', 'seeked'])
        this.addEventListener(name, () => log('#' + id + ' ' + name + ' rs' + this.readyState));
    }
    const result = play.apply(this, args);
    log('play() rs' + this.readyState + ' paused ' + this.paused);
    if (result && result.then)
      result.then(() => log('play() resolved'), (e) => log('play() rejected ' + (e && e.name)));
    return result;
  };
})();`;

/** Serialises a call of `fn` with JSON arguments, for drivers that take script text. */
export function callSource(fn: (...args: never[]) => unknown, args: unknown[]): string {
  return `return (${fn.toString()}).apply(null, ${JSON.stringify(args)});`;
}

/** Like callSource, but returns only whether the result is truthy (elements do not serialise). */
export function truthySource(fn: (...args: never[]) => unknown, args: unknown[]): string {
  return `return !!(${fn.toString()}).apply(null, ${JSON.stringify(args)});`;
}
