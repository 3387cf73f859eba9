// Fetches a feed, transcript or chapters file: directly first, then through our proxy when the
// publisher sends no CORS headers (the browser then reports a bare TypeError).
import { decodeBytes, decodePrefix } from '../core/text/decode.ts';

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
/** How long reading waits for a big body's start to be listed before it takes in the rest. */
const PREFIX_WAIT_MS = 500;

/** Watching a body as it arrives (#15: a big feed's code is asked for, and its first items listed). */
export interface BodyWatch {
  /** The body's size from the headers, before the body arrives. */
  length?(bytes: number): void;
  /**
   * How many bytes of a body of this declared size (null: not declared) to read before `prefix` is
   * given the text so far; null: wait for the whole.
   */
  prefixAt?(length: number | null): number | null;
  /**
   * The text so far, cut before a character could be split; only while more is to come. Reading
   * waits (up to half a second) for what it returns: the page lists the start before it is busy
   * reading the rest, which the browser keeps receiving meanwhile.
   */
  prefix?(text: string, finalUrl: string): Promise<unknown> | void;
}

async function readBody(response: Response, url: string, watch?: BodyWatch): Promise<Fetched> {
  const contentType = response.headers.get('content-type') ?? '';
  const declared = Number(response.headers.get('content-length'));
  const length = response.headers.has('content-length') && declared >= 0 ? declared : null;
  if (length) watch?.length?.(length);
  const finalUrl = response.headers.get('x-final-url') ?? (response.url || url);
  const at = watch?.prefixAt?.(length) ?? null;
  const early = (start: Uint8Array) => {
    const text = decodePrefix(start, contentType);
    return text === null ? undefined : watch?.prefix?.(text, finalUrl);
  };
  const bytes =
    at !== null && response.body
      ? await readStream(response.body, at, length, early)
      : new Uint8Array(await response.arrayBuffer());
  return { text: decodeBytes(bytes, contentType).text, finalUrl, contentType };
}

/** The whole body, read as it arrives; `early` gets its first `at` bytes once they are in. */
async function readStream(
  body: ReadableStream<Uint8Array>,
  at: number,
  length: number | null,
  early: (start: Uint8Array) => Promise<unknown> | void,
): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let told = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
    if (!told && total >= at && total !== length) {
      told = true;
      const listing = early(join(chunks, at));
      if (listing) await Promise.race([listing, new Promise((r) => setTimeout(r, PREFIX_WAIT_MS))]);
    }
  }
  return join(chunks, total);
}

/** The first `bytes` of the chunks, as one array. */
function join(chunks: Uint8Array[], bytes: number): Uint8Array {
  const first = chunks[0] ?? new Uint8Array(0);
  if (first.length >= bytes) return first.subarray(0, bytes);
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= bytes) break;
    const part = chunk.subarray(0, bytes - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
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
  watch?: BodyWatch,
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
  return readBody(response, url, watch);
}

/** Fetches `url` as text, decoding bytes by BOM, XML declaration, HTTP charset, then UTF-8. */
export async function fetchText(
  url: string,
  kind: FetchKind,
  outer?: AbortSignal,
  watch?: BodyWatch,
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
      return await viaProxy(url, kind, signal, watch);
    }
    if (!response.ok) {
      throw new FetchError(`The server answered ${response.status}.`, response.status);
    }
    return await readBody(response, url, watch);
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
