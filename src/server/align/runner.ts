// One alignment job from audio URL to word times: download (SSRF rules), decode, find the
// speech, then align turns nearest the listener's position first, two passes, and report
// untranscribed speech. Everything it learns goes out through `emit` as it happens.
import { closeSync, copyFileSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { orderByFocus, type TurnInput, type TurnResult } from '../../core/align/plan.ts';
import { findGaps, frameLevels, speechFlags, speechSeconds } from '../../core/align/speech.ts';
import { tokenize } from '../../core/align/tokens.ts';
import { ProxyError } from '../proxy-error.ts';
import { downloadAudio, type AudioFetchOptions, type AudioIdentity } from './audio-fetch.ts';
import { decodeToPcm, DecodeError, type DecodeOptions } from './decode.ts';
import { failure, type AlignEvent } from './events.ts';
import { SAMPLE_RATE } from './model.ts';
import type { WindowAligner } from './pool.ts';
import { searchTurn, settleTurn, type SearchContext } from './turn-search.ts';

export interface RunInput {
  id: string;
  audio: string;
  /** The audio as a file of this server's own (own-file.ts): read, not fetched. */
  local?: string;
  turns: TurnInput[];
}

/** Which copy a file of the server's own is: its size and modification time stand in for an ETag. */
export function localIdentity(url: string, file: string): AudioIdentity | null {
  try {
    const s = statSync(file);
    return {
      url,
      length: s.size,
      etag: `"${s.size.toString(16)}-${Math.floor(s.mtimeMs).toString(16)}"`,
    };
  } catch {
    return null;
  }
}

export interface RunSettings {
  workDir: string;
  fetch: Omit<AudioFetchOptions, 'signal'>;
  decode: Omit<DecodeOptions, 'signal'>;
  aligner: WindowAligner;
  maxLater: number;
  maxEarlier: number;
}

export interface RunHooks {
  emit(e: AlignEvent): void;
  focus(): number;
  signal: AbortSignal;
}

/** Speech flags of the whole decoded file, read in pieces (a long episode is hundreds of MB). */
function speechOf(pcm: string): Uint8Array {
  const fd = openSync(pcm, 'r');
  const parts: Float32Array[] = [];
  const chunk = Buffer.alloc(SAMPLE_RATE * 2 * 60);
  try {
    for (let at = 0; ;) {
      const got = readSync(fd, chunk, 0, chunk.length, at);
      if (got <= 0) break;
      at += got;
      const samples = new Int16Array(chunk.buffer, chunk.byteOffset, Math.floor(got / 2));
      parts.push(frameLevels(samples, SAMPLE_RATE));
    }
  } finally {
    closeSync(fd);
  }
  const levels = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) {
    levels.set(p, k);
    k += p.length;
  }
  return speechFlags(levels);
}

function codeOf(error: unknown): string {
  if (error instanceof DecodeError) return error.code;
  if (error instanceof ProxyError) {
    if (error.status === 403) return 'refused';
    if (error.status === 413) return 'too-large';
    if (error.status === 504) return 'timeout';
    return 'unreachable';
  }
  return 'internal';
}

export interface RunOutcome {
  audio: AudioIdentity;
  events: AlignEvent[];
  ok: boolean;
}

export async function runAlignment(
  input: RunInput,
  s: RunSettings,
  h: RunHooks,
): Promise<RunOutcome> {
  const events: AlignEvent[] = [];
  const emit = (e: AlignEvent): void => {
    events.push(e);
    h.emit(e);
  };
  const file = join(s.workDir, `${input.id}.audio`);
  const pcm = join(s.workDir, `${input.id}.pcm`);
  let audio: AudioIdentity = { url: input.audio, length: null, etag: null };
  try {
    const own = input.local ? localIdentity(input.audio, input.local) : null;
    if (own && input.local) copyFileSync(input.local, file);
    audio = own ?? (await downloadAudio(input.audio, file, { ...s.fetch, signal: h.signal }));
    const duration = await decodeToPcm(file, pcm, { ...s.decode, signal: h.signal });
    rmSync(file, { force: true });
    emit({ event: 'meta', data: { duration, audio } });
    const flags = speechOf(pcm);
    if (speechSeconds(flags, 0, duration) < 0.5) {
      emit(failure('no-speech'));
      return { audio, events, ok: false };
    }
    const results: Array<TurnResult | undefined> = new Array<TurnResult | undefined>(
      input.turns.length,
    );
    const c: SearchContext = {
      pcm,
      duration,
      turns: input.turns,
      tokens: input.turns.map((t) => tokenize(t.text)),
      results,
      flags,
      aligner: s.aligner,
      maxLater: s.maxLater,
      maxEarlier: s.maxEarlier,
      signal: h.signal,
    };
    let done = 0;
    const finish = (r: TurnResult): void => {
      results[r.index] = r;
      emit({ event: 'turn', data: r });
      emit({ event: 'progress', data: { done: ++done, total: input.turns.length } });
    };
    // First pass, nearest the focus first, as many turns in flight as the aligner has threads.
    const waiting = new Set(input.turns.map((_, i) => i));
    const deferred: number[] = [];
    await new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const next = (): void => {
        if (h.signal.aborted) return reject(h.signal.reason as Error);
        while (inFlight < s.aligner.capacity && waiting.size > 0) {
          const i = orderByFocus(input.turns, h.focus()).find((k) => waiting.has(k));
          if (i === undefined) break;
          waiting.delete(i);
          inFlight++;
          searchTurn(c, i).then((r) => {
            inFlight--;
            if (r) finish(r);
            else deferred.push(i);
            next();
          }, reject);
        }
        if (inFlight === 0 && waiting.size === 0) resolve();
      };
      next();
    });
    deferred.sort((a, b) => a - b);
    for (const i of deferred) finish(await settleTurn(c, i));
    if (!results.some((r) => r?.status === 'aligned' || r?.status === 'shifted')) {
      emit(failure('no-match'));
      return { audio, events, ok: false };
    }
    for (const gap of findGaps(input.turns, results, flags)) emit({ event: 'gap', data: gap });
    emit({ event: 'done', data: {} });
    return { audio, events, ok: true };
  } catch (error) {
    if (h.signal.aborted) throw error;
    const code = codeOf(error);
    if (code === 'internal') console.error(error);
    emit(failure(code));
    return { audio, events, ok: false };
  } finally {
    rmSync(file, { force: true });
    rmSync(pcm, { force: true });
  }
}
