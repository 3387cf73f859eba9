// A throttled link in front of a local server: a TCP proxy that delivers the server's bytes at a fixed
// rate shared by all connections, like one slow home connection (#13: Firefox never started playing
// through 200 KB/s). Requests go upstream unthrottled.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Throttle {
  url: string;
  close(): Promise<void>;
}

export async function startThrottle(target: string, bytesPerSecond: number): Promise<Throttle> {
  const upstreamUrl = new URL(target);
  const SLICE = 4096;
  let free = 0; // when the shared link is next free, in ms (performance.now())
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(upstreamUrl.port), upstreamUrl.hostname);
    open.add(client).add(upstream);
    client.pipe(upstream);
    let sending = false;
    let ended = false;
    upstream.on('data', (chunk: Buffer) => {
      upstream.pause();
      sending = true;
      let offset = 0;
      const send = () => {
        if (client.destroyed) return upstream.destroy();
        if (offset >= chunk.length) {
          sending = false;
          // The server's end waits for the last slice, or the response would be cut short.
          if (ended) client.end();
          return upstream.resume();
        }
        const piece = chunk.subarray(offset, offset + SLICE);
        offset += piece.length;
        const now = performance.now();
        free = Math.max(free, now) + (piece.length / bytesPerSecond) * 1000;
        client.write(piece);
        setTimeout(send, free - now);
      };
      send();
    });
    upstream.on('end', () => {
      ended = true;
      if (!sending) client.end();
    });
    const destroy = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', destroy);
    client.on('error', destroy);
    client.on('close', () => {
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    // The browser keeps its connections open: close waited for them, a minute after the suite.
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        for (const socket of open) socket.destroy();
        server.unref();
      }),
  };
}
