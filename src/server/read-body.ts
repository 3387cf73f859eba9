import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Transform } from 'node:stream';
import {
  constants,
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
} from 'node:zlib';
import { ProxyError } from './proxy-error.ts';

export function tooLarge(maxBytes: number): ProxyError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new ProxyError(413, `The file is larger than the ${mb} MB the proxy accepts for it.`);
}

/** Yields the response's raw bytes, failing as soon as they pass the cap. */
async function* capped(source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    yield chunk;
  }
}

/** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; look at the header. */
function isZlibHeader(chunk: Buffer): boolean {
  const [cmf = 0, flg = 0] = chunk;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

function decoderFor(encoding: string, first: Buffer): Transform | null {
  // Lenient flushing, as browsers are, for bodies whose compressed stream is cut short.
  const lenient = { finishFlush: constants.Z_SYNC_FLUSH };
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip(lenient);
    case 'deflate':
      return isZlibHeader(first) ? createInflate(lenient) : createInflateRaw(lenient);
    case 'br':
      return createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new ProxyError(
        502,
        `The server sent the file in an encoding the proxy cannot read (${encoding}).`,
      );
  }
}

/**
 * Reads and decodes a response body, capping both the received and the decoded size so a
 * small compressed "bomb" is stopped after maxBytes of output, not after it fills memory.
 */
export async function readDecodedBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const raw = capped(res, maxBytes);
  const first = await raw.next();
  if (first.done) return Buffer.alloc(0);
  const head = first.value;
  const decoder = decoderFor(encoding, head);

  const chunks: Buffer[] = [head];
  if (decoder === null) {
    for await (const chunk of raw) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
  chunks.length = 0;
  let total = 0;
  async function* replay(): AsyncGenerator<Buffer> {
    yield head;
    yield* raw;
  }
  try {
    await pipeline(replay(), decoder, async (decoded: AsyncIterable<Buffer>) => {
      for await (const chunk of decoded) {
        total += chunk.length;
        if (total > maxBytes) throw tooLarge(maxBytes);
        chunks.push(chunk);
      }
    });
  } catch (error) {
    if (error instanceof ProxyError) throw error;
    if (isZlibError(error))
      throw new ProxyError(502, 'The server sent a compressed file that could not be decoded.');
    throw error;
  }
  return Buffer.concat(chunks);
}

function isZlibError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    /^(Z_|ERR_BROTLI|ERR_ZLIB)/.test(String(error.code))
  );
}
