import { lookup as dnsLookup } from 'node:dns/promises';
import { checkHost, type AddressVerdict } from './address.ts';
import { ProxyError } from './proxy-error.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a hostname to every address it has (injectable so tests need no DNS). */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** What one hop may contact, and how the proxy judges it. */
export interface TargetPolicy {
  /** Lifts the address and port rules (ALLOW_PRIVATE_FEEDS=1, local testing only). */
  allowPrivate: boolean;
  /** Lets any port through while keeping the address rule (tests on port 0). */
  allowAnyPort: boolean;
  /** Decides whether an IP may be contacted. */
  checkAddress: (address: string) => AddressVerdict;
  resolve: Resolver;
}

/** The host to connect to and the checked addresses it may use. */
export interface FetchTarget {
  host: string;
  addresses: ResolvedAddress[];
}

export const systemResolver: Resolver = async (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

export function refusal(what: string, verdict: AddressVerdict): ProxyError | null {
  if (verdict.public) return null;
  return new ProxyError(403, `${what} is ${verdict.reason}, which the proxy does not fetch from.`);
}

/** Checks scheme, credentials, port and address of one hop; returns what to connect to. */
export async function checkTarget(url: URL, o: TargetPolicy): Promise<FetchTarget> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyError(
      400,
      `The proxy only fetches http and https addresses, not ${url.protocol.slice(0, -1)}.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new ProxyError(400, 'The address must not contain a user name or password.');
  }
  if (
    !o.allowPrivate &&
    !o.allowAnyPort &&
    url.port !== '' &&
    url.port !== '80' &&
    url.port !== '443'
  ) {
    throw new ProxyError(403, 'The proxy only connects to the standard web ports 80 and 443.');
  }
  const host = checkHost(url.hostname);
  if (host.kind === 'invalid') throw new ProxyError(400, 'The address has an invalid host name.');
  if (host.kind === 'address') {
    const problem = o.allowPrivate
      ? null
      : refusal(`The address ${url.hostname}`, o.checkAddress(host.address));
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
  if (addresses.length === 0)
    throw new ProxyError(502, `The host ${host.name} could not be found.`);
  for (const { address } of addresses) {
    const verdict = o.allowPrivate ? null : o.checkAddress(address);
    if (verdict && !verdict.public) {
      const reason = `${address}, ${verdict.reason}, which the proxy does not fetch from`;
      throw new ProxyError(403, `The host ${host.name} points to ${reason}.`);
    }
  }
  return { host: host.name, addresses };
}
