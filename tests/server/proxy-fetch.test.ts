import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHandler, type ProxyOptions } from '../../src/server/proxy.ts';
import { get, jsonOf, listen, type Listening, type Reply } from './http-helpers.ts';
import { FEED_BYTES, FEED_TYPE, startUpstream, type Upstream } from './upstream-fixture.ts';

// allowPrivate=true (ALLOW_PRIVATE_FEEDS=1) so the proxy may reach the upstream on 127.0.0.1.

let upstream: Upstream;
const proxies: Listening[] = [];

async function startProxy(options: Partial<ProxyOptions> = {}): Promise<number> {
  const handler = createProxyHandler({ allowPrivate: true, ...options });
  const proxy = await listen((req, res) => void handler(req, res));
  proxies.push(proxy);
  return proxy.port;
}

let port = 0;
const ask = (path: string, kind?: string, proxyPort = port): Promise<Reply> =>
  get(
    proxyPort,
    `/api/fetch?url=${encodeURIComponent(upstream.base + path)}${kind ? `&kind=${kind}` : ''}`,
    {
      Cookie: 'session=secret',
      Authorization: 'Bearer secret',
      'X-Forwarded-For': '10.9.8.7',
      Referer: 'http://127.0.0.1/secret-page',
    },
  );

function expectJsonError(reply: Reply, status: number, words: string): void {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toBe('application/json');
  expect(String(jsonOf(reply).error)).toContain(words);
}

beforeAll(async () => {
  upstream = await startUpstream();
  port = await startProxy({ limits: { feed: 64 * 1024, transcript: 20_000, chapters: 5_000 } });
});

afterAll(async () => {
  await Promise.all([upstream.close(), ...proxies.map((p) => p.close())]);
});

describe('proxy fetching', () => {
  it('returns the body byte for byte with the upstream type and charset', async () => {
    const reply = await ask('/feed.xml');
    expect(reply.status).toBe(200);
    expect(reply.body.equals(FEED_BYTES)).toBe(true);
    expect(reply.headers['content-type']).toBe(FEED_TYPE);
    expect(reply.headers['x-final-url']).toBe(`${upstream.base}/feed.xml`);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('forwards no cookies, credentials or client headers', async () => {
    await ask('/feed.xml', 'feed');
    const headers = upstream.seen.at(-1)?.headers ?? {};
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-forwarded-for']).toBeUndefined();
    expect(headers.referer).toBeUndefined();
    expect(headers['user-agent']).toBe('Verbatim/0.1 (+podcast player)');
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers.accept).toContain('application/rss+xml');
  });

  it('defaults a missing content type to application/octet-stream', async () => {
    const reply = await ask('/no-type');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/octet-stream');
  });

  it.each(['/gzip', '/br', '/deflate-raw'])('decodes %s', async (path) => {
    const reply = await ask(path, 'transcript');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.text).toBe('x'.repeat(10_000));
    expect(upstream.seen.at(-1)?.headers.accept).toContain('text/vtt');
  });

  it('follows up to 5 redirects and reports the final URL', async () => {
    const before = upstream.seen.length;
    const reply = await ask('/redirect/4');
    expect(reply.status).toBe(200);
    expect(reply.body.equals(FEED_BYTES)).toBe(true);
    expect(reply.headers['x-final-url']).toBe(`${upstream.base}/feed.xml`);
    expect(upstream.seen.length - before).toBe(6);
  });

  it('refuses a sixth redirect', async () => {
    const before = upstream.seen.length;
    expectJsonError(await ask('/redirect/5'), 502, 'more than 5 times');
    expect(upstream.seen.length - before).toBe(6);
  });

  it('refuses redirects to file: and ftp: even when private addresses are allowed', async () => {
    expectJsonError(await ask('/to-file'), 400, 'http and https');
    expectJsonError(await ask('/to-ftp'), 400, 'http and https');
  });

  it('answers 413 when Content-Length is over the limit, or the streamed body grows past it', async () => {
    expectJsonError(await ask('/big', 'chapters'), 413, 'larger than');
    expectJsonError(await ask('/big-chunked', 'chapters'), 413, 'larger than');
    // Same file under a kind with room for it.
    expect((await ask('/big-chunked', 'transcript')).status).toBe(200);
  });

  it('stops a gzip bomb at the decoded-size cap', async () => {
    const started = performance.now();
    expectJsonError(await ask('/bomb', 'feed'), 413, 'larger than');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('answers 502 with the upstream status for upstream errors', async () => {
    const reply = await ask('/missing');
    expect(reply.status).toBe(502);
    expect(jsonOf(reply)).toEqual({ error: 'The server answered 404 Not Found.', status: 404 });
  });

  it.each(['/audio', '/video'])('never proxies %s', async (path) => {
    expectJsonError(await ask(path), 415, 'audio streams directly from the publisher');
  });

  it.each(['/mp3-as-octet-stream', '/mp3-untyped', '/ogg-as-text', '/m4a-as-xml'])(
    'never proxies audio sent under another type: %s',
    async (path) => {
      expectJsonError(await ask(path), 415, 'audio streams directly from the publisher');
    },
  );

  it('passes a UTF-16 feed whose byte-order mark looks like an MP3 frame start', async () => {
    const reply = await ask('/utf16le-feed');
    expect(reply.status).toBe(200);
    expect(reply.body.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
  });

  it('answers 504 when the upstream is too slow', async () => {
    const slow = await startProxy({ timeouts: { totalMs: 300 } });
    const started = performance.now();
    expectJsonError(
      await ask('/slow', 'feed', slow),
      504,
      'did not send the file within 0.3 seconds',
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('answers 502 when nothing listens', async () => {
    const gone = await listen(() => undefined);
    const deadPort = gone.port;
    await gone.close();
    const reply = await get(
      port,
      `/api/fetch?url=${encodeURIComponent(`http://127.0.0.1:${deadPort}/feed.xml`)}`,
    );
    expectJsonError(reply, 502, 'refused the connection');
  });
});
