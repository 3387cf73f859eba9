import type { Plugin } from 'vite';
import { createProxyMiddleware, PROXY_PATH, type ProxyOptions } from './proxy.ts';
import { alignMiddleware, alignOptionsFromEnv, createAligner } from './align/setup.ts';

/** Mounts the feed proxy at /api/fetch in `vite` dev and `vite preview`, as `npm start` does. */
export function verbatimProxy(options: Partial<ProxyOptions> = {}): Plugin {
  const middleware = createProxyMiddleware({
    allowPrivate: process.env.ALLOW_PRIVATE_FEEDS === '1',
    ...options,
  });
  // Word timing (/api/align) as `npm start` serves it; created on first use, not at config load.
  let aligner: ReturnType<typeof createAligner> | null = null;
  const align = (
    req: Parameters<ReturnType<typeof alignMiddleware>>[0],
    res: Parameters<ReturnType<typeof alignMiddleware>>[1],
    next: (e?: unknown) => void,
  ) => alignMiddleware((aligner ??= createAligner(alignOptionsFromEnv())))(req, res, next);
  return {
    name: 'verbatim-feed-proxy',
    configureServer(server) {
      server.middlewares.use(PROXY_PATH, middleware);
      server.middlewares.use(align);
    },
    configurePreviewServer(server) {
      server.middlewares.use(PROXY_PATH, middleware);
      server.middlewares.use(align);
    },
  };
}
