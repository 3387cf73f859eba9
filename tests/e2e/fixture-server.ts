// A local publisher for browser tests: serves tests/fixtures and the demo audio on 127.0.0.1 with
// HTTP Range, optional CORS, and a log of every request so tests can prove streaming.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypeFor } from '../../src/server/mime.ts';
import { parseRange } from '../../src/server/range.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** URL prefix → folder. */
const MOUNTS: Record<string, string> = {
  fixtures: join(ROOT, 'tests/fixtures'),
  demo: join(ROOT, 'static/demo'),
  generated: join(ROOT, 'test-results/generated'),
};

export interface LoggedRequest {
  method: string;
  path: string;
  range: string | null;
  userAgent: string;
  cookie: string | null;
  status: number;
  /** Bytes actually written before the response ended or the client went away. */
  bytes: number;
}

export interface FixtureServer {
  url: string;
  log: LoggedRequest[];
  close(): Promise<void>;
}

/**
 * Paths: /cors/<mount>/<file> answers with Access-Control-Allow-Origin: *; /plain/<mount>/<file> without
 * (the page must go through the proxy); /status/<code>/… answers that status.
 */
export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const log: LoggedRequest[] = [];
  const failedOnce = new Set<string>();
  const killed = new Set<string>();
  const sockets = new Map<string, Set<Socket>>();
  const held = new Map<string, () => void>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      range: req.headers.range ?? null,
      userAgent: req.headers['user-agent'] ?? '',
      cookie: req.headers.cookie ?? null,
      status: 0,
      bytes: 0,
    };
    log.push(entry);
    const finish = (status: number, body = '') => {
      entry.status = status;
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(body);
    };
    if (url.pathname === '/__kill') {
      const key = url.searchParams.get('key') ?? '';
      killed.add(key);
      for (const socket of sockets.get(key) ?? []) socket.destroy();
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/__release') {
      held.get(url.searchParams.get('key') ?? '')?.();
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/__log') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(log));
      return;
    }
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    let mode = parts.shift();
    // /fault/<kind>/<key>/<mount>/<file>: audio faults. fail-once answers 500 to the first request for
    // a key; stall never answers; drop cuts the body after 16 KiB; norange ignores Range headers;
    // hold sends the first 128 KiB, then the rest only after GET /__release?key=<key> (a big feed
    // still downloading, #15), or is cut by /__kill like die.
    let fault: string | undefined;
    if (mode === 'fault') {
      fault = parts.shift();
      const key = parts.shift() ?? '';
      mode = 'cors';
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (fault === 'stall') return; // never answers (the socket stays open until the client gives up)
      // die: serves normally until GET /__kill?key=<key>; from then on every connection for the
      // key is cut, open ones included: the publisher's server stopped mid-episode (#14).
      if (fault === 'die' || fault === 'hold') {
        if (killed.has(key)) {
          entry.status = -1;
          req.socket.destroy();
          return;
        }
        const open = sockets.get(key) ?? new Set();
        open.add(req.socket);
        sockets.set(key, open);
      }
      if (fault === 'fail-once' && !failedOnce.has(key)) {
        failedOnce.add(key);
        return finish(500, 'fixture failure');
      }
    }
    // /copies/<mount>/<file>: two downloads of one episode differ (ads change per download, #12):
    // the app server's aligner gets <name>.other.<ext>, browsers get <file>.
    const otherCopy = mode === 'copies' && entry.userAgent.startsWith('Verbatim/');
    if (mode === 'copies') mode = 'cors';
    if (mode === 'status') return finish(Number(parts[0]) || 500, 'fixture status');
    // The same with CORS, so the page can read the status (the audio probe, #14).
    if (mode === 'cors-status') {
      res.setHeader('Access-Control-Allow-Origin', '*');
      return finish(Number(parts[0]) || 500, 'fixture status');
    }
    if (mode === 'big') {
      // /big/<MB>: an endless-looking feed without CORS, to hit the proxy's size cap.
      const chunk = Buffer.from('<!-- ' + 'x'.repeat(1018) + ' -->\n');
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>');
      let left = (Number(parts[0]) || 1) * 1024;
      const pump = () => {
        while (left > 0 && res.write(chunk)) left--;
        if (left > 0) res.once('drain', pump);
        else res.end('</channel></rss>');
      };
      res.on('close', () => (left = 0));
      pump();
      return;
    }
    if (mode === 'cors') res.setHeader('Access-Control-Allow-Origin', '*');
    else if (mode !== 'plain') return finish(404, 'unknown mode');
    const folder = MOUNTS[parts.shift() ?? ''];
    if (!folder) return finish(404, 'unknown mount');
    const asked = normalize(join(folder, ...parts));
    const file = otherCopy ? asked.replace(/(\.[^./]+)$/, '.other$1') : asked;
    if (!file.startsWith(folder)) return finish(403);
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return finish(404);
      size = stat.size;
    } catch {
      return finish(404, 'not found');
    }
    const type = contentTypeFor(file) || 'application/octet-stream';
    res.setHeader(
      'Content-Type',
      extname(file) === '.xml' ? 'application/rss+xml; charset=utf-8' : type,
    );
    res.setHeader('Accept-Ranges', 'bytes');
    if (fault === 'hold') {
      const key = url.pathname.split('/')[3] ?? '';
      const bytes = readFileSync(file);
      entry.status = 200;
      res.writeHead(200, { 'Content-Length': String(size) });
      res.write(bytes.subarray(0, 128 * 1024));
      held.set(key, () => res.end(bytes.subarray(128 * 1024)));
      return;
    }
    if (fault === 'norange') {
      // An old server: the whole file every time, no Accept-Ranges.
      res.removeHeader('Accept-Ranges');
      entry.status = 200;
      res.writeHead(200, { 'Content-Length': String(size) });
      const whole = createReadStream(file);
      whole.on('data', (chunk) => (entry.bytes += chunk.length));
      res.on('close', () => whole.destroy());
      return void whole.pipe(res);
    }
    const range = parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${size}`);
      return finish(416);
    }
    const start = range ? range.start : 0;
    const end = range ? range.end : size - 1;
    entry.status = range ? 206 : 200;
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.writeHead(entry.status, { 'Content-Length': String(end - start + 1) });
    if (req.method === 'HEAD' || end < start) return void res.end();
    const stream = createReadStream(file, { start, end });
    stream.on('data', (chunk) => {
      entry.bytes += chunk.length;
      // drop: the connection dies after 64 KiB, once per key, mid-stream.
      if (fault === 'drop' && entry.bytes > 16384 && !failedOnce.has(url.pathname)) {
        failedOnce.add(url.pathname);
        stream.destroy();
        res.socket?.destroy();
      }
    });
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    log,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections(); // stalled requests would hold it open
      }),
  };
}
