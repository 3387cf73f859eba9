// Downloads an episode's audio for alignment under the proxy's SSRF rules: every hop's
// address checked before connecting, the connected address checked again, redirects
// followed by hand, size and time capped. The body streams to a file, never into memory.
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { checkTarget, type TargetPolicy } from '../fetch-target.ts';
import { pinnedRequest, type RequestOptions } from '../pinned-request.ts';
import { ProxyError } from '../proxy-error.ts';
import { networkError } from '../safe-fetch.ts';

export interface AudioFetchOptions extends TargetPolicy, Omit<RequestOptions, 'accept'> {
  maxBytes: number;
  maxRedirects: number;
  totalTimeoutMs: number;
  signal?: AbortSignal;
}

/** Which copy of the audio this is: a cached result is only reused for the same one. */
export interface AudioIdentity {
  url: string;
  length: number | null;
  etag: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'audio/*, video/*;q=0.8, application/ogg;q=0.8, */*;q=0.5';

function tooBig(maxBytes: number): ProxyError {
  return new ProxyError(
    413,
    `The audio is larger than the ${Math.round(maxBytes / 2 ** 20)} MB the aligner accepts.`,
  );
}

async function open(
  start: URL,
  o: AudioFetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const res = await pinnedRequest(
      url,
      await checkTarget(url, o),
      { ...o, accept: ACCEPT },
      signal,
    );
    const status = res.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      res.destroy();
      const location = res.headers.location;
      if (location === undefined)
        throw new ProxyError(502, 'The audio server redirected without saying where to.');
      if (hop >= o.maxRedirects)
        throw new ProxyError(502, `The audio server redirected more than ${o.maxRedirects} times.`);
      try {
        url = new URL(location, url);
      } catch {
        throw new ProxyError(502, 'The audio server redirected to an invalid address.');
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      res.destroy();
      throw new ProxyError(502, `The audio server answered ${status}.`, status);
    }
    return res;
  }
}

/** Runs `work` under the total time limit and the caller's signal, with plain-sentence errors. */
async function limited<T>(
  o: AudioFetchOptions,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const seconds = Math.round(o.totalTimeoutMs / 1000);
  const timer = setTimeout(
    () =>
      controller.abort(new ProxyError(504, `The audio did not arrive within ${seconds} seconds.`)),
    o.totalTimeoutMs,
  );
  const forward = (): void => controller.abort(new ProxyError(499, 'The alignment was cancelled.'));
  o.signal?.addEventListener('abort', forward, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
      once: true,
    });
  });
  try {
    const job = work(controller.signal);
    job.catch(() => undefined);
    return await Promise.race([job, aborted]);
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

function parseUrl(input: string): URL {
  try {
    return new URL(input);
  } catch {
    throw new ProxyError(400, 'The audio address is not a valid absolute URL.');
  }
}

function identityOf(input: string, res: IncomingMessage): AudioIdentity {
  const length = Number(res.headers['content-length'] ?? NaN);
  const etag = res.headers.etag;
  return { url: input, length: Number.isFinite(length) ? length : null, etag: etag ?? null };
}

/** Asks for the audio and reads only its headers: which copy the server has now. */
export function probeAudio(input: string, o: AudioFetchOptions): Promise<AudioIdentity> {
  return limited(o, async (signal) => {
    const res = await open(parseUrl(input), o, signal);
    res.destroy();
    return identityOf(input, res);
  });
}

/** Downloads the audio into `file`, at most maxBytes of it. */
export function downloadAudio(
  input: string,
  file: string,
  o: AudioFetchOptions,
): Promise<AudioIdentity> {
  return limited(o, async (signal) => {
    const res = await open(parseUrl(input), o, signal);
    const identity = identityOf(input, res);
    if (identity.length !== null && identity.length > o.maxBytes) {
      res.destroy();
      throw tooBig(o.maxBytes);
    }
    const encoding = String(res.headers['content-encoding'] ?? '')
      .trim()
      .toLowerCase();
    let total = 0;
    async function* capped(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        total += chunk.length;
        if (total > o.maxBytes) throw tooBig(o.maxBytes);
        yield chunk;
      }
    }
    const out = createWriteStream(file);
    if (encoding === '' || encoding === 'identity') await pipeline(res, capped, out, { signal });
    else if (encoding === 'gzip' || encoding === 'x-gzip')
      await pipeline(res, createGunzip(), capped, out, { signal });
    else if (encoding === 'deflate') await pipeline(res, createInflate(), capped, out, { signal });
    else if (encoding === 'br')
      await pipeline(res, createBrotliDecompress(), capped, out, { signal });
    else {
      res.destroy();
      throw new ProxyError(
        502,
        `The audio came in an encoding the aligner cannot read (${encoding}).`,
      );
    }
    return identity;
  });
}
