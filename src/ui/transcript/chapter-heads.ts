// Chapter titles as headings inside the transcript, where chapters begin (#14): placed between the
// built turns (never rebuilding them, so the current turn and highlights stay put when chapters
// arrive or change), carrying `data-chapter-start` and never a turn's `data-start`/`data-speaker`.
import type { Chapter, Turn } from '../../core/model.ts';
import { plainSeconds } from '../../core/time.ts';

/** Replaces the headings among `turnEls` with one per titled chapter, before the turn it begins in. */
export function placeChapterHeads(
  turnEls: readonly HTMLElement[],
  turns: readonly Turn[],
  chapters: readonly Chapter[],
): void {
  const host = turnEls[0]?.parentElement?.parentElement;
  host?.querySelectorAll('.chapter-head').forEach((h) => h.remove());
  let next = 0;
  turns.forEach((turn, i) => {
    // Headed before the turn it begins in, or the next one when it begins in the turn's second half.
    const middle = (turn.start + Math.max(turn.start, turn.end)) / 2;
    while (next < chapters.length && (chapters[next]?.start ?? 0) < middle) {
      const chapter = chapters[next++]!;
      const el = turnEls[i];
      if (!el || chapter.title.trim() === '') continue;
      const h = el.ownerDocument.createElement('h3');
      h.className = 'chapter-head';
      h.dataset.chapterStart = plainSeconds(chapter.start);
      h.textContent = chapter.title;
      el.before(h);
    }
  });
}
