// Where the audio has speech, from loudness alone (enough to tell an ad from a pause, and an
// episode from silence), and the gaps between aligned turns that hold speech the text lacks.

import { publishedSpan, type TurnInput, type TurnResult } from './plan.ts';

/** Loudness frames per second. */
export const FRAME_RATE = 50;

/** RMS level in dBFS of each 20 ms frame of 16-bit samples at the given rate. */
export function frameLevels(samples: Int16Array, sampleRate: number): Float32Array {
  const size = Math.round(sampleRate / FRAME_RATE);
  const frames = Math.floor(samples.length / size);
  const out = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let i = f * size; i < (f + 1) * size; i++) {
      const s = (samples[i] ?? 0) / 32768;
      sum += s * s;
    }
    out[f] = 10 * Math.log10(sum / size + 1e-12);
  }
  return out;
}

/** Speech flags: frames well above the noise floor (10th percentile) and not near-silent. */
export function speechFlags(levels: Float32Array): Uint8Array {
  const sorted = Float32Array.from(levels).sort();
  const floor = sorted[Math.floor(sorted.length * 0.1)] ?? -120;
  const threshold = Math.max(-50, floor + 15);
  return Uint8Array.from(levels, (db) => (db > threshold ? 1 : 0));
}

/** Seconds of speech in [a, b). */
export function speechSeconds(flags: Uint8Array, a: number, b: number): number {
  let n = 0;
  const end = Math.min(flags.length, Math.ceil(b * FRAME_RATE));
  for (let f = Math.max(0, Math.floor(a * FRAME_RATE)); f < end; f++) n += flags[f] ?? 0;
  return n / FRAME_RATE;
}

/** The first and last speech in [a, b), or null when there is none. */
function speechExtent(flags: Uint8Array, a: number, b: number): [number, number] | null {
  const from = Math.max(0, Math.floor(a * FRAME_RATE));
  const to = Math.min(flags.length, Math.ceil(b * FRAME_RATE));
  let first = -1;
  let last = -1;
  for (let f = from; f < to; f++) {
    if (flags[f]) {
      if (first < 0) first = f;
      last = f;
    }
  }
  return first < 0 ? null : [first / FRAME_RATE, (last + 1) / FRAME_RATE];
}

export interface Gap {
  start: number;
  end: number;
}

/** Untranscribed speech shorter than this is left alone (laughter, a cough, crosstalk). */
export const MIN_GAP_SPEECH = 2;

/**
 * Speech between consecutive found turns (and before the first) that their published times
 * leave no room for: an inserted ad, or talk the transcript left out.
 */
export function findGaps(
  turns: readonly TurnInput[],
  results: ReadonlyArray<TurnResult | undefined>,
  flags: Uint8Array,
): Gap[] {
  const found = results.filter(
    (r): r is TurnResult => r !== undefined && (r.status === 'aligned' || r.status === 'shifted'),
  );
  const gaps: Gap[] = [];
  let prevEnd = 0;
  let prevPublishedEnd = 0;
  for (const r of found) {
    const published = publishedSpan(turns, r.index);
    const room = published[0] - prevPublishedEnd;
    const extra = r.start - prevEnd - Math.max(0, room);
    const extent = speechExtent(flags, prevEnd, r.start);
    if (extra >= MIN_GAP_SPEECH && extent) {
      const seconds = speechSeconds(flags, extent[0], extent[1]);
      if (seconds >= MIN_GAP_SPEECH) gaps.push({ start: extent[0], end: extent[1] });
    }
    prevEnd = r.end;
    prevPublishedEnd = published[1];
  }
  return gaps;
}
