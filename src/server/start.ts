import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './app-server.ts';

// dist/ sits at the project root, two levels up from src/server/.
const root = fileURLToPath(new URL('../../dist', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const allowPrivate = process.env.ALLOW_PRIVATE_FEEDS === '1';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a number from 0 to 65535, not "${process.env.PORT}".`);
  process.exit(1);
}

// A fresh clone has no build yet: make one rather than serve nothing.
if (!existsSync(join(root, 'index.html'))) {
  console.log('No build in dist/ yet: running `vite build` first…');
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  const built = spawnSync('npx', ['vite', 'build'], { cwd, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = createServer({ root, proxy: { allowPrivate } });
server.on('error', (error) => {
  console.error(`Verbatim could not listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  console.log(`Verbatim is serving ${root} on http://${shownHost}:${actualPort}/`);
  if (allowPrivate)
    console.warn(
      'ALLOW_PRIVATE_FEEDS=1: the feed proxy may reach private addresses. Local testing only.',
    );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
