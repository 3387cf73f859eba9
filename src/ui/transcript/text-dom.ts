// A turn's text may be split into several text nodes (a <mark> for quoted words): these map
// character offsets in turn.text to DOM positions and back.
import { pointAtLabel, type TextPoint } from '../../core/quote/text-point.ts';
import type { Turn } from '../../core/model.ts';

/** The DOM position of character `offset` inside `el`'s text. */
export function textPosition(el: Element, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let left = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.length) return { node, offset: left };
    left -= node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : { node: el, offset: 0 };
}

/** A Range over characters [offset, offset + length) of `el`'s text. */
export function textRange(el: Element, offset: number, length: number): Range {
  const range = new Range();
  const a = textPosition(el, offset);
  const b = textPosition(el, offset + length);
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** The character offset in `el`'s text of a DOM boundary (node, nodeOffset) inside it. */
export function offsetIn(el: Element, node: Node, nodeOffset: number): number {
  const range = new Range();
  range.setStart(el, 0);
  range.setEnd(node, nodeOffset);
  return range.toString().length;
}

/** Maps a DOM selection over the transcript to two text points, or null if it is not inside it. */
export function selectionPoints(
  range: Range,
  turnEls: readonly HTMLElement[],
  turns: readonly Turn[],
): { from: TextPoint; to: TextPoint } | null {
  const point = (node: Node, nodeOffset: number, edge: 'start' | 'end'): TextPoint | null => {
    const el = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(
      '[data-start][data-speaker]',
    );
    const turn = el ? turnEls.indexOf(el) : -1;
    if (turn < 0) return null;
    const text = el!.querySelector('.text');
    if (text && text.contains(node)) return { turn, offset: offsetIn(text, node, nodeOffset) };
    if (text && node === el && nodeOffset > [...el!.childNodes].indexOf(text))
      return { turn, offset: turns[turn]!.text.length };
    return pointAtLabel(turns, turn, edge); // in the speaker name or timestamp
  };
  const from = point(range.startContainer, range.startOffset, 'start');
  const to = point(range.endContainer, range.endOffset, 'end');
  if (!from && !to) return null;
  const last = turns.length - 1;
  return {
    from: from ?? { turn: 0, offset: 0 },
    to: to ?? { turn: last, offset: turns[last]?.text.length ?? 0 },
  };
}
