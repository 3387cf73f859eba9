// Several voices in one WebVTT cue (#15). The page's first load reads WebVTT without this; a file
// with such a cue is read again by the full reader (read.ts), which splits them.
import type { SpokenCue, Turn } from '../model.ts';

/** Each cue with several voices becomes a cue per voice; the others pass through. */
export function splitVoices(cues: readonly SpokenCue[]): SpokenCue[] {
  return cues.flatMap((cue) => (cue.voices ? byVoice(cue, cue.voices) : [cue]));
}

/** A turn that begins at a voice's estimated start says so (`≈`). */
export function markEstimated(turns: Turn[], cues: readonly SpokenCue[]): Turn[] {
  const estimated = new Set(cues.filter((c) => c.startEstimated).map((c) => c.start));
  for (const turn of turns) if (estimated.has(turn.start)) turn.timing = 'estimated';
  return turns;
}

/**
 * A cue with several voices (`<v Ada>Ready?</v> <v Bo>Ready.</v>`) becomes a cue per voice, each
 * with its speaker (#15). A voice's start is then known only by its place in the text: estimated
 * from the cue's times (`startEstimated`), unless a word timestamp gives it.
 */
function byVoice(cue: SpokenCue, voices: Array<[number, string]>): SpokenCue[] {
  const { text, start, end, words } = cue;
  const parts: SpokenCue[] = [];
  voices.forEach(([from, speaker], k) => {
    const to = voices[k + 1]?.[0] ?? text.length;
    // Dialogue dashes (`- Ready? - Ready.`) and spaces at the edges belong to no one.
    const a = from + /^[\s\-–—]*/.exec(text.slice(from, to))![0].length;
    const b = Math.max(a, to - /[\s\-–—]*$/.exec(text.slice(a, to))![0].length);
    if (a === b) return;
    const own = words?.filter((w) => (w.offset ?? 0) >= a && (w.offset ?? 0) < b) ?? [];
    const timed = own[0]?.offset === a ? own[0].start : k === 0 ? start : null;
    const part: SpokenCue = {
      start: timed ?? start + ((end - start) * a) / text.length,
      end,
      text: text.slice(a, b),
      speaker,
    };
    if (own.length > 0) part.words = own.map((w) => ({ ...w, offset: (w.offset ?? 0) - a }));
    if (timed === null) part.startEstimated = true;
    const before = parts.at(-1);
    if (before) before.end = part.start;
    parts.push(part);
  });
  return parts;
}
