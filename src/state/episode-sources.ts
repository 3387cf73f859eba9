// Where an episode's transcript and chapters come from (FORMATS.md, "Choosing sources"): the one
// sequence both the page (Library) and `npm run inspect --episode` run (#15), so what inspect
// prints is what the episode view shows. Pure: fetching, HTML parsing and reporting come in.
import { clampChapters, parseChaptersJson } from '../core/chapters/json.ts';
import type { Chapter, Episode, ParseIssue, SourceKind, Turn } from '../core/model.ts';
import { readShowNotes } from '../core/show-notes/transcript.ts';
import { parseTranscriptFile, rankTranscripts, transcriptKind } from '../core/transcript/source.ts';
import { cuesToTurns } from '../core/transcript/turns.ts';
import { FetchError, type Fetched } from './fetcher.ts';

export interface SourceDeps {
  fetch: (url: string, kind: 'transcript' | 'chapters') => Promise<Fetched>;
  /** The HTML parser for HTML transcripts and show notes; without one they are not read. */
  parseHtml: ((html: string) => Document) | null;
  /** The listener's language (BCP 47), to pick among transcripts in several languages. */
  language: string;
  /** Says a problem in plain words (the page alerts it, inspect lists it). */
  report: (message: string) => void;
  /** True once the listener has moved on: stop quietly. */
  stale?: () => boolean;
}

export interface FoundTranscript {
  turns: Turn[];
  source: SourceKind;
  /** What the parser met in the source it was read from: quiet notes, not alerts (#11). */
  issues: string[];
}

export interface FoundChapters {
  chapters: Chapter[];
  source: SourceKind;
  /** What the parser met in the source it was read from: quiet notes, not alerts (#11). */
  issues: string[];
}

interface NotesRead {
  chapters: Chapter[];
  transcript: Turn[];
  chapterIssues: string[];
  transcriptIssues: string[];
}

const messages = (errors: readonly ParseIssue[]) => errors.map((e) => e.message);

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** " (404)." for an HTTP status, else ": <the reason>." — the tail of "The … could not be loaded". */
export function failureReason(error: unknown): string {
  if (error instanceof FetchError)
    return error.status ? ` (${error.status}).` : `: ${lowerFirst(error.message)}`;
  return ': the address could not be reached.';
}

const notesCache = new WeakMap<Episode, NotesRead>();

/** The chapters and transcript written into an episode's show notes (read once per episode). */
export function showNotesOf(
  episode: Episode,
  parseHtml: SourceDeps['parseHtml'],
): NotesRead | null {
  if (!parseHtml || !episode.notesHtml) return null;
  let found = notesCache.get(episode);
  if (!found) {
    const { chapters, transcript } = readShowNotes(episode.notesHtml, parseHtml, episode.duration);
    found = {
      chapters: chapters.value,
      transcript: cuesToTurns(transcript.value),
      chapterIssues: messages(chapters.errors),
      transcriptIssues: messages(transcript.errors),
    };
    notesCache.set(episode, found);
  }
  return found;
}

/** The best transcript file that loads and reads, else the show notes' transcript, else null. */
export async function findTranscript(
  episode: Episode,
  deps: SourceDeps,
): Promise<FoundTranscript | null> {
  const stale = deps.stale ?? (() => false);
  for (const ref of rankTranscripts(episode.transcripts, deps.language)) {
    const kind = transcriptKind(ref);
    try {
      const fetched = await deps.fetch(ref.url, 'transcript');
      if (stale()) return null;
      const { value, errors } = parseTranscriptFile(
        fetched.text,
        kind,
        deps.parseHtml ?? undefined,
      );
      if (value.length > 0) return { turns: value, source: kind, issues: messages(errors) };
      deps.report('The transcript file has no readable lines. The episode still plays.');
    } catch (error) {
      if (stale()) return null;
      deps.report(
        `The transcript file could not be loaded${failureReason(error)} The episode still plays.`,
      );
    }
  }
  // No file, or none readable: a transcript written into the show notes (how Substack shows publish).
  const notes = showNotesOf(episode, deps.parseHtml);
  return notes && notes.transcript.length > 0
    ? { turns: notes.transcript, source: 'show-notes', issues: notes.transcriptIssues }
    : null;
}

/** `podcast:chapters` when it loads and lists any, else Podlove chapters, else the show notes'. */
export async function findChapters(
  episode: Episode,
  deps: SourceDeps,
): Promise<FoundChapters | null> {
  if (episode.chapters) {
    try {
      const fetched = await deps.fetch(episode.chapters.url, 'chapters');
      if (deps.stale?.()) return null;
      const { value, errors } = parseChaptersJson(fetched.text, fetched.finalUrl);
      if (value.length > 0)
        return { chapters: value, source: 'podcast-chapters', issues: messages(errors) };
      const why = errors[0]?.message ?? 'The chapters file lists no chapters.';
      deps.report(`${why} The episode still plays.`);
    } catch (error) {
      if (deps.stale?.()) return null;
      deps.report(
        `The chapters file could not be loaded${failureReason(error)} The episode still plays.`,
      );
    }
  }
  if (episode.pscChapters && episode.pscChapters.length > 0)
    return { chapters: episode.pscChapters, source: 'psc', issues: [] };
  const notes = showNotesOf(episode, deps.parseHtml);
  return notes && notes.chapters.length > 0
    ? { chapters: notes.chapters, source: 'show-notes', issues: notes.chapterIssues }
    : null;
}

export interface EpisodeTimeline {
  /** Where the transcript came from ('none' when there is none). */
  source: SourceKind;
  chaptersSource: SourceKind;
  turns: Turn[];
  chapters: Chapter[];
}

/**
 * Everything the episode view shows besides the audio. Chapters past the episode's end are
 * dropped, as the page does once the audio's duration is known (here: the feed's duration).
 */
export async function loadEpisodeTimeline(
  episode: Episode,
  deps: SourceDeps,
): Promise<EpisodeTimeline> {
  const [transcript, chapters] = await Promise.all([
    findTranscript(episode, deps),
    findChapters(episode, deps),
  ]);
  return {
    source: transcript?.source ?? 'none',
    chaptersSource: chapters?.source ?? 'none',
    turns: transcript?.turns ?? [],
    chapters: clampChapters(chapters?.chapters ?? [], episode.duration),
  };
}
