// Turning a turn's text into the words an aligner can look up, keeping each word's character
// offsets in the text as the page shows it.

/** One word as the aligner's dictionary and grammar know it. */
export interface AlignWord {
  /** Dictionary and grammar token: [a-z'] for plain words, `q…` (letters and digits) otherwise. */
  key: string;
  /** The spelling to pronounce when the dictionary lacks the key (case kept, for acronyms). */
  say: string;
}

/** A word of the text: its span and the one or more aligner words it is spoken as. */
export interface AlignToken {
  from: number;
  to: number;
  words: AlignWord[];
}

const LEADING = /^[^\p{L}\p{N}$£€#]+/u;
const TRAILING = /[^\p{L}\p{N}%]+$/u;

/** Lower case, no diacritics, straight apostrophes. */
export function foldWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘ʼ`]/g, "'")
    .toLowerCase();
}

/** A grammar-safe key for a word that is not plain letters (numbers, symbols, other scripts). */
function codedKey(folded: string): string {
  let key = 'q';
  for (const ch of folded) {
    if (/[a-z0-9]/.test(ch)) key += ch;
    else key += `x${ch.codePointAt(0)?.toString(36) ?? ''}`;
  }
  return key;
}

/** The aligner words of one written part (no spaces or hyphens inside). */
export function alignWord(part: string): AlignWord | null {
  const folded = foldWord(part).replace(/^'+|'+$/g, '');
  if (folded === '' || !/[\p{L}\p{N}]/u.test(folded)) return null;
  if (/^[a-z']+$/.test(folded)) return { key: folded, say: part };
  return { key: codedKey(folded), say: part };
}

/**
 * Splits text into alignable tokens. Surrounding punctuation is left out of a token's span;
 * hyphenated and slashed compounds are one token spoken as several words.
 */
export function tokenize(text: string): AlignToken[] {
  const tokens: AlignToken[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const raw = match[0];
    const lead = LEADING.exec(raw)?.[0].length ?? 0;
    const body = raw.slice(lead).replace(TRAILING, '');
    if (body === '') continue;
    const from = (match.index ?? 0) + lead;
    const parts = body.split(/[-‐‑–—/]+|(?<=\D)\.(?=\D)/u);
    const words = parts.map(alignWord).filter((w): w is AlignWord => w !== null);
    if (words.length > 0) tokens.push({ from, to: from + body.length, words });
  }
  return tokens;
}

/** The keys of a run of tokens, in order. */
export function keysOf(tokens: readonly AlignToken[]): string[] {
  return tokens.flatMap((t) => t.words.map((w) => w.key));
}
