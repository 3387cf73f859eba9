// The page's side of the word-timing protocol (#12): start a job, read its event stream, move its
// focus. Only the Alignment state uses it; components never fetch.
import { EventStreamReader } from '../core/align/event-stream.ts';
import { parseAlignEvent, type AlignEvent, type AlignRequest } from '../core/align/wire.ts';

export interface AlignJob {
  job: string;
  /** True when the server had the result already: it replays at once. */
  cached: boolean;
}

/** The server would not or could not compute word times; `message` is a plain sentence. */
export class AlignFailure extends Error {}

export interface AlignClient {
  /**
   * Null when the server computes word times, else its sentence why not (ALIGN=off). Asked before
   * `start`, so a server without them costs the page no failed request. Rejects with an
   * AlignFailure when the server cannot be asked.
   */
  offered(signal: AbortSignal): Promise<string | null>;
  start(request: AlignRequest, signal: AbortSignal): Promise<AlignJob>;
  /** Reads the job's events until `done` or `error`; rejects with an AlignFailure if the stream is lost. */
  stream(job: string, onEvent: (event: AlignEvent) => void, signal: AbortSignal): Promise<void>;
  focus(job: string, t: number): Promise<void>;
}

type Fetch = typeof fetch;

/** How often a dropped stream is reopened (the server replays the turns already done). */
const RECONNECTS = 3;

/** The server's `{ "error": "…" }` sentence, else one made from the status. */
async function refusal(response: Response): Promise<AlignFailure> {
  let message = '';
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') message = body.error.trim();
  } catch {
    // Not JSON (an older server, a proxy's page): the status says enough.
  }
  if (!message)
    message =
      response.status === 404
        ? 'this server does not compute word times.'
        : `the server answered ${response.status}.`;
  return new AlignFailure(message);
}

const unreachable = () => new AlignFailure('the server could not be reached.');

export function httpAlignClient(base = '', fetchImpl: Fetch = (...a) => fetch(...a)): AlignClient {
  const url = (path: string) => `${base}/api/align${path}`;

  async function readOnce(
    job: string,
    onEvent: (event: AlignEvent) => void,
    signal: AbortSignal,
  ): Promise<boolean> {
    const response = await fetchImpl(url(`/${encodeURIComponent(job)}/events`), {
      headers: { accept: 'text/event-stream' },
      credentials: 'omit',
      signal,
    });
    if (!response.ok || !response.body) throw await refusal(response);
    const reader = new EventStreamReader();
    const decoder = new TextDecoder();
    const body = response.body.getReader();
    for (;;) {
      const { done, value } = await body.read();
      const events = reader.push(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      for (const raw of events) {
        const event = parseAlignEvent(raw.type, raw.data).value;
        if (!event) continue;
        onEvent(event);
        if (event.type === 'done' || event.type === 'error') {
          void body.cancel().catch(() => {});
          return true;
        }
      }
      if (done) return false; // ended without a last word: reconnect
    }
  }

  /** The server's answer, kept once it has given one (it does not change while the page is open). */
  let offer: string | null | undefined;
  /** `/api/align` itself: a network failure is "unreachable", an error status the server's refusal. */
  const ask = async (init: RequestInit & { signal: AbortSignal }): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(url(''), init);
    } catch (error) {
      if (init.signal.aborted) throw error;
      throw unreachable();
    }
    if (!response.ok) throw await refusal(response);
    return response;
  };

  return {
    async offered(signal) {
      if (offer !== undefined) return offer;
      const response = await ask({ credentials: 'omit', signal });
      const body = (await response.json().catch(() => null)) as {
        available?: unknown;
        error?: unknown;
      } | null;
      if (typeof body?.available !== 'boolean')
        throw new AlignFailure('this server does not compute word times.');
      offer = body.available
        ? null
        : typeof body.error === 'string' && body.error.trim()
          ? body.error.trim()
          : 'Word timing is turned off on this server.';
      return offer;
    },

    async start(request, signal) {
      const response = await ask({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
        credentials: 'omit',
        signal,
      });
      const body = (await response.json().catch(() => null)) as {
        job?: unknown;
        cached?: unknown;
      } | null;
      if (typeof body?.job !== 'string' || body.job === '')
        throw new AlignFailure('the server gave no job to follow.');
      return { job: body.job, cached: body.cached === true };
    },

    async stream(job, onEvent, signal) {
      for (let attempt = 0; attempt <= RECONNECTS; attempt++) {
        try {
          if (await readOnce(job, onEvent, signal)) return;
        } catch (error) {
          if (signal.aborted || error instanceof AlignFailure) throw error;
        }
      }
      throw new AlignFailure('the connection to the server was lost.');
    },

    async focus(job, t) {
      try {
        await fetchImpl(url(`/${encodeURIComponent(job)}/focus`), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ t }),
          credentials: 'omit',
        });
      } catch {
        // Only a hint about what to do first: losing it costs nothing but order.
      }
    },
  };
}
