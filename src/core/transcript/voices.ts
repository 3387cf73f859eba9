// Several voices in one WebVTT cue (#15). The page's first load reads WebVTT without this; a file
// with such a cue is read again by the full reader (read.ts), which splits them.
import type { SpokenCue, Turn } from '../model.ts';

/** Each cue with several voices becomes a cue per voice; the others pass through. */
export function splitVoices(cues: readonly SpokenCue[]): SpokenCue[] {
  return cues.flatMap((cue) => (cue.voices && !cue.words ? byVoice(cue, cue.voices) : [cue]));
}

/** A turn that begins at a voice's estimated start says so (`≈`). */
export function markEstimated(turns: Turn[], cues: readonly SpokenCue[]): Turn[] {
  const estimated = new Set(cues.filter((c) => c.startEstimated).map((c) => c.start));
  for (const turn of turns) if (estimated.has(turn.start)) turn.timing = 'estimated';
  return turns;
}

/** Spaces, and a dialogue dash standing alone (`- Ready?`), at a voice's edges: `-40` keeps its sign. */
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isDash = (c: string | undefined) => c === '-' || c === '–' || c === '—';

/**
 * A cue with several voices (`<v Ada>Ready?</v> <v Bo>Ready.</v>`) becomes a cue per voice, each
 * with its speaker (#15). A later voice's start is then known only by its place in the text:
 * estimated from the cue's times (`startEstimated`). Cues with word times are left whole (their
 * words would have to be cut at the voices' edges).
 */
function byVoice(cue: SpokenCue, voices: Array<[number, string]>): SpokenCue[] {
  const { text, start, end } = cue;
  const parts: SpokenCue[] = [];
  voices.forEach(([from, speaker], k) => {
    const to = voices[k + 1]?.[0] ?? text.length;
    // Step over the edges one character at a time (a regex anchored only at one end was
    // quadratic on a long run of spaces and dashes).
    let a = from;
    let b = to;
    for (;;) {
      while (a < b && isSpace(text[a])) a++;
      if (a < b && isDash(text[a]) && (a + 1 === b || isSpace(text[a + 1]))) a++;
      else break;
    }
    for (;;) {
      while (b > a && isSpace(text[b - 1])) b--;
      if (b > a && isDash(text[b - 1]) && b - 1 > a && isSpace(text[b - 2])) b--;
      else break;
    }
    if (a === b) return;
    const first = parts.length === 0;
    const part: SpokenCue = {
      start: first ? start : start + ((end - start) * a) / text.length,
      end,
      text: text.slice(a, b),
      speaker,
    };
    if (!first) part.startEstimated = true;
    const before = parts.at(-1);
    if (before) before.end = Math.max(before.start, part.start);
    parts.push(part);
  });
  return parts;
}
