import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { checkHost, type AddressVerdict } from './address.ts';
import { ProxyError } from './proxy-error.ts';
import { readDecodedBody, tooLarge } from './read-body.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a hostname to every address it has (injectable so tests need no DNS). */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface SafeFetchOptions {
  /** Lifts the address and port rules (ALLOW_PRIVATE_FEEDS=1, local testing only). */
  allowPrivate: boolean;
  /** Lets any port through while keeping the address rule (tests on port 0). */
  allowAnyPort: boolean;
  /** Decides whether an IP may be contacted. */
  checkAddress: (address: string) => AddressVerdict;
  resolve: Resolver;
  accept: string;
  maxBytes: number;
  maxRedirects: number;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** Aborts the fetch, e.g. when the page goes away. */
  signal?: AbortSignal;
}

export interface FetchedFile {
  body: Buffer;
  contentType: string;
  finalUrl: string;
}

export const USER_AGENT = 'Verbatim/0.1 (+podcast player)';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export const systemResolver: Resolver = async (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

/** Answers Node's connect-time lookup with addresses already checked: no second DNS query to rebind. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const wanted = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    if (options.all) return callback(null, wanted.map((a) => ({ address: a.address, family: a.family })));
    const first = wanted[0];
    if (first === undefined) return callback(Object.assign(new Error('No address of that family.'), { code: 'ENOTFOUND' }), '');
    callback(null, first.address, first.family);
  };
}

function refusal(what: string, verdict: AddressVerdict): ProxyError | null {
  if (verdict.public) return null;
  return new ProxyError(403, `${what} is ${verdict.reason}, which the proxy does not fetch from.`);
}

/** Checks scheme, credentials, port and address of one hop; returns what to connect to. */
async function checkTarget(url: URL, o: SafeFetchOptions): Promise<{ host: string; addresses: ResolvedAddress[] }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyError(400, `The proxy only fetches http and https addresses, not ${url.protocol.slice(0, -1)}.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ProxyError(400, 'The address must not contain a user name or password.');
  }
  if (!o.allowPrivate && !o.allowAnyPort && url.port !== '' && url.port !== '80' && url.port !== '443') {
    throw new ProxyError(403, 'The proxy only connects to the standard web ports 80 and 443.');
  }
  const host = checkHost(url.hostname);
  if (host.kind === 'invalid') throw new ProxyError(400, 'The address has an invalid host name.');
  if (host.kind === 'address') {
    const problem = o.allowPrivate ? null : refusal(`The address ${url.hostname}`, o.checkAddress(host.address));
    if (problem) throw problem;
    // Connect by the URL's own (WHATWG-canonical) spelling so TLS matches certificate IP SANs.
    const literal = host.family === 6 ? url.hostname.slice(1, -1) : host.address;
    return { host: literal, addresses: [{ address: literal, family: host.family }] };
  }
  const named = o.allowPrivate ? null : refusal(`The host ${host.name}`, host.verdict);
  if (named) throw named;
  let addresses: ResolvedAddress[];
  try {
    addresses = [...(await o.resolve(host.name))];
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) throw new ProxyError(502, `The host ${host.name} could not be found.`);
  for (const { address } of addresses) {
    const verdict = o.allowPrivate ? null : o.checkAddress(address);
    if (verdict && !verdict.public) {
      const reason = `${address}, ${verdict.reason}, which the proxy does not fetch from`;
      throw new ProxyError(403, `The host ${host.name} points to ${reason}.`);
    }
  }
  return { host: host.name, addresses };
}

function checkRemote(socket: Socket, o: SafeFetchOptions): ProxyError | null {
  if (o.allowPrivate) return null;
  const address = socket.remoteAddress;
  if (address === undefined) return new ProxyError(502, 'The connection closed before it could be checked.');
  return refusal(`The connected address ${address}`, o.checkAddress(address));
}

function request(url: URL, target: { host: string; addresses: ResolvedAddress[] }, o: SafeFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request({
      protocol: url.protocol,
      hostname: target.host,
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      // A fresh socket per hop: pooled sockets would skip the connect-time address check.
      agent: false,
      lookup: pinnedLookup(target.addresses),
      headers: { Host: url.host, Accept: o.accept, 'User-Agent': USER_AGENT, 'Accept-Encoding': 'gzip, deflate, br' },
      signal,
    });
    const seconds = Math.round(o.connectTimeoutMs / 100) / 10;
    const connectTimer = setTimeout(
      () => req.destroy(new ProxyError(504, `The server did not accept a connection within ${seconds} seconds.`)),
      o.connectTimeoutMs,
    );
    req.on('socket', (socket: Socket) => {
      const verify = (): void => {
        clearTimeout(connectTimer);
        const problem = checkRemote(socket, o);
        if (problem) req.destroy(problem);
      };
      // Runs before the queued request is flushed, so a bad address never receives it.
      if (socket.connecting) socket.prependOnceListener('connect', verify);
      else verify();
    });
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      const problem = checkRemote(res.socket, o);
      if (problem) {
        res.destroy();
        reject(problem);
      } else resolve(res);
    });
    req.on('error', (error) => {
      clearTimeout(connectTimer);
      reject(error);
    });
    req.end();
  });
}

function networkError(error: unknown): ProxyError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ECONNREFUSED') return new ProxyError(502, 'The server refused the connection.');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ProxyError(502, 'The server could not be found.');
  if (code === 'ECONNRESET' || code === 'EPIPE') return new ProxyError(502, 'The server closed the connection early.');
  if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) return new ProxyError(502, "The server's TLS certificate could not be verified.");
  return new ProxyError(502, 'The server could not be reached.');
}

async function fetchHops(start: URL, o: SafeFetchOptions, signal: AbortSignal): Promise<FetchedFile> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const res = await request(url, await checkTarget(url, o), o, signal);
    const status = res.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      res.destroy();
      const location = res.headers.location;
      if (location === undefined) throw new ProxyError(502, 'The server redirected without saying where to.', status);
      if (hop >= o.maxRedirects) throw new ProxyError(502, `The server redirected more than ${o.maxRedirects} times.`);
      try {
        url = new URL(location, url);
      } catch {
        throw new ProxyError(502, 'The server redirected to an invalid address.');
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      res.destroy();
      throw new ProxyError(502, `The server answered ${status} ${res.statusMessage ?? ''}.`.replace(' .', '.'), status);
    }
    const contentType = res.headers['content-type'] ?? 'application/octet-stream';
    if (/^\s*(audio|video)\/|^\s*application\/ogg\b/i.test(contentType)) {
      res.destroy();
      throw new ProxyError(415, 'This is an audio or video file; audio streams directly from the publisher, not through the proxy.');
    }
    const length = Number(res.headers['content-length'] ?? NaN);
    if (length > o.maxBytes) {
      res.destroy();
      throw tooLarge(o.maxBytes);
    }
    return { body: await readDecodedBody(res, o.maxBytes), contentType, finalUrl: url.href };
  }
}

/**
 * Fetches a feed, transcript or chapters file without letting the URL (or any redirect, or
 * DNS answer) reach a non-public address; bodies are decoded and size-capped.
 */
export async function safeFetch(input: string, o: SafeFetchOptions): Promise<FetchedFile> {
  let start: URL;
  try {
    start = new URL(input);
  } catch {
    throw new ProxyError(400, 'The address to fetch is not a valid absolute URL.');
  }
  const controller = new AbortController();
  const seconds = Math.round(o.totalTimeoutMs / 100) / 10;
  const timer = setTimeout(
    () => controller.abort(new ProxyError(504, `The server did not send the file within ${seconds} seconds.`)),
    o.totalTimeoutMs,
  );
  const forward = (): void => controller.abort(new ProxyError(499, 'The request was cancelled.'));
  o.signal?.addEventListener('abort', forward, { once: true });
  try {
    const work = fetchHops(start, o, controller.signal);
    // DNS lookups ignore the signal, so race them against it as well.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    work.catch(() => undefined);
    return await Promise.race([work, aborted]);
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof ProxyError) throw controller.signal.reason;
    if (error instanceof ProxyError) throw error;
    throw networkError(error);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', forward);
  }
}
