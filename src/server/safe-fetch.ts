import { checkTarget, type TargetPolicy } from './fetch-target.ts';
import { pinnedRequest, type RequestOptions } from './pinned-request.ts';
import { looksLikeMedia } from './media-sniff.ts';
import { ProxyError } from './proxy-error.ts';
import { readDecodedBody, tooLarge } from './read-body.ts';

export { systemResolver, type Resolver, type ResolvedAddress } from './fetch-target.ts';

export interface SafeFetchOptions extends TargetPolicy, RequestOptions {
  maxBytes: number;
  maxRedirects: number;
  totalTimeoutMs: number;
  /** Aborts the fetch, e.g. when the page goes away. */
  signal?: AbortSignal;
}

export interface FetchedFile {
  body: Buffer;
  contentType: string;
  finalUrl: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function networkError(error: unknown): ProxyError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ECONNREFUSED') return new ProxyError(502, 'The server refused the connection.');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new ProxyError(502, 'The server could not be found.');
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return new ProxyError(502, 'The server closed the connection early.');
  if (/CERT|SSL|TLS|SELF_SIGNED/.test(code))
    return new ProxyError(502, "The server's TLS certificate could not be verified.");
  return new ProxyError(502, 'The server could not be reached.');
}

async function fetchHops(
  start: URL,
  o: SafeFetchOptions,
  signal: AbortSignal,
): Promise<FetchedFile> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const res = await pinnedRequest(url, await checkTarget(url, o), o, signal);
    const status = res.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      res.destroy();
      const location = res.headers.location;
      if (location === undefined)
        throw new ProxyError(502, 'The server redirected without saying where to.', status);
      if (hop >= o.maxRedirects)
        throw new ProxyError(502, `The server redirected more than ${o.maxRedirects} times.`);
      try {
        url = new URL(location, url);
      } catch {
        throw new ProxyError(502, 'The server redirected to an invalid address.');
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      res.destroy();
      throw new ProxyError(
        502,
        `The server answered ${status} ${res.statusMessage ?? ''}.`.replace(' .', '.'),
        status,
      );
    }
    const contentType = res.headers['content-type'] ?? 'application/octet-stream';
    if (/^\s*(audio|video)\/|^\s*application\/ogg\b/i.test(contentType)) {
      res.destroy();
      throw notMedia();
    }
    const length = Number(res.headers['content-length'] ?? NaN);
    if (length > o.maxBytes) {
      res.destroy();
      throw tooLarge(o.maxBytes);
    }
    const body = await readDecodedBody(res, o.maxBytes);
    // Mislabelled audio (octet-stream, text/plain, no type) is still audio.
    if (looksLikeMedia(body)) throw notMedia();
    return { body, contentType, finalUrl: url.href };
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
    () =>
      controller.abort(
        new ProxyError(504, `The server did not send the file within ${seconds} seconds.`),
      ),
    o.totalTimeoutMs,
  );
  const forward = (): void => controller.abort(new ProxyError(499, 'The request was cancelled.'));
  o.signal?.addEventListener('abort', forward, { once: true });
  try {
    const work = fetchHops(start, o, controller.signal);
    // DNS lookups ignore the signal, so race them against it as well.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
        once: true,
      });
    });
    work.catch(() => undefined);
    return await Promise.race([work, aborted]);
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof ProxyError)
      throw controller.signal.reason;
    if (error instanceof ProxyError) throw error;
    throw networkError(error);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', forward);
  }
}

function notMedia(): ProxyError {
  return new ProxyError(
    415,
    'This is an audio or video file; audio streams directly from the publisher, not through the proxy.',
  );
}
