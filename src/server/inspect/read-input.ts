// Reads one `npm run inspect` input: a local file, or an http(s) URL fetched with the proxy's
// address rules (#15), so inspect never reaches what the proxy would refuse.
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { decodeBytes } from '../../core/text/decode.ts';
import { FetchError, type Fetched } from '../../state/fetcher.ts';
import {
  ACCEPT,
  DEFAULT_LIMITS,
  DEFAULT_TIMEOUTS,
  defaultCheckAddress,
  type FetchKind,
} from '../proxy.ts';
import { looksLikeMedia } from '../media-sniff.ts';
import { ProxyError } from '../proxy-error.ts';
import { safeFetch, systemResolver } from '../safe-fetch.ts';

export const isHttpUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** What the proxy would fetch; `ALLOW_PRIVATE_FEEDS=1` lifts the address rule, as for the server. */
async function fetchUrl(url: string, kind: FetchKind): Promise<Fetched> {
  const allowPrivate = process.env.ALLOW_PRIVATE_FEEDS === '1';
  try {
    const file = await safeFetch(url, {
      allowPrivate,
      allowAnyPort: false,
      checkAddress: defaultCheckAddress,
      resolve: systemResolver,
      accept: ACCEPT[kind],
      maxBytes: DEFAULT_LIMITS[kind],
      maxRedirects: 5,
      connectTimeoutMs: DEFAULT_TIMEOUTS.connectMs,
      totalTimeoutMs: DEFAULT_TIMEOUTS.totalMs,
    });
    const text = decodeBytes(new Uint8Array(file.body), file.contentType).text;
    return { text, finalUrl: file.finalUrl, contentType: file.contentType };
  } catch (error) {
    if (error instanceof ProxyError) throw new FetchError(error.message, error.upstreamStatus);
    throw new FetchError('The address could not be reached.');
  }
}

async function readLocal(path: string): Promise<Fetched> {
  const full = resolvePath(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const why =
      code === 'ENOENT'
        ? 'There is no such file.'
        : code === 'EISDIR'
          ? 'This is a folder, not a file.'
          : code === 'EACCES'
            ? 'The file may not be read (permission denied).'
            : 'The file could not be read.';
    throw new FetchError(why);
  }
  // Audio or binary is no feed, transcript or chapters file: it cannot be read at all (exit 1),
  // as a URL to it is refused (safeFetch).
  if (looksLikeMedia(bytes)) {
    throw new FetchError(
      'This is an audio or video file, not a feed, transcript or chapters file.',
    );
  }
  const text = decodeBytes(new Uint8Array(bytes), '').text;
  if (text.includes('\u0000')) {
    throw new FetchError('This is a binary file, not a feed, transcript or chapters file.');
  }
  // The absolute path stands in for a URL: relative links in the file resolve beside it.
  return { text, finalUrl: full, contentType: '' };
}

/**
 * Reads an input or a file it links to. A link found in a local file (a root-relative path,
 * after resolving against the file's own path) is read from disk; anything else over http(s).
 */
export function readInput(input: string, kind: FetchKind = 'feed'): Promise<Fetched> {
  if (isHttpUrl(input)) return fetchUrl(input, kind);
  // `ftp://…`, `file:…`, `data:…`: an address in another scheme, not a file name (as the proxy).
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(input)?.[1];
  if (scheme !== undefined && scheme.length > 1)
    return Promise.reject(
      new FetchError(`Only http and https addresses can be read (this one is ${scheme}:).`),
    );
  return readLocal(input);
}
