import type { IncomingMessage, ServerResponse } from 'node:http';
import { classifyAddress, type AddressVerdict } from './address.ts';
import { ProxyError } from './proxy-error.ts';
import { safeFetch, systemResolver, type Resolver } from './safe-fetch.ts';
import { PROXIED_CSP, setCommonHeaders } from './security-headers.ts';

export const PROXY_PATH = '/api/fetch';

export type FetchKind = 'feed' | 'transcript' | 'chapters';

const MB = 1024 * 1024;
export const DEFAULT_LIMITS: Readonly<Record<FetchKind, number>> = {
  feed: 25 * MB,
  transcript: 5 * MB,
  chapters: 1 * MB,
};
export const DEFAULT_TIMEOUTS = { connectMs: 5_000, totalMs: 30_000 } as const;

export const ACCEPT: Readonly<Record<FetchKind, string>> = {
  feed: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  transcript:
    'text/vtt, application/x-subrip, application/json, text/html;q=0.9, text/plain;q=0.8, */*;q=0.5',
  chapters: 'application/json+chapters, application/json;q=0.9, application/xml;q=0.8, */*;q=0.5',
};

export interface ProxyOptions {
  /** Lifts the address and port rules: ALLOW_PRIVATE_FEEDS=1, for local testing only. */
  allowPrivate: boolean;
  timeouts?: { connectMs?: number; totalMs?: number };
  /** Maximum decoded body size in bytes, per kind. */
  limits?: Partial<Record<FetchKind, number>>;
  maxRedirects?: number;
  /** DNS resolution; defaults to the system resolver (node:dns lookup, all addresses). */
  resolve?: Resolver;
  /** Which IPs count as public; tests inject one to allow 127.0.0.1 without lifting the rule. */
  checkAddress?: (address: string) => AddressVerdict;
  /** Allow any port while keeping the address rule; tests need it for port-0 servers. */
  allowAnyPort?: boolean;
}

export type ProxyHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
export type ConnectMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

function isKind(value: string): value is FetchKind {
  return value === 'feed' || value === 'transcript' || value === 'chapters';
}

export function defaultCheckAddress(address: string): AddressVerdict {
  return classifyAddress(address) ?? { public: false, reason: 'not an IP address' };
}

function sendError(res: ServerResponse, error: ProxyError): void {
  if (res.headersSent || res.destroyed) return void res.destroy();
  const body: { error: string; status?: number } = { error: error.message };
  if (error.upstreamStatus !== undefined) body.status = error.upstreamStatus;
  const json = JSON.stringify(body);
  res.writeHead(error.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

/** True when a body starts like an HTML document (after a BOM, whitespace and comments). */
export function looksLikeHtmlPage(body: Buffer): boolean {
  const head = body
    .subarray(0, 1024)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const start = head
    .replace(/^(\s|<!--[\s\S]*?-->)*/, '')
    .slice(0, 15)
    .toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

/** `GET /api/fetch?url=…&kind=feed|transcript|chapters`: the page's fallback when CORS blocks it. */
export function createProxyHandler(options: ProxyOptions): ProxyHandler {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  return async (req, res) => {
    setCommonHeaders(res);
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      return sendError(res, new ProxyError(405, 'The proxy only answers GET requests.'));
    }
    const params = new URL(req.url ?? '/', 'http://proxy.invalid').searchParams;
    const target = params.get('url');
    const kind = params.get('kind') ?? 'feed';
    if (target === null || target === '') {
      return sendError(res, new ProxyError(400, 'Say which address to fetch with ?url=.'));
    }
    if (!isKind(kind)) {
      return sendError(res, new ProxyError(400, 'The kind must be feed, transcript or chapters.'));
    }
    // Stop fetching when the page gives up on us.
    const cancel = new AbortController();
    res.on('close', () => cancel.abort());
    try {
      const file = await safeFetch(target, {
        allowPrivate: options.allowPrivate,
        allowAnyPort: options.allowAnyPort ?? false,
        checkAddress: options.checkAddress ?? defaultCheckAddress,
        resolve: options.resolve ?? systemResolver,
        accept: ACCEPT[kind],
        maxBytes: limits[kind],
        maxRedirects: options.maxRedirects ?? 5,
        connectTimeoutMs: timeouts.connectMs,
        totalTimeoutMs: timeouts.totalMs,
        signal: cancel.signal,
      });
      // A web page where a feed was asked for (a show's home page pasted instead of its RSS address).
      if (kind === 'feed' && looksLikeHtmlPage(file.body)) {
        throw new ProxyError(
          422,
          'This address returned a web page, not a podcast feed. Look on the page for its RSS link.',
        );
      }
      res.writeHead(200, {
        // Charset included: the page decodes the bytes itself.
        'Content-Type': file.contentType,
        'Content-Length': file.body.length,
        'Content-Security-Policy': PROXIED_CSP,
        'Cache-Control': 'no-store',
        'X-Final-Url': file.finalUrl,
      });
      res.end(file.body);
    } catch (error) {
      if (!(error instanceof ProxyError)) console.error(error);
      sendError(
        res,
        error instanceof ProxyError ? error : new ProxyError(502, 'The file could not be fetched.'),
      );
    }
  };
}

/** The same handler for Connect-style stacks (Vite dev and preview servers). */
export function createProxyMiddleware(options: ProxyOptions): ConnectMiddleware {
  const handle = createProxyHandler(options);
  return (req, res, next) => {
    handle(req, res).catch(next);
  };
}
