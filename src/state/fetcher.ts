// Fetches a feed, transcript or chapters file: directly first, then through our proxy when the
// publisher sends no CORS headers (the browser then reports a bare TypeError).
import { decodeBytes } from '../core/text/decode.ts';

export type FetchKind = 'feed' | 'transcript' | 'chapters';

export interface Fetched {
  text: string;
  /** The URL after redirects, for resolving relative links. */
  finalUrl: string;
  contentType: string;
}

export class FetchError extends Error {
  constructor(
    message: string,
    /** Upstream HTTP status, when there was one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 30_000;

/** Told the body's size from the headers, before the body arrives (#15: a big feed's code is asked for then). */
export type OnLength = (bytes: number) => void;

async function readBody(response: Response, url: string, onLength?: OnLength): Promise<Fetched> {
  const contentType = response.headers.get('content-type') ?? '';
  const length = Number(response.headers.get('content-length'));
  if (length > 0) onLength?.(length);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const finalUrl = response.headers.get('x-final-url') ?? (response.url || url);
  return { text: decodeBytes(bytes, contentType).text, finalUrl, contentType };
}

function sameOrigin(url: string): boolean {
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

async function viaProxy(
  url: string,
  kind: FetchKind,
  signal: AbortSignal,
  onLength?: OnLength,
): Promise<Fetched> {
  const query = new URLSearchParams({ url, kind });
  const response = await fetch(`/api/fetch?${query}`, { signal, credentials: 'omit' });
  if (!response.ok) {
    // Our proxy explains itself in JSON; `status` is there only when the publisher's server answered.
    let reason = `The proxy answered ${response.status}.`;
    let status: number | undefined;
    try {
      const body = (await response.json()) as { error?: unknown; status?: unknown };
      if (typeof body.error === 'string') reason = body.error;
      if (typeof body.status === 'number') status = body.status;
    } catch {
      // Not our JSON (an old server or a gateway): keep the generic reason.
    }
    throw new FetchError(reason, status);
  }
  return readBody(response, url, onLength);
}

/** Fetches `url` as text, decoding bytes by BOM, XML declaration, HTTP charset, then UTF-8. */
export async function fetchText(
  url: string,
  kind: FetchKind,
  outer?: AbortSignal,
  onLength?: OnLength,
): Promise<Fetched> {
  // One controller for the caller's signal and the timeout: AbortSignal.any is Safari 17.4+ and
  // AbortSignal.timeout 16+, newer than the browsers Verbatim supports (#13).
  const controller = new AbortController();
  const timeout = { aborted: false };
  const timer = setTimeout(() => {
    timeout.aborted = true;
    controller.abort();
  }, TIMEOUT_MS);
  const forward = () => controller.abort();
  if (outer?.aborted) controller.abort();
  else outer?.addEventListener('abort', forward, { once: true });
  const signal = controller.signal;
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal, credentials: 'omit' });
    } catch (error) {
      if (signal.aborted || sameOrigin(url)) throw error;
      return await viaProxy(url, kind, signal, onLength);
    }
    if (!response.ok) {
      throw new FetchError(`The server answered ${response.status}.`, response.status);
    }
    return await readBody(response, url, onLength);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (timeout.aborted) throw new FetchError('The server took too long to answer.');
    if (outer?.aborted) throw error;
    throw new FetchError('The address could not be reached.');
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}
