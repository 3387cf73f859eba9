// A transcript inside show notes, as Substack-style shows publish them: under a Transcript
// heading (or as a stretch of paragraphs with recurring speaker labels), one turn per timed
// paragraph, untimed paragraphs continuing the turn above.
import type { Chapter, ParseIssue, ParseResult, SpokenCue } from '../model.ts';
import { chaptersFromStructure } from './chapters.ts';
import type { ParseHtml } from '../text/html-lines.ts';
import { readNotesStructure, type NotesStructure } from './structure.ts';
import { linesToCues } from '../text/timed-transcript.ts';

export interface NotesTranscriptOptions {
  /** Names known to be speakers (from the feed's `podcast:person`, say). */
  speakers?: readonly string[];
}

/** The transcript from an already read notes structure (see `findNotesTranscript`). */
export function transcriptFromStructure(
  s: NotesStructure,
  duration: number | null,
  options: NotesTranscriptOptions = {},
): ParseResult<SpokenCue[]> {
  if (s.transcript === null) {
    const errors: ParseIssue[] = s.untimedTranscript
      ? [
          {
            message:
              'The show notes have a transcript, but without times, so it cannot follow the audio.',
          },
        ]
      : [];
    return { value: [], errors };
  }
  const lines = s.lines.slice(s.transcript.from, s.transcript.to).map((l) => l.text);
  return linesToCues(lines, {
    duration,
    speakers: options.speakers ?? [],
    where: 'in the show notes',
  });
}

/**
 * Finds a transcript in show notes HTML: paragraphs like `00:00:06 Ada Park: text`,
 * `[00:00:06] <strong>Ada Park:</strong> text`, `<strong>Ada Park</strong> [00:00:06]: text` or
 * `Ada Park (00:06): text`. Cues come back sorted, within `duration` when it is known. Empty,
 * with no issue, when the notes hold no transcript. Never throws.
 */
export function findNotesTranscript(
  html: string,
  parseHtml: ParseHtml,
  duration: number | null,
  options: NotesTranscriptOptions = {},
): ParseResult<SpokenCue[]> {
  return transcriptFromStructure(readNotesStructure(html, parseHtml), duration, options);
}

/** Both the chapters and the transcript in show notes, reading the HTML once. */
export function readShowNotes(
  html: string,
  parseHtml: ParseHtml,
  duration: number | null,
  options: NotesTranscriptOptions = {},
): { chapters: ParseResult<Chapter[]>; transcript: ParseResult<SpokenCue[]> } {
  const s = readNotesStructure(html, parseHtml);
  return {
    chapters: chaptersFromStructure(s, duration),
    transcript: transcriptFromStructure(s, duration, options),
  };
}
