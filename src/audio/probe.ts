// Asks the audio's address whether it answers, and how (#14): a HEAD request, then, when the
// publisher sends no CORS headers, an opaque one that still tells a live server from a dead one.
import type { AudioProbe } from '../core/audio-failure.ts';

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Never throws; gives up after `timeoutMs`. */
export async function probeAudio(
  url: string,
  fetcher: Fetch = (u, init) => fetch(u, init),
  timeoutMs = 4000,
): Promise<AudioProbe> {
  const init = (mode: RequestMode): RequestInit => ({
    method: 'HEAD',
    mode,
    cache: 'no-store',
    credentials: 'omit',
    signal: AbortSignal.timeout(timeoutMs),
  });
  try {
    const response = await fetcher(url, init('cors'));
    return {
      kind: 'status',
      status: response.status,
      type: response.headers.get('content-type') ?? '',
    };
  } catch {
    // A CORS refusal and a dead server look alike here; an opaque request tells them apart.
  }
  try {
    await fetcher(url, init('no-cors'));
    return { kind: 'opaque' };
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError'
      ? { kind: 'unknown' }
      : { kind: 'unreachable' };
  }
}
