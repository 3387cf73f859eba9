// Find-in-transcript: case- and accent-insensitive matches, as (turn, offset, length) in turn text.
import type { Turn } from './model.ts';

export interface Match {
  turn: number;
  offset: number;
  length: number;
}

/** Folds case and accents, keeping one output character per input UTF-16 unit so offsets line up. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    // Keep lengths equal: fall back to the lower-cased character when folding changes its length.
    out += base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

/** Every match of `query` in the turns, in transcript order; at most `limit` matches. */
export function findMatches(turns: readonly Turn[], query: string, limit = 5000): Match[] {
  const needle = fold(query.trim().replace(/\s+/g, ' '));
  if (needle.length < 2 && !/^\d$/.test(needle)) return [];
  const matches: Match[] = [];
  for (let t = 0; t < turns.length && matches.length < limit; t++) {
    const haystack = fold(turns[t]!.text);
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
