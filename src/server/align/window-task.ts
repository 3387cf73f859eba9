// What the job runner asks an aligner thread to do, and what it answers: plain data, so a
// shared queue could carry it to threads in another process instead.
import type { AlignedWord, TurnGrammar } from '../../core/align/grammar.ts';
import type { AlignWord } from '../../core/align/tokens.ts';

export interface WindowTask {
  /** Raw 16 kHz mono signed 16-bit little-endian samples of the decoded audio. */
  pcm: string;
  /** The window, seconds of audio. */
  from: number;
  to: number;
  /** Every word of the grammar, so the thread can add pronunciations it lacks. */
  words: AlignWord[];
  grammar: TurnGrammar;
}

export interface WindowResult {
  /** The turn's words in audio time, or null when the window did not yield them. */
  words: AlignedWord[] | null;
  /** Per-frame log score of the words over their span minus a free phone loop's; null if unknown. */
  score: number | null;
}

/** Below this the words were forced onto audio that does not say them. */
export const MIN_SCORE = -4;
