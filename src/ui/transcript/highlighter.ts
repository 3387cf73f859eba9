// Word, cue and sentence highlights through the CSS Custom Highlight API: moving one costs no layout.
import { textRange } from './text-dom.ts';

export interface Highlighter {
  /** Highlights `length` characters at `offset` of an element's text; returns the range, or null if unsupported. */
  show(el: Element, offset: number, length: number, estimate: boolean): Range | null;
  clear(): void;
}

export function createHighlighter(): Highlighter {
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  if (!registry || typeof Highlight === 'undefined') return { show: () => null, clear: () => {} };
  const now = new Highlight();
  const estimate = new Highlight();
  registry.set('verbatim-now', now);
  registry.set('verbatim-estimate', estimate);
  return {
    show(el, offset, length, isEstimate) {
      now.clear();
      estimate.clear();
      const range = textRange(el, Math.max(0, offset), length);
      (isEstimate ? estimate : now).add(range);
      return range;
    },
    clear() {
      now.clear();
      estimate.clear();
    },
  };
}
