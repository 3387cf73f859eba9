// Paragraph breaks kept through whitespace collapsing (#14): a parser records where paragraphs
// begin in its raw text, and gets their places in the collapsed text the listener reads.

const SPACE = /[\s\u00a0]/;

/**
 * Collapses whitespace runs in `raw` to one space and trims the ends, like the transcript's text,
 * and moves each break (a raw offset where a paragraph begins) to the first character at or
 * after it. Breaks that land at the start or end, or twice in one place, are dropped.
 */
export function collapseKeepingBreaks(
  raw: string,
  breaks: readonly number[],
): { text: string; breaks: number[] } {
  let text = '';
  const at = new Array<number>(raw.length + 1);
  let space = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    if (SPACE.test(ch)) {
      space = true;
      continue;
    }
    if (space && text !== '') text += ' ';
    space = false;
    at[i] = text.length;
    text += ch;
  }
  const out: number[] = [];
  for (const b of [...breaks].sort((x, y) => x - y)) {
    let j = Math.max(0, b);
    while (j < raw.length && at[j] === undefined) j++;
    const o = at[j] ?? text.length;
    if (o > 0 && o < text.length && out[out.length - 1] !== o) out.push(o);
  }
  return { text, breaks: out };
}
