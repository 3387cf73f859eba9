// A real phone-width viewport in WebKitGTK: MiniBrowser's window cannot be narrower than its toolbar
// (~447 CSS px), so the app is shown in a 390 × 844 iframe. The app forbids framing
// (frame-ancestors 'none'); this local HTTP proxy drops only that directive, and serves the frame page.
import { createServer, request, type Server } from 'node:http';

export interface PhoneFrame {
  /** The page holding the app at phone size; `path` is the app's path and query. */
  url(path: string, width?: number, height?: number): string;
  close(): Promise<void>;
}

export async function startPhoneFrame(appUrl: string): Promise<PhoneFrame> {
  const app = new URL(appUrl);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/__phone') {
      const width = Number(url.searchParams.get('w')) || 390;
      const height = Number(url.searchParams.get('h')) || 844;
      const src = url.searchParams.get('src') ?? '/';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><body style="margin:0;background:#888"><iframe id="phone" src="${src.replace(/"/g, '&quot;')}" ` +
          `style="width:${width}px;height:${height}px;border:0;display:block"></iframe></body>`,
      );
      return;
    }
    const upstream = request(
      {
        host: app.hostname,
        port: app.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        const headers = { ...answer.headers };
        const csp = headers['content-security-policy'];
        if (typeof csp === 'string')
          headers['content-security-policy'] = csp.replace(/frame-ancestors[^;]*;?/, '');
        delete headers['x-frame-options'];
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path, width = 390, height = 844) =>
      `http://127.0.0.1:${port}/__phone?${new URLSearchParams({ src: path, w: String(width), h: String(height) })}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
