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
  /** True for a word the aligner only placed by its position (#12): highlighted as an estimate. */
  estimated?: true;
}

/** A stretch shorter than this, with no finer timing, gets no sentence estimate: the turn or cue is enough. */
const LONG_TURN_CHARS = 220;

/**
 * The fine units of one turn, in text order: its words when it has word times, else its cues,
 * with a long cue (or a long turn with one time) split into sentences whose times are estimated
 * from their length (#14: a show-notes paragraph is one cue of thousands of characters).
 */
export function turnUnits(turn: Turn, t: number): FineUnit[] {
  const units: FineUnit[] = [];
  const hasWords = turn.cues.some((cue) => cue.words && cue.words.length > 0);
  const cues = turn.cues.length > 0 ? turn.cues : [{ ...turn, offset: 0 }];
  for (const cue of cues) {
    if (hasWords && cue.words?.length) {
      for (const word of cue.words) {
        units.push({
          turn: t,
          offset: word.offset,
          length: word.text.length,
          start: word.start,
          kind: 'word',
          ...(word.estimated ? { estimated: true as const } : {}),
        });
      }
    } else if (!hasWords && cue.text.length >= LONG_TURN_CHARS) {
      for (const s of estimateSentences(cue.text, cue.start, cue.end)) {
        units.push({
          turn: t,
          offset: cue.offset + s.offset,
          length: s.length,
          start: s.start,
          kind: 'sentence',
        });
      }
    } else if (hasWords || cues.length > 1) {
      units.push({
        turn: t,
        offset: cue.offset,
        length: cue.text.length,
        start: cue.start,
        kind: 'cue',
      });
    }
  }
  return units;
}

/** All fine units of a transcript, sorted by start (ties keep transcript order). */
export function buildFineUnits(turns: readonly Turn[]): FineUnit[] {
  const units: FineUnit[] = [];
  turns.forEach((turn, t) => {
    for (const unit of turnUnits(turn, t)) units.push(unit);
  });
  // Stable sort: overlapping sources may be slightly out of order; equal starts keep transcript order.
  return units.sort((a, b) => a.start - b.start);
}

/**
 * Where a click at character `offset` of a turn seeks (transcript time): the clicked word's start
 * when words are timed, else the clicked cue's or (estimated) sentence's; the turn's start when
 * the turn has nothing finer (#14).
 */
export function clickedTime(turn: Turn, offset: number): { start: number; estimate: boolean } {
  let hit: FineUnit | null = null;
  for (const unit of turnUnits(turn, 0)) {
    if (unit.offset <= offset) hit = unit;
    else break;
  }
  return hit
    ? { start: hit.start, estimate: hit.kind === 'sentence' || hit.estimated === true }
    : { start: turn.start, estimate: false };
}
