// Decoding any episode format (mp3, m4a/aac, ogg/opus, wav, flac) to raw 16 kHz mono 16-bit
// samples with ffmpeg, as a child process with caps on duration and time. The binary comes
// from the npm package @ffmpeg-installer/ffmpeg (installed by `npm ci`); a system ffmpeg is
// only a fallback.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SAMPLE_RATE } from './model.ts';

export class DecodeError extends Error {
  constructor(
    readonly code: 'undecodable' | 'too-long' | 'timeout' | 'no-decoder',
    message: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

let found: string | null | undefined;

export function ffmpegPath(): string | null {
  if (found !== undefined) return found;
  const candidates: string[] = [];
  if (process.env.FFMPEG_PATH) candidates.push(process.env.FFMPEG_PATH);
  try {
    const pkg = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
    candidates.push(pkg.path);
  } catch {
    // No binary for this platform in the npm package.
  }
  candidates.push('/usr/bin/ffmpeg', '/usr/local/bin/ffmpeg');
  found =
    candidates.find((path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }) ?? null;
  return found;
}

export interface DecodeOptions {
  maxSeconds: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Decodes `input` into `output` (raw s16le, 16 kHz, mono); returns the duration in seconds. */
export function decodeToPcm(input: string, output: string, o: DecodeOptions): Promise<number> {
  const ffmpeg = ffmpegPath();
  if (!ffmpeg)
    return Promise.reject(
      new DecodeError('no-decoder', 'No audio decoder is installed on the server.'),
    );
  // One second past the cap tells "too long" from "exactly at the cap".
  const args = [
    '-nostdin',
    '-hide_banner',
    '-v',
    'error',
    '-y',
    '-i',
    input,
    '-vn',
    '-sn',
    '-ac',
    '1',
  ];
  args.push('-ar', String(SAMPLE_RATE), '-t', String(o.maxSeconds + 1), '-f', 's16le', output);
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new DecodeError(
          'timeout',
          `Decoding the audio took longer than ${Math.round(o.timeoutMs / 1000)} seconds.`,
        ),
      );
    }, o.timeoutMs);
    const abort = (): void => void child.kill('SIGKILL');
    o.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new DecodeError('no-decoder', `The audio decoder could not start (${error.message}).`),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', abort);
      let bytes = 0;
      try {
        bytes = statSync(output).size;
      } catch {
        bytes = 0;
      }
      const seconds = bytes / 2 / SAMPLE_RATE;
      if (seconds > o.maxSeconds)
        return reject(
          new DecodeError(
            'too-long',
            `The audio is longer than the ${Math.round((o.maxSeconds / 3600) * 10) / 10} hours the aligner accepts.`,
          ),
        );
      if (code !== 0 || bytes === 0)
        return reject(new DecodeError('undecodable', 'The audio file could not be decoded.'));
      resolve(seconds);
    });
  });
}
