// Every timestamp in the displayed show notes becomes a seek control: only in text, never inside
// attributes or existing links (FORMATS.md).
import { findTimestampsInText } from '../core/text/timestamps.ts';

/** Wraps clock tokens in `root`'s text in buttons carrying `data-seek` (seconds). */
export function linkTimestamps(root: HTMLElement, duration: number | null): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('a, button')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    const tokens = findTimestampsInText(text.data, duration);
    if (tokens.length === 0) continue;
    const parts = document.createDocumentFragment();
    let at = 0;
    for (const token of tokens) {
      parts.append(text.data.slice(at, token.index));
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'seek-time';
      button.dataset['seek'] = String(token.seconds);
      button.textContent = text.data.slice(token.index, token.index + token.length);
      parts.append(button);
      at = token.index + token.length;
    }
    parts.append(text.data.slice(at));
    text.replaceWith(parts);
  }
}
