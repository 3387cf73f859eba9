// Time inside a turn at a character offset, from the finest timing known (#11): used by quotes
// for their start and end and by the transcript for click-to-seek, so it lives above both.
import type { Cue, Turn, Word } from './model.ts';

/** `n`, or `fallback` when `n` is NaN or infinite. */
export const finite = (n: number, fallback: number): number => (Number.isFinite(n) ? n : fallback);
/** `n` kept within [lo, hi]. */
export const clamp = (n: number, lo: number, hi: number): number => Math.min(Math.max(n, lo), hi);

/** Linear position of `offset` between `start` and `end` over `length` characters. */
function lerp(start: number, end: number, offset: number, length: number): number {
  if (length <= 0) return start;
  return start + (end - start) * clamp(offset / length, 0, 1);
}

/** The cue holding `offset`; in the space between two cues, the next one for a start, the previous for an end. */
function cueAt(cues: readonly Cue[], offset: number, edge: 'start' | 'end'): Cue | undefined {
  let before: Cue | undefined;
  for (const cue of cues) {
    const from = cue.offset;
    const to = cue.offset + cue.text.length;
    if (edge === 'start' ? offset >= from && offset < to : offset > from && offset <= to)
      return cue;
    if (to <= offset) before = cue;
    else if (from >= offset) return edge === 'start' || before === undefined ? cue : before;
  }
  return before ?? cues[0];
}

/** The word whose time `wordTime` reads for `offset`, or undefined when it reads the cue's. */
function wordAt(words: readonly Word[], offset: number, edge: 'start' | 'end'): Word | undefined {
  // start: the word containing the offset, or the first one after it; else the last word's end.
  if (edge === 'start') return words.find((w) => w.offset + w.text.length > offset) ?? words.at(-1);
  // end: the word containing the character before the offset, or the last one before it.
  let k = -1;
  for (let i = 0; i < words.length; i++) if ((words[i]?.offset ?? Infinity) < offset) k = i;
  return words[k] ?? words[0];
}

function wordTime(words: readonly Word[], cue: Cue, offset: number, edge: 'start' | 'end'): number {
  if (edge === 'start') {
    const word = words.find((w) => w.offset + w.text.length > offset);
    if (word) return word.start;
    const last = words[words.length - 1];
    return last?.end ?? cue.end;
  }
  let k = -1;
  for (let i = 0; i < words.length; i++) if ((words[i]?.offset ?? Infinity) < offset) k = i;
  const word = words[k];
  if (!word) return words[0]?.start ?? cue.start;
  return word.end ?? words[k + 1]?.start ?? cue.end;
}

/**
 * Transcript time (seconds) at a character offset of a turn: exact from word timing, else
 * interpolated inside the cue, else across the turn; always within [turn.start, turn.end].
 * `start` takes the word at or after the offset, `end` the word before it (an end offset is exclusive).
 */
export function timeAt(turn: Turn, offset: number, edge: 'start' | 'end'): number {
  const lo = finite(turn.start, 0);
  const hi = Math.max(lo, finite(turn.end, lo));
  const at = clamp(finite(offset, 0), 0, turn.text.length);
  const cue = cueAt(turn.cues, at, edge);
  let t: number;
  if (!cue) t = lerp(lo, hi, at, turn.text.length);
  else if (cue.words && cue.words.length > 0) t = wordTime(cue.words, cue, at, edge);
  else t = lerp(cue.start, Math.max(cue.start, cue.end), at - cue.offset, cue.text.length);
  return clamp(finite(t, lo), lo, hi);
}

/**
 * True when `timeAt(turn, offset, edge)` is interpolated (no word times, and the offset is not at
 * the start or end of a cue or of the turn) (#14), read from a word the aligner could only place
 * by its position, or in a turn it did not find at all (#12): the time is only an estimate.
 */
export function timeIsEstimate(turn: Turn, offset: number, edge: 'start' | 'end'): boolean {
  if (turn.timing === 'estimated') return true;
  const at = clamp(finite(offset, 0), 0, turn.text.length);
  const cue = cueAt(turn.cues, at, edge);
  if (!cue) return at !== 0 && at !== turn.text.length;
  if (cue.words && cue.words.length > 0) return wordAt(cue.words, at, edge)?.estimated === true;
  return edge === 'start' ? at !== cue.offset : at !== cue.offset + cue.text.length;
}
