import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { contentTypeFor, isCompressible, isHtml } from './mime.ts';
import { parseRange } from './range.ts';
import { PAGE_CSP, setCommonHeaders } from './security-headers.ts';

export interface StaticOptions {
  /** Absolute directory to serve (the built client, `dist/`). */
  root: string;
  /** Gzip text responses for clients that accept it. Default true. */
  compress?: boolean;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Files smaller than this are not worth a gzip stream. */
const MIN_GZIP_BYTES = 1024;

/**
 * Splits a raw request path into decoded segments, or null when any segment could step
 * outside the root (`..`, encoded slashes, NUL) — checked on raw input, not a normalised URL.
 */
export function safeSegments(rawPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let part: string;
    try {
      part = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (part === '.' || part === '..' || /[/\\\0]/.test(part)) return null;
    segments.push(part);
  }
  return segments;
}

export function createStaticHandler(options: StaticOptions): RequestHandler {
  const compress = options.compress ?? true;
  let realRoot: string | undefined;

  return async (req, res) => {
    setCommonHeaders(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed.\n');
      return;
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const segments = safeSegments(rawPath);
    if (segments === null) return notFound(res);

    // Cache the resolved root only once it exists: dist/ may be built after start.
    realRoot ??= await realpath(options.root).catch(() => undefined);
    const root = realRoot ?? options.root;
    const wanted = segments.length === 0 ? 'index.html' : segments.join('/');
    let file = await findFile(root, wanted);
    if (file === null && !/\.[^/]*$/.test(segments.at(-1) ?? '')) {
      // SPA fallback: deep links like /episode/… are routes of the page, not files.
      file = await findFile(root, 'index.html');
    }
    if (file === null) return notFound(res);
    await sendFile(req, res, file.path, file.stats, segments[0] === 'assets', compress);
  };
}

async function findFile(
  root: string,
  relative: string,
): Promise<{ path: string; stats: Stats } | null> {
  try {
    let path = join(root, relative);
    let stats = await stat(path);
    if (stats.isDirectory()) {
      path = join(path, 'index.html');
      stats = await stat(path);
    }
    if (!stats.isFile()) return null;
    // A symlink inside dist/ must not lead outside it.
    const real = await realpath(path);
    if (real !== root && !real.startsWith(root + sep)) return null;
    return { path: real, stats };
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.end('Not found.\n');
}

function isFresh(req: IncomingMessage, etags: readonly string[], mtime: Date): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch !== undefined) {
    return noneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || etags.includes(tag));
  }
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const sinceMs = Date.parse(since);
  return !Number.isNaN(sinceMs) && Math.floor(mtime.getTime() / 1000) * 1000 <= sinceMs;
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  stats: Stats,
  immutable: boolean,
  compressText: boolean,
): Promise<void> {
  const type = contentTypeFor(path);
  const tag = `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}`;
  const etag = `"${tag}"`;
  const gzipEtag = `"${tag}-gz"`;
  res.setHeader('Content-Type', type);
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', stats.mtime.toUTCString());
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (isHtml(type)) res.setHeader('Content-Security-Policy', PAGE_CSP);
  const compressible = isCompressible(type);
  if (compressible) res.setHeader('Vary', 'Accept-Encoding');

  if (isFresh(req, [etag, gzipEtag], stats.mtime)) {
    res.writeHead(304);
    res.end();
    return;
  }

  // If-Range: a stale validator means the client gets the whole, current file.
  const ifRange = req.headers['if-range'];
  const rangeAllowed =
    ifRange === undefined ||
    ifRange === etag ||
    (!/^(W\/)?"/.test(String(ifRange)) &&
      Date.parse(String(ifRange)) >= Math.floor(stats.mtimeMs / 1000) * 1000);
  const range = rangeAllowed ? parseRange(req.headers.range, stats.size) : null;
  if (range === 'unsatisfiable') {
    res.removeHeader('Content-Type');
    res.writeHead(416, { 'Content-Range': `bytes */${stats.size}` });
    res.end();
    return;
  }
  if (range !== null) {
    res.writeHead(206, {
      'Content-Range': `bytes ${range.start}-${range.end}/${stats.size}`,
      'Content-Length': range.end - range.start + 1,
    });
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(path, { start: range.start, end: range.end }), res).catch(
      () => undefined,
    );
    return;
  }

  const acceptsGzip = /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''));
  if (compressText && compressible && acceptsGzip && stats.size >= MIN_GZIP_BYTES) {
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('ETag', gzipEtag);
    res.writeHead(200);
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(path), createGzip(), res).catch(() => undefined);
    return;
  }
  res.writeHead(200, { 'Content-Length': stats.size });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(createReadStream(path), res).catch(() => undefined);
}
