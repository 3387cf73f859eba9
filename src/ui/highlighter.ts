// Word, cue and sentence highlights through the CSS Custom Highlight API: moving one costs no layout.

export interface Highlighter {
  /** Highlights `length` characters at `offset` of a text node; returns the range, or null if unsupported. */
  show(text: Text, offset: number, length: number, estimate: boolean): Range | null;
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
    show(text, offset, length, isEstimate) {
      now.clear();
      estimate.clear();
      const max = text.length;
      const start = Math.min(Math.max(0, offset), max);
      const range = new Range();
      range.setStart(text, start);
      range.setEnd(text, Math.min(max, start + length));
      (isEstimate ? estimate : now).add(range);
      return range;
    },
    clear() {
      now.clear();
      estimate.clear();
    },
  };
}

export interface RangeSpec {
  text: Text;
  offset: number;
  length: number;
}

/** Search matches (and the chosen one) as Custom Highlights; returns the chosen match's range. */
export function createSearchHighlighter(): { show(all: RangeSpec[], current: RangeSpec | null): Range | null } {
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  if (!registry || typeof Highlight === 'undefined') return { show: () => null };
  const all = new Highlight();
  const chosen = new Highlight();
  registry.set('verbatim-search', all);
  registry.set('verbatim-search-current', chosen);
  const toRange = ({ text, offset, length }: RangeSpec) => {
    const range = new Range();
    const start = Math.min(offset, text.length);
    range.setStart(text, start);
    range.setEnd(text, Math.min(text.length, start + length));
    return range;
  };
  return {
    show(specs, current) {
      all.clear();
      chosen.clear();
      for (const spec of specs) all.add(toRange(spec));
      if (!current) return null;
      const range = toRange(current);
      chosen.add(range);
      return range;
    },
  };
}
