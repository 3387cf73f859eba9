// Find-in-transcript: case- and accent-insensitive matches, as (turn, offset, length) in turn text.
import type { Turn } from './model.ts';

export interface Match {
  turn: number;
  offset: number;
  length: number;
}

const foldedChars = new Map<string, string>();

/** One character (or surrogate pair) without case or accents, the same length as it came. */
function foldChar(ch: string): string {
  let out = foldedChars.get(ch);
  if (out === undefined) {
    const base = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    // Keep lengths equal: fall back to the lower-cased character when folding changes its length.
    out =
      base.length === ch.length
        ? base
        : ch.toLowerCase().length === ch.length
          ? ch.toLowerCase()
          : ch;
    if (foldedChars.size < 10_000) foldedChars.set(ch, out);
  }
  return out;
}

/**
 * Folds case and accents, keeping one output character per input UTF-16 unit so offsets line up.
 * ASCII runs (most of an English transcript) are only lower-cased, a run at a time.
 */
export function fold(text: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const next = text.charCodeAt(i + 1);
    const pair = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    out += text.slice(run, i).toLowerCase() + foldChar(text.slice(i, pair ? i + 2 : i + 1));
    if (pair) i++;
    run = i + 1;
  }
  return run === 0 ? text.toLowerCase() : out + text.slice(run).toLowerCase();
}

/** Folded turn texts, once per transcript: folding 3 hours of text on every keystroke cost ~50 ms. */
const foldedCache = new WeakMap<readonly Turn[], string[]>();
function foldedTexts(turns: readonly Turn[]): string[] {
  let texts = foldedCache.get(turns);
  if (!texts) foldedCache.set(turns, (texts = turns.map((t) => fold(t.text))));
  return texts;
}

/** Every match of `query` in the turns, in transcript order; at most `limit` matches. */
export function findMatches(turns: readonly Turn[], query: string, limit = 5000): Match[] {
  const needle = fold(query.trim().replace(/\s+/g, ' '));
  if (needle.length < 2 && !/^\d$/.test(needle)) return [];
  const matches: Match[] = [];
  const texts = foldedTexts(turns);
  for (let t = 0; t < turns.length && matches.length < limit; t++) {
    const haystack = texts[t]!;
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(needle, from);
      if (at < 0 || matches.length >= limit) break;
      matches.push({ turn: t, offset: at, length: needle.length });
      from = at + needle.length;
    }
  }
  return matches;
}
