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
  // AbortSignal.timeout is newer than the Safari 15.4 floor (browsers.ts): a controller and a timer.
  const init = (mode: RequestMode): RequestInit => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), timeoutMs);
    return {
      method: 'HEAD',
      mode,
      cache: 'no-store',
      credentials: 'omit',
      signal: controller.signal,
    };
  };
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
  const last = init('no-cors');
  try {
    await fetcher(url, last);
    return { kind: 'opaque' };
  } catch {
    // Our own timer aborted it: no answer in time is not proof the server is gone.
    return last.signal?.aborted ? { kind: 'unknown' } : { kind: 'unreachable' };
  }
}
