// Follow mode: keep the current turn comfortably in view; a reader's own scroll pauses it.
import type { Reader } from '../../state/reader.svelte.ts';
import { isTypingTarget } from '../keys.ts';

const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

export interface Follower {
  reveal(el: Element, force?: boolean): void;
  revealRange(range: Range): void;
  onUserScroll(): void;
  onKey(event: KeyboardEvent): void;
}

/** The band where the current line may sit without scrolling: below the sticky bar, above the player. */
function band(): { top: number; bottom: number } {
  const player = document.querySelector<HTMLElement>('[data-player-bar]');
  const now = document.querySelector<HTMLElement>('[data-now-bar]');
  const bottom = player ? player.getBoundingClientRect().top : innerHeight;
  // The sticky bar's height, not its position: before the page scrolls it sits further down.
  return { top: Math.max(90, (now?.offsetHeight ?? 0) + 16), bottom: bottom - 24 };
}

/** Glides over short moves; jumps over long ones (opening a link deep in a 3-hour transcript, a far seek). */
function scrollToY(y: number): void {
  const far = Math.abs(y - scrollY) > innerHeight * 2;
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  scrollTo({ top: Math.max(0, y), behavior: reduce || far ? 'instant' : 'smooth' });
}

export function createFollower(reader: Reader): Follower {
  // Read layout only when the current line changes, never per frame.
  function bring(rect: DOMRect, force: boolean): void {
    const { top, bottom } = band();
    const fits = rect.height < (bottom - top) * 0.8;
    const outside =
      rect.top < top || (fits ? rect.bottom > bottom : rect.top > top + (bottom - top) * 0.5);
    if (!force && !outside) return;
    const anchor = top + (bottom - top) * 0.22;
    scrollToY(scrollY + rect.top - anchor);
  }
  return {
    reveal(el, force = false) {
      if (reader.follow || force) bring(el.getBoundingClientRect(), force);
    },
    revealRange(range) {
      if (!reader.follow) return;
      const rect = range.getBoundingClientRect();
      const { top, bottom } = band();
      if (rect.height > 0 && (rect.bottom > bottom || rect.top < top)) bring(rect, true);
    },
    onUserScroll() {
      reader.pauseFollow();
    },
    onKey(event) {
      if (SCROLL_KEYS.has(event.key) && !isTypingTarget(event.target)) reader.pauseFollow();
    },
  };
}

/** Puts a search match a third of the way down the window, at once: the reader asked to go there. */
export function scrollToMatch(range: Range): void {
  const rect = range.getBoundingClientRect();
  scrollTo({ top: scrollY + rect.top - innerHeight * 0.35, behavior: 'instant' });
}
