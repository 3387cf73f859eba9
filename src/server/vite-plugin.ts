import type { Plugin } from 'vite';
import { createProxyMiddleware, PROXY_PATH, type ProxyOptions } from './proxy.ts';

/** Mounts the feed proxy at /api/fetch in `vite` dev and `vite preview`, as `npm start` does. */
export function verbatimProxy(options: Partial<ProxyOptions> = {}): Plugin {
  const middleware = createProxyMiddleware({
    allowPrivate: process.env.ALLOW_PRIVATE_FEEDS === '1',
    ...options,
  });
  return {
    name: 'verbatim-feed-proxy',
    configureServer(server) {
      server.middlewares.use(PROXY_PATH, middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(PROXY_PATH, middleware);
    },
  };
}
