// A transcript inside show notes, as Substack-style shows publish them: under a Transcript
// heading (or as a stretch of paragraphs with recurring speaker labels), one turn per timed
// paragraph, untimed paragraphs continuing the turn above.
import type { Chapter, ParseIssue, ParseResult, SpokenCue } from '../model.ts';
import { chaptersFromStructure, chaptersSpan } from './chapters.ts';
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

/**
 * A stretch of the notes' lines a part was read from (#14): `[from, to)` in `htmlToLines` order,
 * with the first and last line's text, so a view of the notes can find and fold them.
 */
export interface NotesSpan {
  from: number;
  to: number;
  first: string;
  last: string;
}

function span(s: NotesStructure, range: { from: number; to: number } | null): NotesSpan | null {
  if (range === null || range.to <= range.from) return null;
  const first = s.lines[range.from]?.text ?? '';
  const last = s.lines[range.to - 1]?.text ?? '';
  return { from: range.from, to: range.to, first, last };
}

/** Both the chapters and the transcript in show notes, reading the HTML once, and the lines each used. */
export function readShowNotes(
  html: string,
  parseHtml: ParseHtml,
  duration: number | null,
  options: NotesTranscriptOptions = {},
): {
  chapters: ParseResult<Chapter[]>;
  transcript: ParseResult<SpokenCue[]>;
  used: { chapters: NotesSpan | null; transcript: NotesSpan | null };
} {
  const s = readNotesStructure(html, parseHtml);
  const chapters = chaptersFromStructure(s, duration);
  const transcript = transcriptFromStructure(s, duration, options);
  const t = s.transcript;
  // The Transcript heading goes with it.
  const tRange = t && {
    from: s.heading[t.from - 1] === 'transcript' ? t.from - 1 : t.from,
    to: t.to,
  };
  return {
    chapters,
    transcript,
    used: {
      chapters: chapters.value.length > 0 ? span(s, chaptersSpan(s)) : null,
      transcript: transcript.value.length > 0 ? span(s, tRange) : null,
    },
  };
}
