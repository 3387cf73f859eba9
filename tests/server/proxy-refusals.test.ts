import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultCheckAddress,
  createProxyHandler,
  type ProxyOptions,
} from '../../src/server/proxy.ts';
import type { Resolver } from '../../src/server/safe-fetch.ts';
import { get, jsonOf, listen, type Listening, type Reply } from './http-helpers.ts';
import { FEED_BYTES, startUpstream, type Upstream } from './upstream-fixture.ts';

// With allowPrivate=false. Hosts that are not 127.0.0.1 are only ever looked up through an
// injected resolver, so no request or DNS query leaves this machine.

let upstream: Upstream;
const proxies: Listening[] = [];
const lookups: string[] = [];

/** Resolves the listed names only, and records every lookup. */
const fakeResolver =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) => {
    lookups.push(hostname);
    const addresses = table[hostname];
    if (addresses === undefined) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

async function startProxy(options: Partial<ProxyOptions> = {}): Promise<number> {
  const handler = createProxyHandler({
    allowPrivate: false,
    resolve: fakeResolver({}),
    ...options,
  });
  const proxy = await listen((req, res) => void handler(req, res));
  proxies.push(proxy);
  return proxy.port;
}

const ask = (port: number, url: string, kind?: string): Promise<Reply> =>
  get(port, `/api/fetch?url=${encodeURIComponent(url)}${kind ? `&kind=${kind}` : ''}`, {
    Cookie: 'session=secret',
    Authorization: 'Bearer secret',
  });

function expectRefusal(reply: Reply, status: number, words: string): void {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toBe('application/json');
  const error = jsonOf(reply).error;
  expect(typeof error).toBe('string');
  expect(String(error)).toContain(words);
}

beforeAll(async () => {
  upstream = await startUpstream();
});

afterAll(async () => {
  await Promise.all([upstream.close(), ...proxies.map((p) => p.close())]);
});

describe('proxy refusals before any connection', () => {
  let port = 0;
  beforeAll(async () => {
    // Any port, so the address rule (not the port rule) is what refuses the loopback upstream.
    port = await startProxy({ allowAnyPort: true });
  });

  it.each([
    ['loopback', () => `${upstream.base}/feed.xml`, 'loopback'],
    ['127.1', () => `http://127.1:${upstream.port}/feed.xml`, 'loopback'],
    ['decimal', () => `http://2130706433:${upstream.port}/feed.xml`, 'loopback'],
    ['hex', () => `http://0x7f000001:${upstream.port}/feed.xml`, 'loopback'],
    ['octal', () => `http://0177.0.0.1:${upstream.port}/feed.xml`, 'loopback'],
    ['IPv6 loopback', () => `http://[::1]:${upstream.port}/`, 'loopback'],
    ['IPv4-mapped', () => `http://[::ffff:127.0.0.1]:${upstream.port}/`, 'loopback'],
    ['IPv4-mapped hex', () => `http://[::ffff:7f00:1]:${upstream.port}/`, 'loopback'],
    ['metadata', () => 'http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['private', () => 'http://10.0.0.1/feed.xml', 'private'],
    ['unspecified', () => 'http://0.0.0.0/', 'unspecified'],
    ['IPv6 link-local', () => 'http://[fe80::1]/', 'link-local'],
    ['localhost', () => `http://localhost:${upstream.port}/feed.xml`, 'local name'],
  ])('refuses %s with 403', async (_name, url, words) => {
    lookups.length = 0;
    const before = upstream.seen.length;
    expectRefusal(await ask(port, url()), 403, words);
    expect(upstream.seen.length).toBe(before);
    expect(lookups).toEqual([]);
  });

  it.each([
    ['ftp:', 'ftp://127.0.0.1/feed.xml', 'http and https'],
    ['file:', 'file:///etc/passwd', 'http and https'],
    ['javascript:', 'javascript:alert(1)', 'http and https'],
    ['data:', 'data:text/plain,hello', 'http and https'],
    ['credentials', 'http://user:pass@feeds.example/feed.xml', 'user name or password'],
    ['a relative URL', '/feed.xml', 'valid absolute URL'],
    ['garbage', 'not a url', 'valid absolute URL'],
    ['an invalid IPv4 host', 'http://1.2.3.256/', 'valid absolute URL'],
  ])('refuses %s with 400', async (_name, url, words) => {
    expectRefusal(await ask(port, url), 400, words);
  });

  it('refuses a missing url, an unknown kind and other methods', async () => {
    expectRefusal(await get(port, '/api/fetch'), 400, '?url=');
    expectRefusal(await ask(port, 'http://feeds.example/', 'audio'), 400, 'kind');
    expectRefusal(
      await get(port, `/api/fetch?url=${encodeURIComponent(upstream.base)}`, {}, 'POST'),
      405,
      'GET',
    );
  });
});

describe('proxy address rules with an injected resolver', () => {
  it('refuses a public-looking name that resolves to 127.0.0.1', async () => {
    const port = await startProxy({ resolve: fakeResolver({ 'podcast.example': ['127.0.0.1'] }) });
    const before = upstream.seen.length;
    expectRefusal(
      await ask(port, 'http://podcast.example/feed.xml'),
      403,
      'points to 127.0.0.1, a loopback address',
    );
    expect(upstream.seen.length).toBe(before);
  });

  it('refuses a name if any of its addresses is not public', async () => {
    const port = await startProxy({
      resolve: fakeResolver({ 'mixed.example': ['93.184.215.14', '10.1.2.3'] }),
    });
    expectRefusal(await ask(port, 'https://mixed.example/feed.xml'), 403, '10.1.2.3');
  });

  it('refuses names that do not resolve', async () => {
    const port = await startProxy();
    expectRefusal(await ask(port, 'http://nowhere.example/feed.xml'), 502, 'could not be found');
  });

  it('only allows the standard ports, without even looking the name up', async () => {
    const port = await startProxy({
      resolve: fakeResolver({ 'feeds.example': ['93.184.215.14'] }),
    });
    lookups.length = 0;
    expectRefusal(await ask(port, 'http://feeds.example:8080/feed.xml'), 403, 'ports 80 and 443');
    expectRefusal(await ask(port, 'https://feeds.example:22/'), 403, 'ports 80 and 443');
    expect(lookups).toEqual([]);
  });
});

describe('proxy redirects to refused addresses', () => {
  // Pretend 127.0.0.1 is public so the first hop reaches the upstream; every other loopback
  // address keeps the real rule.
  const pretendPublic = (address: string) =>
    address === '127.0.0.1' ? ({ public: true } as const) : defaultCheckAddress(address);
  let port = 0;
  beforeAll(async () => {
    port = await startProxy({
      allowAnyPort: true,
      checkAddress: pretendPublic,
      resolve: fakeResolver({ 'feed.test': ['127.0.0.1'], 'evil.test': ['127.0.0.2'] }),
    });
  });

  it('fetches through the pinned, checked address (feed.test exists only in the injected resolver)', async () => {
    const reply = await ask(port, `http://feed.test:${upstream.port}/feed.xml`);
    expect(reply.status).toBe(200);
    expect(reply.body.equals(FEED_BYTES)).toBe(true);
    expect(upstream.seen.at(-1)?.headers.host).toBe(`feed.test:${upstream.port}`);
  });

  it.each([
    ['a name resolving to another loopback address', '/to-evil-name', '127.0.0.2'],
    ['an IP literal', '/to-evil-ip', 'loopback'],
    ['localhost', '/to-localhost', 'local name'],
    ['the metadata service', '/to-metadata', 'link-local'],
    ['file:', '/to-file', 'http and https'],
    ['ftp:', '/to-ftp', 'http and https'],
  ])('refuses a redirect to %s', async (_name, path, words) => {
    const before = upstream.seen.length;
    const reply = await ask(port, `http://feed.test:${upstream.port}${path}`);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expectRefusal(reply, reply.status, words);
    expect(upstream.seen.length).toBe(before + 1);
  });

  it('checks the address actually connected to, before sending the request', async () => {
    // Allows the address when it is checked before connecting, refuses it once connected:
    // what a DNS rebinding between the two would look like.
    let checks = 0;
    const flips = (address: string) =>
      ++checks === 1
        ? ({ public: true } as const)
        : ({ public: false, reason: 'a rebound address' } as const);
    const rebinding = await startProxy({
      allowAnyPort: true,
      checkAddress: flips,
      resolve: fakeResolver({ 'feed.test': ['127.0.0.1'] }),
    });
    const before = upstream.seen.length;
    expectRefusal(
      await ask(rebinding, `http://feed.test:${upstream.port}/feed.xml`),
      403,
      'connected address 127.0.0.1 is a rebound address',
    );
    expect(checks).toBeGreaterThanOrEqual(2);
    // Give a stray request time to arrive, if one had been sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(upstream.seen.length).toBe(before);
  });
});
