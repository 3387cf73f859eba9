// Podcasting 2.0 JSON chapters: float startTime kept, toc:false hidden, sorted, unknown keys ignored.
import type { Chapter, ParseIssue, ParseResult } from '../model.ts';
import { isRecord, jsonSeconds } from '../json-values.ts';
import { plainText } from '../text/plain-text.ts';
import { httpUrl } from '../url.ts';

export interface ChaptersJsonOptions {
  /** Keep `toc: false` chapters, marked `toc: false` (inspect lists them; the page hides them). */
  includeSilent?: boolean;
}

/** Parses a `podcast:chapters` JSON file; `baseUrl` resolves relative `url`/`img`. */
export function parseChaptersJson(
  text: string,
  baseUrl?: string,
  options: ChaptersJsonOptions = {},
): ParseResult<Chapter[]> {
  const errors: ParseIssue[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { value: [], errors: [{ message: 'The chapters file is not valid JSON.' }] };
  }
  const list = isRecord(data) ? data['chapters'] : Array.isArray(data) ? data : undefined;
  if (!Array.isArray(list)) {
    return { value: [], errors: [{ message: 'The chapters file has no "chapters" list.' }] };
  }
  const chapters: Chapter[] = [];
  list.forEach((item: unknown, i) => {
    if (!isRecord(item)) {
      errors.push({ message: `Chapter ${i + 1} is not an object; skipped.` });
      return;
    }
    const start = jsonSeconds(item['startTime']);
    if (start === null) {
      errors.push({ message: `Chapter ${i + 1} has no valid startTime; skipped.` });
      return;
    }
    const silent = item['toc'] === false;
    if (silent && !options.includeSilent) return; // silent chapter: not listed, not a jump target
    // Titles are plain text; a CMS that escaped them (`Q&amp;A`) meant the characters (#15).
    const title = typeof item['title'] === 'string' ? plainText(item['title']) : '';
    const end = jsonSeconds(item['endTime']);
    const chapter: Chapter = { start, title: title || `Chapter ${chapters.length + 1}` };
    if (end !== null && end > start) chapter.end = end;
    const url = httpUrl(item['url'], baseUrl);
    if (url) chapter.url = url;
    const img = httpUrl(item['img'], baseUrl);
    if (img) chapter.img = img;
    if (silent) chapter.toc = false;
    chapters.push(chapter);
  });
  chapters.sort((a, b) => a.start - b.start);
  return { value: chapters, errors };
}
