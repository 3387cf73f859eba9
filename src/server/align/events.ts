// The events a job sends to the page (server-sent events), as plain data: one shape for the
// live stream, the replay to a late subscriber and the disk cache.
import type { TurnResult } from '../../core/align/plan.ts';
import type { Gap } from '../../core/align/speech.ts';
import type { AudioIdentity } from './audio-fetch.ts';

export type AlignEvent =
  | { event: 'meta'; data: { duration: number; audio: AudioIdentity } }
  | { event: 'turn'; data: TurnResult }
  | { event: 'gap'; data: Gap }
  | { event: 'progress'; data: { done: number; total: number } }
  | { event: 'done'; data: Record<string, never> }
  | { event: 'error'; data: { code: string; message: string } };

/** Plain sentences for the listener, by error code. */
export const FAILURE: Readonly<Record<string, string>> = {
  unreachable: 'Word timing could not be found: the audio could not be downloaded.',
  refused:
    'Word timing could not be found: the audio is at an address the server does not fetch from.',
  'too-large': 'Word timing could not be found: the audio file is too large.',
  'too-long': 'Word timing could not be found: the episode is too long.',
  undecodable: 'Word timing could not be found: the audio could not be decoded.',
  'no-decoder': 'Word timing could not be found: the server has no audio decoder.',
  timeout: 'Word timing could not be found: the audio took too long to download or decode.',
  'no-speech': 'Word timing could not be found: no speech in the audio.',
  'no-match': 'Word timing could not be found: the audio does not match the transcript.',
  internal: 'Word timing could not be found: the aligner failed.',
};

export function failure(code: string): AlignEvent {
  return { event: 'error', data: { code, message: FAILURE[code] ?? FAILURE.internal ?? '' } };
}
