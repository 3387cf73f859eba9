import type { IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { listen, type Listening } from './http-helpers.ts';

/** Latin-1 bytes on purpose: the proxy must pass them and their charset through untouched. */
export const FEED_BYTES = Buffer.from(
  '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\xe9</title></channel></rss>',
  'latin1',
);
export const FEED_TYPE = 'application/rss+xml; charset=ISO-8859-1';

export interface Upstream extends Listening {
  /** Every request the upstream received, in order. */
  seen: Array<{ url: string; headers: IncomingHttpHeaders }>;
  base: string;
}

/** A throwaway publisher on 127.0.0.1 with one route per behaviour the proxy must handle. */
export async function startUpstream(): Promise<Upstream> {
  const seen: Upstream['seen'] = [];
  // 50 MB of zeros gzips to ~50 KB; built on first use to keep other tests fast.
  let bomb: Buffer | undefined;
  const text = Buffer.from('x'.repeat(10_000));
  let port = 0;
  const listening = await listen((req, res) => {
    const url = req.url ?? '/';
    seen.push({ url, headers: req.headers });
    const redirect = /^\/redirect\/(\d+)$/.exec(url);
    if (redirect) {
      const left = Number(redirect[1]);
      res.writeHead(302, { Location: left === 0 ? '/feed.xml' : `/redirect/${left - 1}` });
      return void res.end();
    }
    switch (url) {
      case '/feed.xml':
        res.writeHead(200, { 'Content-Type': FEED_TYPE, 'Set-Cookie': 'session=1' });
        return void res.end(FEED_BYTES);
      case '/no-type':
        return void res.end(FEED_BYTES);
      case '/gzip':
        res.writeHead(200, { 'Content-Type': 'text/vtt', 'Content-Encoding': 'gzip' });
        return void res.end(gzipSync(text));
      case '/br':
        res.writeHead(200, { 'Content-Type': 'text/vtt', 'Content-Encoding': 'br' });
        return void res.end(brotliCompressSync(text));
      case '/deflate-raw':
        res.writeHead(200, { 'Content-Type': 'text/vtt', 'Content-Encoding': 'deflate' });
        return void res.end(deflateRawSync(text));
      case '/big':
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': text.length });
        return void res.end(text);
      case '/big-chunked':
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        for (let i = 0; i < 10; i++) res.write(text.subarray(i * 1000, (i + 1) * 1000));
        return void res.end();
      case '/bomb':
        res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Encoding': 'gzip' });
        bomb ??= gzipSync(Buffer.alloc(50 * 1024 * 1024));
        return void res.end(bomb);
      case '/slow':
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        res.write('<rss>');
        return; // never ends
      case '/missing':
        res.writeHead(404, { 'Content-Type': 'text/html' });
        return void res.end('<h1>Not here</h1>');
      case '/audio':
        res.writeHead(200, { 'Content-Type': 'audio/mpeg' });
        return void res.end(Buffer.alloc(100));
      // Mislabelled media: only the first bytes say what they are.
      case '/mp3-as-octet-stream':
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        return void res.end(
          Buffer.concat([Buffer.from('ID3\x04\x00', 'latin1'), Buffer.alloc(95)]),
        );
      case '/mp3-untyped':
        return void res.end(
          Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(96)]),
        );
      case '/ogg-as-text':
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return void res.end(Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.alloc(96)]));
      case '/m4a-as-xml':
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        return void res.end(Buffer.from('\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00', 'latin1'));
      case '/utf16le-feed':
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        return void res.end(
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss/>', 'utf16le')]),
        );
      case '/video':
        res.writeHead(200, { 'Content-Type': 'Video/MP4; codecs=avc1' });
        return void res.end(Buffer.alloc(100));
      case '/to-file':
        res.writeHead(302, { Location: 'file:///etc/passwd' });
        return void res.end();
      case '/to-ftp':
        res.writeHead(301, { Location: `ftp://127.0.0.1:${port}/feed.xml` });
        return void res.end();
      case '/to-evil-name':
        res.writeHead(307, { Location: `http://evil.test:${port}/feed.xml` });
        return void res.end();
      case '/to-evil-ip':
        res.writeHead(308, { Location: `http://127.0.0.2:${port}/feed.xml` });
        return void res.end();
      case '/to-localhost':
        res.writeHead(302, { Location: `http://localhost:${port}/feed.xml` });
        return void res.end();
      case '/to-metadata':
        res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' });
        return void res.end();
      default:
        res.writeHead(500);
        return void res.end();
    }
  });
  port = listening.port;
  return { ...listening, seen, base: `http://127.0.0.1:${port}` };
}
