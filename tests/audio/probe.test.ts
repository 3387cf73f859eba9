// The probe tells a live server from a dead one, with or without CORS (#14).
import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/audio/probe.ts';

const fail = () => Promise.reject(new TypeError('Failed to fetch'));

describe('probeAudio', () => {
  it('reads the status and type when CORS allows', async () => {
    const probe = await probeAudio(
      'https://a.test/x.mp3',
      async () => new Response(null, { status: 404, headers: { 'content-type': 'text/html' } }),
    );
    expect(probe).toEqual({ kind: 'status', status: 404, type: 'text/html' });
  });

  it('an opaque answer means the server is up; no answer at all means it is unreachable', async () => {
    const modes: string[] = [];
    const opaque = await probeAudio('https://a.test/x.mp3', (_url, init) => {
      modes.push(String(init.mode));
      return init.mode === 'cors' ? fail() : Promise.resolve(new Response(null));
    });
    expect(opaque).toEqual({ kind: 'opaque' });
    expect(modes).toEqual(['cors', 'no-cors']);
    expect(await probeAudio('https://a.test/x.mp3', fail)).toEqual({ kind: 'unreachable' });
  });

  it('a server that never answers is unknown after the timeout, not unreachable (no AbortSignal.timeout: Safari 15.4)', async () => {
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))),
      );
    expect(await probeAudio('https://a.test/x.mp3', hang, 20)).toEqual({ kind: 'unknown' });
  });
});
