// The aligner alone on a loopback port, for the bench to measure as a separate process
// (its RSS and CPU time are the server's own). Prints the port on stdout.
import { createServer } from 'node:http';
import { createAligner } from '../../src/server/align/setup.ts';

const aligner = createAligner({
  enabled: true,
  allowPrivate: true,
  cacheDir: process.env.ALIGN_CACHE_DIR,
});
const server = createServer((req, res) => void aligner.handle(req, res));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
process.on('SIGTERM', () => void aligner.close().then(() => process.exit(0)));
