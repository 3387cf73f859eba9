// Search matches (and the chosen one) as CSS Custom Highlights over the turns' text.
import type { Match } from '../../core/search.ts';
import { textRange } from './text-dom.ts';

/** Highlighting is capped; the count and the seek bar's markers still cover every match. */
const MAX_SHOWN = 2000;

interface RangeSpec {
  el: Element;
  offset: number;
  length: number;
}

export interface SearchHighlighter {
  /** Shows `matches` and the chosen one; returns the chosen match's range, or null. */
  show(
    matches: readonly Match[],
    current: Match | null,
    textOf: (turn: number) => Element | null,
  ): Range | null;
}

export function createSearchHighlighter(): SearchHighlighter {
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  if (!registry || typeof Highlight === 'undefined') return { show: () => null };
  const all = new Highlight();
  const chosen = new Highlight();
  registry.set('verbatim-search', all);
  registry.set('verbatim-search-current', chosen);
  const toRange = ({ el, offset, length }: RangeSpec) => textRange(el, offset, length);
  return {
    show(matches, current, textOf) {
      const spec = (m: Match): RangeSpec | null => {
        const el = textOf(m.turn);
        return el ? { el, offset: m.offset, length: m.length } : null;
      };
      all.clear();
      chosen.clear();
      for (const m of matches.slice(0, MAX_SHOWN)) {
        const s = spec(m);
        if (s) all.add(toRange(s));
      }
      const target = current ? spec(current) : null;
      if (!target) return null;
      const range = toRange(target);
      chosen.add(range);
      return range;
    },
  };
}
