// Wiring the aligner with its limits, for `npm start` and the Vite dev server alike.
// ALIGN=off turns it off; ALLOW_PRIVATE_FEEDS=1 lets it fetch from private addresses (tests).
// ALIGN_CACHE_DIR moves the cache (default .cache/align under the working directory).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressVerdict } from '../address.ts';
import { defaultCheckAddress } from '../proxy.ts';
import { systemResolver, type Resolver } from '../safe-fetch.ts';
import { AlignCache } from './cache.ts';
import { createLocalJobs, type AlignJobs } from './jobs.ts';
import { ownFile } from './own-file.ts';
import { createWorkerPool, type WindowAligner } from './pool.ts';
import { ALIGN_PATH, createAlignHandler, type AlignHandler } from './route.ts';

const MB = 1024 * 1024;

export interface AlignOptions {
  enabled: boolean;
  allowPrivate: boolean;
  allowAnyPort?: boolean;
  checkAddress?: (address: string) => AddressVerdict;
  resolve?: Resolver;
  cacheDir?: string;
  cacheBytes?: number;
  maxBytes?: number;
  maxSeconds?: number;
  fetchTimeoutMs?: number;
  decodeTimeoutMs?: number;
  threads?: number;
  maxRunning?: number;
  maxQueued?: number;
  aligner?: WindowAligner;
  /** The server's static root: audio it publishes itself (the demo) is read from here (#12). */
  staticRoot?: string;
}

export function alignOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AlignOptions {
  return {
    enabled: env.ALIGN !== 'off',
    allowPrivate: env.ALLOW_PRIVATE_FEEDS === '1',
    cacheDir: env.ALIGN_CACHE_DIR,
  };
}

export interface Aligner {
  handle: AlignHandler;
  jobs: AlignJobs | null;
  close(): Promise<void>;
}

export function createAligner(o: AlignOptions): Aligner {
  if (!o.enabled)
    return { handle: createAlignHandler(null), jobs: null, close: async () => undefined };
  const cacheDir = resolve(o.cacheDir ?? join('.cache', 'align'));
  const aligner =
    o.aligner ?? createWorkerPool({ threads: o.threads, modelDir: join(cacheDir, 'model') });
  const jobs = createLocalJobs({
    workDir: join(tmpdir(), `verbatim-align-${process.pid}`),
    cache: new AlignCache(join(cacheDir, 'results'), o.cacheBytes ?? 200 * MB),
    aligner,
    maxRunning: o.maxRunning ?? 2,
    maxQueued: o.maxQueued ?? 6,
    maxLater: 180,
    maxEarlier: 60,
    fetch: {
      allowPrivate: o.allowPrivate,
      allowAnyPort: o.allowAnyPort ?? false,
      checkAddress: o.checkAddress ?? defaultCheckAddress,
      resolve: o.resolve ?? systemResolver,
      connectTimeoutMs: 10_000,
      maxBytes: o.maxBytes ?? 400 * MB,
      maxRedirects: 5,
      totalTimeoutMs: o.fetchTimeoutMs ?? 5 * 60_000,
    },
    decode: { maxSeconds: o.maxSeconds ?? 4 * 3600, timeoutMs: o.decodeTimeoutMs ?? 3 * 60_000 },
  });
  const own = o.staticRoot ? ownFile(o.staticRoot) : undefined;
  return { handle: createAlignHandler(jobs, own), jobs, close: () => jobs.close() };
}

export { ALIGN_PATH };

/** True when a request belongs to the aligner. */
export function isAlignPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?', 1)[0] ?? '/';
  return path === ALIGN_PATH || path.startsWith(`${ALIGN_PATH}/`);
}

/** The aligner as Connect middleware (Vite dev and preview), mounted at the site root. */
export function alignMiddleware(a: Aligner) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    if (!isAlignPath(req.url)) return next();
    a.handle(req, res).catch(next);
  };
}
