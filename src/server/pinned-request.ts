import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import {
  refusal,
  type FetchTarget,
  type ResolvedAddress,
  type TargetPolicy,
} from './fetch-target.ts';
import { ProxyError } from './proxy-error.ts';

export const USER_AGENT = 'Verbatim/0.1 (+podcast player)';

export interface RequestOptions extends Pick<TargetPolicy, 'allowPrivate' | 'checkAddress'> {
  accept: string;
  connectTimeoutMs: number;
}

/** Answers Node's connect-time lookup with addresses already checked: no second DNS query to rebind. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const wanted =
      family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    if (options.all)
      return callback(
        null,
        wanted.map((a) => ({ address: a.address, family: a.family })),
      );
    const first = wanted[0];
    if (first === undefined)
      return callback(
        Object.assign(new Error('No address of that family.'), { code: 'ENOTFOUND' }),
        '',
      );
    callback(null, first.address, first.family);
  };
}

function checkRemote(socket: Socket, o: RequestOptions): ProxyError | null {
  if (o.allowPrivate) return null;
  const address = socket.remoteAddress;
  if (address === undefined)
    return new ProxyError(502, 'The connection closed before it could be checked.');
  return refusal(`The connected address ${address}`, o.checkAddress(address));
}

/** One GET to a checked target, connecting only to its checked addresses. */
export function pinnedRequest(
  url: URL,
  target: FetchTarget,
  o: RequestOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
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
      headers: {
        Host: url.host,
        Accept: o.accept,
        'User-Agent': USER_AGENT,
        'Accept-Encoding': 'gzip, deflate, br',
      },
      signal,
    });
    const seconds = Math.round(o.connectTimeoutMs / 100) / 10;
    const connectTimer = setTimeout(
      () =>
        req.destroy(
          new ProxyError(504, `The server did not accept a connection within ${seconds} seconds.`),
        ),
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
