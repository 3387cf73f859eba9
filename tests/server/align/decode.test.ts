// The decoder ships with `npm ci` (@ffmpeg-installer/ffmpeg) and reads every usual episode format.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { decodeToPcm, ffmpegPath } from '../../../src/server/align/decode.ts';
import { FIXTURES, truth } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'align-decode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the npm package provides the ffmpeg binary', () => {
  const pkg = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
  expect(ffmpegPath()).toBe(pkg.path);
});

test.each([
  ['m4a', ['-c:a', 'aac', '-b:a', '48k']],
  ['ogg', ['-c:a', 'libopus', '-b:a', '32k']],
  ['wav', []],
  ['flac', []],
  ['mp3', ['-c:a', 'copy']],
])('decodes %s to 16 kHz mono', { timeout: 60_000 }, async (ext, codec) => {
  const file = join(dir, `in.${ext}`);
  execFileSync(ffmpegPath() ?? 'ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    join(FIXTURES, 'dialogue.mp3'),
    ...codec,
    file,
  ]);
  const out = join(dir, `${ext}.pcm`);
  const seconds = await decodeToPcm(file, out, { maxSeconds: 600, timeoutMs: 30_000 });
  expect(Math.abs(seconds - truth.duration)).toBeLessThan(0.15);
  expect(statSync(out).size).toBe(Math.round(seconds * 16000) * 2);
});
