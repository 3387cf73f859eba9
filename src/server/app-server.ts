import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createProxyHandler, PROXY_PATH, type ProxyOptions } from './proxy.ts';
import { createStaticHandler, type RequestHandler } from './static.ts';
import {
  alignOptionsFromEnv,
  createAligner,
  isAlignPath,
  type AlignOptions,
} from './align/setup.ts';

export interface AppServerOptions {
  /** Absolute directory holding the built client. */
  root: string;
  /** Proxy settings; `allowPrivate` lifts the address rule (ALLOW_PRIVATE_FEEDS=1). */
  proxy: ProxyOptions;
  /** Word timing (/api/align); defaults from the environment (ALIGN=off turns it off). */
  align?: AlignOptions;
}

/** One handler for `npm start`: the feed proxy at /api/fetch, the built client elsewhere. */
export function createAppHandler(options: AppServerOptions): RequestHandler {
  const serveStatic = createStaticHandler({ root: options.root });
  const proxy = createProxyHandler(options.proxy);
  const align = createAligner({
    ...(options.align ?? alignOptionsFromEnv()),
    staticRoot: options.align?.staticRoot ?? options.root,
  });
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    try {
      if (path === PROXY_PATH) await proxy(req, res);
      else if (isAlignPath(path)) await align.handle(req, res);
      else await serveStatic(req, res);
    } catch (error) {
      // A handler bug must not take the server down; answer 500 if nothing was sent yet.
      console.error(error);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Internal error.\n');
      } else {
        res.destroy();
      }
    }
  };
}

export function createServer(options: AppServerOptions): Server {
  const handler = createAppHandler(options);
  return createHttpServer((req, res) => void handler(req, res));
}
