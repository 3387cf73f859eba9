// The page's word-timing client against a loopback fake of the protocol (#12): job start, refusals
// in the server's words, the event stream in odd chunks, reconnection with replay, and focus.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import type { AlignEvent } from '../../src/core/align/wire.ts';
import { AlignFailure, httpAlignClient } from '../../src/state/align-client.ts';
import { listen, type Listening } from '../server/http-helpers.ts';

let server: Listening | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => resolve(text));
  });
const sse = (type: string, data: unknown) => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
const TURN = {
  index: 0,
  start: 1,
  end: 2,
  status: 'aligned',
  words: [{ from: 0, to: 2, start: 1, end: 1.3 }],
};

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  server = await listen(handler);
  return httpAlignClient(`http://127.0.0.1:${server.port}`);
}

describe('httpAlignClient', () => {
  test('asks once whether the server offers word times; off says why; no server says so', async () => {
    let asked = 0;
    let off = false;
    const client = await serve((req, res) => {
      asked++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        off
          ? '{"available":false,"error":"Word timing is turned off on this server."}'
          : '{"available":true}',
      );
    });
    const signal = new AbortController().signal;
    expect(await client.offered(signal)).toBeNull();
    off = true;
    expect(await client.offered(signal)).toBeNull(); // kept: the server does not change its mind
    expect(asked).toBe(1);
    const offClient = httpAlignClient(`http://127.0.0.1:${server!.port}`);
    expect(await offClient.offered(signal)).toBe('Word timing is turned off on this server.');
    await server!.close();
    server = await listen((_req, res) => void res.writeHead(404).end('Not found'));
    const none = await httpAlignClient(`http://127.0.0.1:${server.port}`)
      .offered(signal)
      .catch((e) => e);
    expect(none).toBeInstanceOf(AlignFailure);
    expect(none.message).toBe('this server does not compute word times.');
    const gone = await httpAlignClient('http://127.0.0.1:9')
      .offered(signal)
      .catch((e) => e);
    expect(gone.message).toBe('the server could not be reached.');
  });

  test('starts a job with the request as JSON; a refusal carries the server sentence', async () => {
    const seen: unknown[] = [];
    let busy = false;
    const client = await serve(async (req, res) => {
      seen.push([req.method, req.url, JSON.parse(await body(req))]);
      res.writeHead(busy ? 503 : 202, { 'content-type': 'application/json' });
      res.end(
        busy
          ? '{"error":"The aligner is busy; try again in a minute."}'
          : '{"job":"abc","cached":true}',
      );
      busy = true;
    });
    const request = { audio: 'http://a.test/x.mp3', language: 'en', focus: 0, turns: [] };
    expect(await client.start(request, new AbortController().signal)).toEqual({
      job: 'abc',
      cached: true,
    });
    expect(seen[0]).toEqual(['POST', '/api/align', request]);
    const refused = await client.start(request, new AbortController().signal).catch((e) => e);
    expect(refused).toBeInstanceOf(AlignFailure);
    expect(refused.message).toBe('The aligner is busy; try again in a minute.');
  });

  test('reads events in any chunks, including the server\'s own "error" event', async () => {
    const client = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const text =
        ': keep-alive\n\n' +
        sse('meta', { duration: 30, audio: { url: 'u', length: 1, etag: null } }) +
        sse('turn', TURN) +
        sse('error', { code: 'no-speech', message: 'No speech in the audio.' });
      let i = 0;
      const next = () => {
        if (i >= text.length) return; // left open: the client stops at the error itself
        res.write(text.slice(i, i + 7));
        i += 7;
        setTimeout(next, 1);
      };
      expect(req.url).toBe('/api/align/j%201/events');
      next();
    });
    const events: AlignEvent[] = [];
    await client.stream('j 1', (e) => events.push(e), new AbortController().signal);
    expect(events.map((e) => e.type)).toEqual(['meta', 'turn', 'error']);
    expect(events[2]).toEqual({
      type: 'error',
      code: 'no-speech',
      message: 'No speech in the audio.',
    });
  });

  test('a dropped stream is reopened (the server replays); one that keeps dropping fails plainly', async () => {
    let connections = 0;
    let healthy = true;
    const client = await serve((_req, res) => {
      connections++;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(sse('turn', TURN));
      if (healthy && connections === 2) res.end(sse('done', {}));
      else res.end(); // cut before `done`
    });
    const events: AlignEvent[] = [];
    await client.stream('j', (e) => events.push(e), new AbortController().signal);
    expect(connections).toBe(2);
    expect(events.map((e) => e.type)).toEqual(['turn', 'turn', 'done']);
    healthy = false;
    connections = 0;
    const lost = await client.stream('j', () => {}, new AbortController().signal).catch((e) => e);
    expect(lost).toBeInstanceOf(AlignFailure);
    expect(lost.message).toBe('the connection to the server was lost.');
    expect(connections).toBe(4);
  });

  test('an unknown job (404 without JSON) and an unreachable server say so', async () => {
    const client = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>nope</h1>');
    });
    const missing = await client
      .stream('j', () => {}, new AbortController().signal)
      .catch((e) => e);
    expect(missing.message).toBe('this server does not compute word times.');
    const port = server!.port;
    await server!.close();
    server = null;
    const gone = httpAlignClient(`http://127.0.0.1:${port}`);
    const request = { audio: 'a', language: null, focus: 0, turns: [] };
    const error = await gone.start(request, new AbortController().signal).catch((e) => e);
    expect(error.message).toBe('the server could not be reached.');
  });

  test('focus posts the time', async () => {
    const seen: unknown[] = [];
    const client = await serve(async (req, res) => {
      seen.push([req.url, JSON.parse(await body(req))]);
      res.writeHead(204);
      res.end();
    });
    await client.focus('j', 42.5);
    expect(seen).toEqual([['/api/align/j/focus', { t: 42.5 }]]);
  });
});
