// Kept apart from the JSON reader so the page can load that reader on demand (#11).
import type { Chapter } from '../model.ts';

/** Drops chapters that start past the episode's end (they cannot be reached). */
export function clampChapters(chapters: Chapter[], duration: number | null): Chapter[] {
  return duration === null ? chapters : chapters.filter((c) => c.start < duration);
}
