// A turn's text as paragraphs (#14): one <p> per paragraph inside the turn's `.text` block. Each
// paragraph holds its slice of `turn.text` with the joining space at its end (invisible at a
// line's end), so the text nodes under `.text` still add up to `turn.text` exactly and character
// offsets (selection, highlights, search) work across paragraphs unchanged.
import type { Turn } from '../../core/model.ts';

/** [from, to) character offsets of a turn's text. */
export type MarkRange = [number, number];

/** Where each paragraph of a turn starts and ends, in order. */
export function paragraphSpans(turn: Pick<Turn, 'text' | 'paragraphs'>): MarkRange[] {
  const at = [0, ...(turn.paragraphs ?? []).filter((p) => p > 0 && p < turn.text.length)];
  return at.map((from, k) => [from, at[k + 1] ?? turn.text.length]);
}

/** Fills `textEl` with the turn's paragraphs, characters [from, to) of `mark` in a <mark>. */
export function fillText(
  textEl: Element,
  turn: Pick<Turn, 'text' | 'paragraphs'>,
  mark: MarkRange | null,
): void {
  const doc = textEl.ownerDocument;
  const paras = paragraphSpans(turn).map(([from, to]) => {
    const p = doc.createElement('p');
    const part = (a: number, b: number) => turn.text.slice(a, b);
    if (!mark || mark[1] <= from || mark[0] >= to) {
      p.textContent = part(from, to);
      return p;
    }
    const a = Math.max(from, mark[0]);
    const b = Math.min(to, mark[1]);
    const m = doc.createElement('mark');
    m.textContent = part(a, b);
    p.append(...[part(from, a), m, part(b, to)].filter((x) => x !== ''));
    return p;
  });
  textEl.replaceChildren(...paras);
}
