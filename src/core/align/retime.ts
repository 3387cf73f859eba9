// A published turn + the aligner's result for it → the turn in audio time (#12): words placed in
// the turn's cues, cue and turn times from the words heard, text that was not heard marked.
import type { Cue, Turn, Word } from '../model.ts';
import type { AlignedWord, TurnResult } from './wire.ts';

/** Something worth hearing: a letter or a digit (punctuation between words is never "missing"). */
const SPOKEN = /[\p{L}\p{N}]/u;

/** The server's words that fit the text, in order, neither overlapping nor going back in time. */
function usableWords(text: string, words: readonly AlignedWord[]): AlignedWord[] {
  const out: AlignedWord[] = [];
  for (const w of [...words].sort((a, b) => a.from - b.from)) {
    const prev = out[out.length - 1];
    if (w.to > text.length || (prev && (w.from < prev.to || w.start < prev.start))) continue;
    out.push(w);
  }
  return out;
}

/** Character ranges [from, to) holding letters or digits that no word covers, trimmed of spaces. */
export function unheardRanges(
  text: string,
  words: readonly AlignedWord[],
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const consider = (a: number, b: number) => {
    let s = a;
    let e = b;
    while (s < e && /[\s\p{P}]/u.test(text.charAt(s))) s++;
    while (e > s && /[\s\p{P}]/u.test(text.charAt(e - 1))) e--;
    if (s < e && SPOKEN.test(text.slice(s, e))) out.push([s, e]);
  };
  let at = 0;
  for (const w of words) {
    consider(at, w.from);
    at = w.to;
  }
  consider(at, text.length);
  return out;
}

const lerp = (a: number, b: number, f: number) => a + (b - a) * Math.min(1, Math.max(0, f));

/**
 * The turn as the audio has it. `aligned`/`shifted`: every heard word gets its time (a word the
 * server could only place by its position keeps `estimated`), each cue spans
 * its words (a cue with none is placed between its neighbours' words); `missing`: no words, the
 * whole text marked unheard; `estimated`: the server's estimated start and end, no words.
 */
export function retimeTurn(turn: Turn, result: TurnResult): Turn {
  const heard =
    result.status === 'aligned' || result.status === 'shifted'
      ? usableWords(turn.text, result.words)
      : [];
  const first = heard[0];
  const last = heard[heard.length - 1];
  const start = first ? Math.min(result.start, first.start) : result.start;
  const published = turn.end - turn.start;
  const end = Math.max(
    start,
    result.end ?? last?.end ?? start + (Number.isFinite(published) ? published : 0),
  );
  // A word the aligner only placed by its position keeps saying so: shown as ≈, never exact.
  const toWord = (w: AlignedWord): Word => ({
    start: w.start,
    end: w.end,
    text: turn.text.slice(w.from, w.to),
    offset: w.from,
    ...(w.estimated ? { estimated: true as const } : {}),
  });
  const source = turn.cues.length > 0 ? turn.cues : [{ offset: 0, text: turn.text } as Cue];
  const cues: Cue[] = source.map((cue, c) => {
    const to = cue.offset + cue.text.length;
    const mine = heard.filter((w) => w.from >= cue.offset && w.from < to);
    if (mine.length > 0) {
      const words = mine.map(toWord);
      return {
        start: words[0]!.start,
        end: words[words.length - 1]!.end ?? end,
        text: cue.text,
        offset: cue.offset,
        words,
      };
    }
    if (heard.length === 0) {
      // No word heard: the cues share the turn's time by their place in the text.
      const length = Math.max(1, turn.text.length);
      const next = source[c + 1]?.offset ?? turn.text.length;
      return {
        start: lerp(start, end, cue.offset / length),
        end: lerp(start, end, next / length),
        text: cue.text,
        offset: cue.offset,
      };
    }
    const before = heard.filter((w) => w.to <= cue.offset).pop();
    const after = heard.find((w) => w.from >= to);
    const a = before?.end ?? start;
    return { start: a, end: Math.max(a, after?.start ?? end), text: cue.text, offset: cue.offset };
  });
  const unheard =
    result.status === 'missing'
      ? unheardRanges(turn.text, [])
      : heard.length > 0
        ? unheardRanges(turn.text, heard)
        : [];
  const out: Turn = {
    start,
    end,
    speaker: turn.speaker,
    text: turn.text,
    cues,
    published: turn.published ?? { start: turn.start, end: turn.end },
    timing: result.status,
  };
  if (unheard.length > 0) out.unheard = unheard;
  return out;
}
