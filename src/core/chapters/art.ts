// Which chapter image shows at a time (#14): the image of the last chapter, listed or silent,
// that starts at or before it. A chapter without an image shows the episode's own art.
import type { Chapter } from '../model.ts';
import { lastAtOrBefore } from '../timeline-index.ts';

/** An image that shows from `start` on. */
export interface ChapterArt {
  start: number;
  img: string;
}

/** The images of `chapters` (silent ones included when given), sorted by start. */
export function artTimeline(chapters: Chapter[]): ChapterArt[] {
  return chapters
    .flatMap((c) => (c.img ? [{ start: c.start, img: c.img }] : []))
    .sort((a, b) => a.start - b.start);
}

/**
 * The image to show at `t` seconds, or undefined before the first chapter and in a chapter that
 * has none. A later chapter without an image ends the previous image, so that one is listed too.
 */
export function artAt(art: ChapterArt[], chapters: Chapter[], t: number): string | undefined {
  const i = lastAtOrBefore(
    art.map((a) => a.start),
    t,
  );
  const found = art[i];
  if (!found) return undefined;
  // A listed chapter without an image that starts after this image ends it.
  const c = lastAtOrBefore(
    chapters.map((ch) => ch.start),
    t,
  );
  const chapter = chapters[c];
  if (chapter && chapter.start > found.start && !chapter.img) return undefined;
  return found.img;
}
