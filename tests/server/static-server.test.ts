import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/app-server.ts';
import { contentTypeFor } from '../../src/server/mime.ts';
import { parseRange } from '../../src/server/range.ts';
import { get, jsonOf } from './http-helpers.ts';

let dir = '';
let port = 0;
let close: () => Promise<void> = async () => undefined;
const audio = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
const script = 'console.log("verbatim");\n'.repeat(200);
const html =
  '<!doctype html><title>Verbatim</title><script type="module" src="/assets/app.js"></script>';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-static-'));
  const root = join(dir, 'dist');
  await mkdir(join(root, 'assets'), { recursive: true });
  await mkdir(join(root, 'demo'));
  await writeFile(join(dir, 'secret.txt'), 'TOP SECRET');
  await writeFile(join(root, 'index.html'), html);
  await writeFile(join(root, 'assets', 'app.js'), script);
  await writeFile(join(root, 'demo', 'episode.mp3'), audio);
  await writeFile(join(root, 'demo', 'episode.vtt'), 'WEBVTT\n');
  await symlink(join(dir, 'secret.txt'), join(root, 'leak.txt'));
  const server = createServer({ root, proxy: { allowPrivate: false } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
  close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
});

afterAll(async () => {
  await close();
  await rm(dir, { recursive: true, force: true });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.vtt', 'text/vtt; charset=utf-8'],
    ['a.MP3', 'audio/mpeg'],
    ['a.ogg', 'audio/ogg'],
    ['a.opus', 'audio/ogg; codecs=opus'],
    ['a.m4a', 'audio/mp4'],
    ['a.wav', 'audio/wav'],
    ['a.webm', 'audio/webm'],
    ['a.flac', 'audio/flac'],
    ['feed.xml', 'application/xml'],
    ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['favicon.ico', 'image/x-icon'],
    ['font.woff2', 'font/woff2'],
    ['README', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=990-', { start: 990, end: 999 }],
    ['bytes=-10', { start: 990, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=500-5000', { start: 500, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=0-1,5-6', null],
    ['bytes=9-2', null],
    ['items=0-1', null],
    ['bytes=-', null],
  ] as const)('%s of 1000 bytes', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe('static server', () => {
  it('serves index.html at / with the page CSP and no-cache', async () => {
    const reply = await get(port, '/');
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(html);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; img-src * data: blob:; media-src * blob: data:; connect-src *; style-src 'self' 'unsafe-inline'; font-src 'self'",
    );
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('falls back to index.html for extensionless routes, 404 for missing files', async () => {
    const route = await get(port, '/episode/some-guid?t=30');
    expect(route.status).toBe(200);
    expect(route.text).toBe(html);
    expect(route.headers['content-security-policy']).toContain("script-src 'self'");
    const missing = await get(port, '/missing.png');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBeUndefined();
  });

  it('marks hashed assets immutable and gives media their types', async () => {
    const js = await get(port, '/assets/app.js');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toBeUndefined();
    expect((await get(port, '/demo/episode.mp3')).headers['content-type']).toBe('audio/mpeg');
    expect((await get(port, '/demo/episode.vtt')).headers['content-type']).toBe(
      'text/vtt; charset=utf-8',
    );
  });

  it('answers ranges with 206 and the exact bytes', async () => {
    const mid = await get(port, '/demo/episode.mp3', { Range: 'bytes=10-19' });
    expect(mid.status).toBe(206);
    expect(mid.headers['content-range']).toBe('bytes 10-19/1000');
    expect(mid.headers['content-length']).toBe('10');
    expect(mid.body.equals(audio.subarray(10, 20))).toBe(true);

    const open = await get(port, '/demo/episode.mp3', { Range: 'bytes=990-' });
    expect(open.status).toBe(206);
    expect(open.body.equals(audio.subarray(990))).toBe(true);

    const suffix = await get(port, '/demo/episode.mp3', { Range: 'bytes=-5' });
    expect(suffix.headers['content-range']).toBe('bytes 995-999/1000');
    expect(suffix.body.equals(audio.subarray(995))).toBe(true);

    const whole = await get(port, '/demo/episode.mp3');
    expect(whole.status).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.equals(audio)).toBe(true);
  });

  it('answers 416 for unsatisfiable ranges and ignores ranges for a stale If-Range', async () => {
    const beyond = await get(port, '/demo/episode.mp3', { Range: 'bytes=1000-' });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */1000');
    const stale = await get(port, '/demo/episode.mp3', { Range: 'bytes=0-1', 'If-Range': '"old"' });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBe(1000);
  });

  it('answers HEAD without a body, and 304 for a matching ETag', async () => {
    const head = await get(port, '/demo/episode.mp3', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('1000');
    expect(head.body.length).toBe(0);
    const etag = head.headers.etag ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await get(port, '/demo/episode.mp3', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const since = await get(port, '/demo/episode.mp3', {
      'If-Modified-Since': head.headers['last-modified'] ?? '',
    });
    expect(since.status).toBe(304);
  });

  it('gzips text for clients that accept it, but never a range', async () => {
    const zipped = await get(port, '/assets/app.js', { 'Accept-Encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(script);
    const ranged = await get(port, '/assets/app.js', {
      'Accept-Encoding': 'gzip',
      Range: 'bytes=0-6',
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-encoding']).toBeUndefined();
    expect(ranged.text).toBe('console');
    const audioReply = await get(port, '/demo/episode.mp3', { 'Accept-Encoding': 'gzip' });
    expect(audioReply.headers['content-encoding']).toBeUndefined();
  });

  it.each([
    '/../secret.txt',
    '/demo/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/demo/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/demo/%00/x',
    '/%E0%A4%A',
    '/leak.txt',
  ])('refuses to escape the root via %s', async (path) => {
    const reply = await get(port, path);
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain('TOP SECRET');
  });

  it('rejects methods other than GET and HEAD', async () => {
    const reply = await get(port, '/', {}, 'POST');
    expect(reply.status).toBe(405);
  });

  it('routes /api/fetch to the proxy', async () => {
    const reply = await get(port, '/api/fetch');
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(typeof jsonOf(reply).error).toBe('string');
  });
});
