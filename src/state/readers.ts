// The page reads WebVTT (the demo's format) at once and loads the other readers (SRT, JSON, HTML,
// plain text, the show-notes finders, JSON chapters) only when an episode needs them (#11): ~8 KiB of gzip off
// the first load. Readers never throw, and neither does loading one: a failed load is null, for
// the caller to say in words.
import type { ChapterArt } from '../core/chapters/art.ts';
import type { NotesSpan } from '../core/show-notes/transcript.ts';
import type { Chapter, ParseResult, SourceKind, Turn } from '../core/model.ts';
import type { ParseHtml } from '../core/text/html-lines.ts';
import { contentKind } from '../core/transcript/source.ts';
import { cuesToTurns } from '../core/transcript/turns.ts';
import { parseVtt } from '../core/transcript/vtt.ts';
import { firstView } from './first-view.ts';

async function loaded<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch {
    return null;
  }
}

/** A transcript file as turns, or null when its reader could not be loaded. */
export async function readTranscript(
  text: string,
  kind: SourceKind,
  parseHtml?: ParseHtml,
): Promise<ParseResult<Turn[]> | null> {
  if (contentKind(kind, text) === 'vtt') {
    const { value, errors } = parseVtt(text);
    // Several voices in one cue, or what may be a `Name:` label: the full reader (read.ts).
    if (!value.some((c) => c.voices || /^(>>|[^:]{1,40}: )/.test(c.text)))
      return { value: cuesToTurns(value), errors };
  }
  const read = await loaded(() => import('../core/transcript/read.ts'));
  return read && read.parseTranscriptFile(text, kind, parseHtml);
}

/** The chapters and transcript written into show notes, or null when the finders could not be loaded. */
export async function readShowNotesLazily(
  html: string,
  parseHtml: ParseHtml,
  duration: number | null,
): Promise<{
  chapters: ParseResult<Chapter[]>;
  transcript: ParseResult<Turn[]>;
  used: { chapters: NotesSpan | null; transcript: NotesSpan | null };
} | null> {
  const notes = await loaded(() => import('../core/show-notes/transcript.ts'));
  if (!notes) return null;
  const { chapters, transcript, used } = notes.readShowNotes(html, parseHtml, duration);
  return {
    used,
    chapters,
    transcript: { value: cuesToTurns(transcript.value), errors: transcript.errors },
  };
}

/**
 * A `podcast:chapters` file, with its images by time (silent chapters' included, #14), or null
 * when its reader could not be loaded.
 */
export async function readChaptersJson(
  text: string,
  baseUrl: string,
): Promise<(ParseResult<Chapter[]> & { art: ChapterArt[] }) | null> {
  await firstView(); // chapters are not part of the first view
  const [json, art] = await Promise.all([
    loaded(() => import('../core/chapters/json.ts')),
    loaded(() => import('../core/chapters/art.ts')),
  ]);
  if (!json || !art) return null;
  // Silent chapters are not listed, but their artwork shows: a second, small parse keeps them.
  const all = json.parseChaptersJson(text, baseUrl, { includeSilent: true });
  return { ...json.parseChaptersJson(text, baseUrl), art: art.artTimeline(all.value) };
}
