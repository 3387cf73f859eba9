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

/**
 * Groups cues into turns. A cue whose speaker is null keeps the previous speaker ('' before
 * any is named). `turn.text` is the cue texts joined by one space; every cue's and word's
 * `offset` is its position in that text. Cues with empty text are skipped.
 */
export function cuesToTurns(cues: readonly SpokenCue[]): Turn[] {
  const turns: Turn[] = [];
  let speaker = '';
  let turn: Turn | null = null;
  for (const c of cues) {
    if (c.text === '') continue;
    if (c.speaker !== null) speaker = c.speaker;
    if (turn === null || turn.speaker !== speaker) {
      turn = { start: c.start, end: c.end, speaker, text: '', cues: [] };
      turns.push(turn);
    }
    const offset = turn.text === '' ? 0 : turn.text.length + 1;
    turn.text = turn.text === '' ? c.text : turn.text + ' ' + c.text;
    if (c.end > turn.end) turn.end = c.end;
    const cue: Cue = { start: c.start, end: c.end, text: c.text, offset };
    if (c.words !== undefined && c.words.length > 0) cue.words = placeWords(c, offset);
    turn.cues.push(cue);
  }
  return turns;
}
