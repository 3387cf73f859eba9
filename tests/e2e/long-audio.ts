// A long MP3 for streaming tests, made from the demo's frames (no encoder needed on a fresh machine):
// the demo repeated, without its Xing/Info frame, so the browser sizes it from the bitrate.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const BITRATES: Record<string, number[]> = {
  // kbps by bitrate index, Layer III: MPEG-1, then MPEG-2/2.5
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

/** Byte length of the MPEG audio frame whose header starts at `i`, or 0 if there is none. */
function frameLength(b: Uint8Array, i: number): number {
  if (b[i] !== 0xff || ((b[i + 1] ?? 0) & 0xe0) !== 0xe0) return 0;
  const version = ((b[i + 1] ?? 0) >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  const layer = ((b[i + 1] ?? 0) >> 1) & 3; // 1 = Layer III
  const kbps = (version === 3 ? BITRATES.v1 : BITRATES.v2)?.[((b[i + 2] ?? 0) >> 4) & 15] ?? 0;
  const rate = RATES[version]?.[((b[i + 2] ?? 0) >> 2) & 3] ?? 0;
  if (layer !== 1 || !kbps || !rate) return 0;
  const padding = ((b[i + 2] ?? 0) >> 1) & 1;
  return Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / rate) + padding;
}

/** The audio frames of an MP3, without ID3 tags or the Xing/Info frame. */
export function mp3Frames(bytes: Uint8Array): Uint8Array[] {
  let i = 0;
  if (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    i =
      10 +
      (((bytes[6]! & 0x7f) << 21) |
        ((bytes[7]! & 0x7f) << 14) |
        ((bytes[8]! & 0x7f) << 7) |
        (bytes[9]! & 0x7f));
  }
  const frames: Uint8Array[] = [];
  while (i < bytes.length) {
    const length = frameLength(bytes, i);
    if (!length) break;
    const frame = bytes.subarray(i, i + length);
    const tag = Buffer.from(frame.subarray(0, 64)).toString('latin1');
    if (!tag.includes('Xing') && !tag.includes('Info')) frames.push(frame);
    i += length;
  }
  return frames;
}

/** Writes `out` as the demo episode repeated `times` times; returns its size in bytes. */
export function writeLongMp3(demo: string, out: string, times: number): number {
  const frames = mp3Frames(readFileSync(demo));
  const one = Buffer.concat(frames);
  const all = Buffer.concat(Array.from({ length: times }, () => one));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, all);
  return all.length;
}
