// The turns in the audio's time (#12): each published turn replaced by its aligned copy when the
// aligner found it, else moved by the listener's nudge in effect for it. Everything the listener
// sees (data-start, the highlight, seeks, quotes) reads these; the published times stay on each
// moved turn (`published`).
import type { Turn } from './model.ts';
import { offsetAt, type SyncOffsets } from './sync-offsets.ts';

/** The turn `by` seconds later (earlier when negative), words and cues included. */
export function shiftTurn(turn: Turn, by: number): Turn {
  if (by === 0) return turn;
  return {
    ...turn,
    start: turn.start + by,
    end: turn.end + by,
    cues: turn.cues.map((cue) => ({
      ...cue,
      start: cue.start + by,
      end: cue.end + by,
      ...(cue.words
        ? {
            words: cue.words.map((w) => ({
              ...w,
              start: w.start + by,
              ...(w.end === undefined ? {} : { end: w.end + by }),
            })),
          }
        : {}),
    })),
    published: turn.published ?? { start: turn.start, end: turn.end },
  };
}

/**
 * The audio-time turns. Aligned turns are audio time already and take no nudge. Starts never go
 * back (a nudge or an estimate could reorder turns): a turn that would start before the one ahead
 * of it starts with it, and the later one wins from then on (CONTRACT.md). `shift` may remember
 * its answers, so that unchanged turns keep their objects.
 */
export function audioTurns(
  published: readonly Turn[],
  aligned: ReadonlyArray<Turn | undefined>,
  pieces: SyncOffsets,
  shift: (turn: Turn, by: number) => Turn = shiftTurn,
): Turn[] {
  const out: Turn[] = [];
  let floor = -Infinity;
  published.forEach((turn, i) => {
    let t = aligned[i] ?? shift(turn, offsetAt(pieces, turn.start));
    if (t.start < floor) t = { ...t, start: floor, end: Math.max(floor, t.end) };
    floor = t.start;
    out.push(t);
  });
  return out;
}

/** How finely a transcript is timed: the `data-timing` of CONTRACT.md "Word timing". */
export type TimingKind = 'turn' | 'cue' | 'word';

const hasWords = (c: Turn['cues'][number]) => (c.words?.length ?? 0) > 0;

/** True when every word of the turn has a time (or the turn is not in the audio at all). */
function wordTimed(t: Turn): boolean {
  if (t.timing === 'missing') return true;
  if (t.timing === 'aligned' || t.timing === 'shifted') return t.cues.some(hasWords);
  return t.timing === undefined && t.cues.length > 0 && t.cues.every(hasWords);
}

/**
 * `word` when every turn has a time for its words (aligned turns: for the words heard), `cue` when
 * the source times lines or cues (or a turn has several), else `turn`.
 */
export function timingKind(turns: readonly Turn[], cueTimedSource: boolean): TimingKind {
  if (turns.length > 0 && turns.every(wordTimed)) return 'word';
  return cueTimedSource || turns.some((t) => t.cues.length > 1) ? 'cue' : 'turn';
}
