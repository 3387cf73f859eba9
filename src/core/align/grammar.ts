// The per-turn grammar: the turn's words in order, with the end of the previous turn and the
// start of the next as optional context, so a window that overlaps its neighbours absorbs
// their speech instead of stretching the turn over it. And the reverse: finding the turn's
// words in what the aligner returns.

import { keysOf, type AlignToken } from './tokens.ts';

/** Words of context taken from each neighbour. */
export const CONTEXT_WORDS = 6;

export interface TurnGrammar {
  /** JSGF text for the decoder. */
  jsgf: string;
  before: string[];
  turn: string[];
  after: string[];
}

const header = '#JSGF V1.0;\ngrammar turn;\n';

/** `[[[a] b] c]`: any suffix of the words, or none. */
function optionalSuffix(words: readonly string[]): string {
  return words.reduce((inner, w) => `[${inner === '' ? '' : `${inner} `}${w}]`, '');
}

/** `[a [b [c]]]`: any prefix of the words, or none. */
function optionalPrefix(words: readonly string[]): string {
  return words.reduceRight((inner, w) => `[${w}${inner === '' ? '' : ` ${inner}`}]`, '');
}

/** A grammar of exactly these words in order (for confirming a span). */
export function exactGrammar(words: readonly string[]): string {
  return `${header}public <s> = ${words.join(' ')};\n`;
}

export function turnGrammar(
  turn: readonly AlignToken[],
  previous: readonly AlignToken[],
  next: readonly AlignToken[],
): TurnGrammar {
  const before = keysOf(previous).slice(-CONTEXT_WORDS);
  const words = keysOf(turn);
  const after = keysOf(next).slice(0, CONTEXT_WORDS);
  const body = [optionalSuffix(before), words.join(' '), optionalPrefix(after)]
    .filter((part) => part !== '')
    .join(' ');
  return { jsgf: `${header}public <s> = ${body};\n`, before, turn: words, after };
}

/** A word as the aligner reports it: dictionary key (maybe with `(2)`), start and duration. */
export interface AlignedWord {
  t: string;
  b: number;
  d: number;
}

const FILLER = /^(<s>|<\/s>|<sil>|\(NULL\)|\[.*\]|\+.*\+)$/;

/** The base key of a reported word: `to(2)` is the second pronunciation of `to`. */
export function baseKey(t: string): string {
  return t.replace(/\(\d+\)$/, '');
}

/**
 * The turn's own words in the aligner's output, or null when the output is not some suffix
 * of `before`, then the turn's words, then some prefix of `after`.
 */
export function turnWords(out: readonly AlignedWord[], g: TurnGrammar): AlignedWord[] | null {
  const words = out.filter((w) => !FILLER.test(w.t));
  const keys = words.map((w) => baseKey(w.t));
  const n = g.turn.length;
  for (let k = 0; k + n <= keys.length && k <= g.before.length; k++) {
    const head = keys.slice(0, k);
    const tail = keys.slice(k + n);
    const suffixOk = head.every((key, i) => key === g.before[g.before.length - k + i]);
    const turnOk = g.turn.every((key, i) => key === keys[k + i]);
    const prefixOk = tail.length <= g.after.length && tail.every((key, i) => key === g.after[i]);
    if (suffixOk && turnOk && prefixOk) return words.slice(k, k + n);
  }
  return null;
}
