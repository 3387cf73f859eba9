// The finer units highlighted inside the current turn: words, else cues, else estimated sentences.
import type { Turn } from './model.ts';
import { estimateSentences } from './text/sentences.ts';

export type FineKind = 'word' | 'cue' | 'sentence';

export interface FineUnit {
  /** Index of the turn the unit belongs to. */
  turn: number;
  /** Character offset and length in the turn's text. */
  offset: number;
  length: number;
  start: number;
  kind: FineKind;
}

/** A turn shorter than this, with no finer timing, gets no sentence estimate: the turn is enough. */
const LONG_TURN_CHARS = 220;

/** All fine units of a transcript, sorted by start (ties keep transcript order). */
export function buildFineUnits(turns: readonly Turn[]): FineUnit[] {
  const units: FineUnit[] = [];
  turns.forEach((turn, t) => {
    const hasWords = turn.cues.some((cue) => cue.words && cue.words.length > 0);
    if (hasWords) {
      for (const cue of turn.cues) {
        if (!cue.words?.length) {
          units.push({
            turn: t,
            offset: cue.offset,
            length: cue.text.length,
            start: cue.start,
            kind: 'cue',
          });
          continue;
        }
        for (const word of cue.words) {
          units.push({
            turn: t,
            offset: word.offset,
            length: word.text.length,
            start: word.start,
            kind: 'word',
          });
        }
      }
    } else if (turn.cues.length > 1) {
      for (const cue of turn.cues) {
        units.push({
          turn: t,
          offset: cue.offset,
          length: cue.text.length,
          start: cue.start,
          kind: 'cue',
        });
      }
    } else if (turn.text.length >= LONG_TURN_CHARS) {
      for (const s of estimateSentences(turn.text, turn.start, turn.end)) {
        units.push({
          turn: t,
          offset: s.offset,
          length: s.length,
          start: s.start,
          kind: 'sentence',
        });
      }
    }
  });
  // Stable sort: overlapping sources may be slightly out of order; equal starts keep transcript order.
  return units.sort((a, b) => a.start - b.start);
}
