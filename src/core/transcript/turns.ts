// Cues → speaker turns: a turn is a maximal run of consecutive cues by the same speaker.
import type { Cue, SpokenCue, Turn, Word } from '../model.ts';

/** Places a cue's words in the turn's text; drops any word whose text is not in the cue. */
function placeWords(cue: SpokenCue, cueOffset: number): Word[] {
  const words: Word[] = [];
  const source = cue.words ?? [];
  let cursor = 0;
  for (let k = 0; k < source.length; k++) {
    const w = source[k];
    if (w === undefined || w.text === '') continue;
    let at = w.offset !== undefined && cue.text.startsWith(w.text, w.offset) ? w.offset : -1;
    if (at < 0) at = cue.text.indexOf(w.text, cursor);
    if (at < 0) continue;
    cursor = at + w.text.length;
    const end = w.end ?? source[k + 1]?.start ?? cue.end;
    words.push({ start: w.start, end, text: w.text, offset: cueOffset + at });
  }
  return words;
}

/** Cues without paragraphs of their own are grouped into paragraphs of about this many characters, ended at a sentence's end (#14). */
const PARAGRAPH_CHARS = 360;
/** A pause this long (seconds) between two cues starts a paragraph, once the one before has some length. */
const PARAGRAPH_PAUSE = 2;
const SENTENCE_END = /[.!?…。！？]["'”’)\]]*$/u;

/** Whether cue `c`, joining `turn` at `offset`, starts a new paragraph there. */
function startsParagraph(c: SpokenCue, turn: Turn, offset: number, paraStart: number): boolean {
  if (c.paragraph !== undefined) return c.paragraph;
  const prev = turn.cues[turn.cues.length - 1];
  if (prev === undefined) return false;
  const length = offset - paraStart;
  return (
    (length >= PARAGRAPH_CHARS && SENTENCE_END.test(prev.text)) ||
    (length >= 80 && c.start - prev.end >= PARAGRAPH_PAUSE)
  );
}

/**
 * Groups cues into turns. A cue whose speaker is null keeps the previous speaker ('' before
 * any is named). `turn.text` is the cue texts joined by one space; every cue's and word's
 * `offset` is its position in that text. Cues with empty text are skipped. Paragraphs: the
 * source's (`paragraph`, `breaks`), else cues grouped by length and pauses (#14).
 */
export function cuesToTurns(cues: readonly SpokenCue[]): Turn[] {
  const turns: Turn[] = [];
  let speaker = '';
  let turn: Turn | null = null;
  let paraStart = 0;
  for (const c of cues) {
    if (c.text === '') continue;
    if (c.speaker !== null) speaker = c.speaker;
    if (turn === null || turn.speaker !== speaker) {
      turn = { start: c.start, end: c.end, speaker, text: '', cues: [] };
      turns.push(turn);
      paraStart = 0;
    }
    const offset = turn.text === '' ? 0 : turn.text.length + 1;
    const breaks: number[] = [];
    if (offset > 0 && startsParagraph(c, turn, offset, paraStart)) breaks.push(offset);
    for (const b of c.breaks ?? []) if (b > 0 && b < c.text.length) breaks.push(offset + b);
    if (breaks.length > 0) {
      (turn.paragraphs ??= []).push(...breaks);
      paraStart = breaks[breaks.length - 1]!;
    }
    turn.text = turn.text === '' ? c.text : turn.text + ' ' + c.text;
    if (c.end > turn.end) turn.end = c.end;
    if (c.endEstimated && c.end >= turn.end) turn.endEstimated = true;
    const cue: Cue = { start: c.start, end: c.end, text: c.text, offset };
    if (c.words !== undefined && c.words.length > 0) cue.words = placeWords(c, offset);
    turn.cues.push(cue);
  }
  return turns;
}
