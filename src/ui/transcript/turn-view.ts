// The turn elements as built, and what is drawn on them: the current turn and the quote marks.
// Plain DOM, no Svelte state: the highlight touches these elements directly, never re-rendering
// the list, and the DOM holds no state the app reads back.
import type { Turn } from '../../core/model.ts';
import { applyMarks, type MarkRange } from './marks.ts';
import { renderTurns, speakerHues, type TurnList } from './turn-list.ts';

export class TurnView {
  /** One element per turn, in transcript order; the same array across rebuilds. */
  readonly els: HTMLElement[] = [];
  #current: HTMLElement | null = null;
  /** The quote ranges now shown in <mark>, per turn. */
  #marked = new Map<number, MarkRange>();

  /** The current turn's element, or null. */
  get current(): HTMLElement | null {
    return this.#current;
  }

  /** Replaces `host`'s children with the turns; everything drawn on the old ones is gone. */
  build(host: HTMLElement, turns: readonly Turn[]): TurnList {
    const hues = speakerHues(turns);
    const list = renderTurns(host, turns, (speaker) => hues.get(speaker) ?? 0);
    this.els.length = 0;
    for (const el of list.turnEls) this.els.push(el); // no spread: a huge transcript would overflow the arguments
    this.#current = null;
    this.#marked = new Map();
    return list;
  }

  /** The element holding turn `index`'s text. */
  textOf(index: number): Element | null {
    return this.els[index]?.querySelector('.text') ?? null;
  }

  /** Marks turn `index` (−1: none) as current; returns its element when that changed, else null. */
  setCurrent(index: number): HTMLElement | null {
    const el = index >= 0 ? (this.els[index] ?? null) : null;
    if (el === this.#current) return null;
    this.#current?.removeAttribute('aria-current');
    el?.setAttribute('aria-current', 'true');
    this.#current = el;
    return el;
  }

  /**
   * Shows `wanted` in <mark>, touching only turns whose range changed. Returns true when any
   * did: their text nodes are new, so word and search highlights there must be drawn again.
   */
  mark(turns: readonly Turn[], wanted: ReadonlyMap<number, MarkRange>): boolean {
    const changed = applyMarks(this.els, turns, this.#marked, wanted);
    this.#marked = new Map(wanted);
    return changed;
  }
}
