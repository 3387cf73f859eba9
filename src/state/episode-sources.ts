// Where an episode's transcript and chapters come from (FORMATS.md, "Choosing sources"): the one
// sequence both the page (Library) and `npm run inspect --episode` run (#15), so what inspect
// prints is what the episode view shows. Pure: fetching, HTML parsing and reporting come in.
import type { ChapterArt } from '../core/chapters/art.ts';
import { clampChapters } from '../core/chapters/clamp.ts';
import type { Chapter, Episode, ParseIssue, SourceKind, Turn } from '../core/model.ts';
import type { NotesSpan } from '../core/show-notes/transcript.ts';
import { contentKind, rankTranscripts, transcriptKind } from '../core/transcript/source.ts';
import { prepareEntities } from '../core/transcript/entities.ts';
import { FetchError, type Fetched } from './fetcher.ts';
import { readChaptersJson, readShowNotesLazily, readTranscript } from './readers.ts';

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
  /** The transcript's language when the feed says it (for word timing, #12), else null. */
  language: string | null;
}

/** A part of the show notes that is shown elsewhere on the page (#14). */
export interface UsedNotes {
  part: 'chapters' | 'transcript';
  span: NotesSpan;
}

export interface FoundChapters {
  chapters: Chapter[];
  source: SourceKind;
  /** What the parser met in the source it was read from: quiet notes, not alerts (#11). */
  issues: string[];
  /** A chapters file's images by time, silent (toc:false) chapters' included (#14). */
  art?: ChapterArt[];
}

interface NotesRead {
  /** The lines of the notes the chapters and transcript were read from (#14). */
  used: { chapters: NotesSpan | null; transcript: NotesSpan | null };
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

const notesCache = new WeakMap<Episode, Promise<NotesRead | null>>();
/** The lines each part was read from, once the notes have been read. */
const usedCache = new WeakMap<Episode, NotesRead['used']>();

/** The parts of an episode's show notes the page shows elsewhere (its sources), in the notes' order (#14). */
export function usedNotes(
  episode: Episode | null,
  transcript: SourceKind,
  chapters: SourceKind,
): UsedNotes[] {
  const used = episode && usedCache.get(episode);
  const parts: UsedNotes[] = [];
  if (used?.chapters && chapters === 'show-notes')
    parts.push({ part: 'chapters', span: used.chapters });
  if (used?.transcript && transcript === 'show-notes')
    parts.push({ part: 'transcript', span: used.transcript });
  return parts.sort((a, b) => a.span.from - b.span.from);
}

/** Said when a reader's code could not be loaded (#11): what failed, and that playing still works. */
export const READER_UNAVAILABLE =
  'could not be read: its reader did not load (the connection may have dropped). The episode still plays.';

/** The chapters and transcript written into an episode's show notes (read once per episode). */
export function showNotesOf(
  episode: Episode,
  deps: Pick<SourceDeps, 'parseHtml' | 'report'>,
): Promise<NotesRead | null> {
  const parseHtml = deps.parseHtml;
  if (!parseHtml || !episode.notesHtml) return Promise.resolve(null);
  let found = notesCache.get(episode);
  if (!found) {
    found = readShowNotesLazily(episode.notesHtml, parseHtml, episode.duration).then((notes) => {
      if (notes) {
        const { chapters, transcript, used } = notes;
        usedCache.set(episode, used);
        return {
          used,
          chapters: chapters.value,
          transcript: transcript.value,
          chapterIssues: messages(chapters.errors),
          transcriptIssues: messages(transcript.errors),
        };
      }
      notesCache.delete(episode); // the next episode open tries again
      deps.report(`The show notes ${READER_UNAVAILABLE}`);
      return null;
    });
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
    try {
      const fetched = await deps.fetch(ref.url, 'transcript');
      const kind = contentKind(transcriptKind(ref), fetched.text);
      // HTML's full list of character references, fetched only when the file uses one (#15).
      await prepareEntities(fetched.text);
      if (stale()) return null;
      const read = await readTranscript(fetched.text, kind, deps.parseHtml ?? undefined);
      if (stale()) return null;
      if (read === null) {
        deps.report(`The transcript file ${READER_UNAVAILABLE}`);
        continue;
      }
      const { value, errors } = read;
      if (value.length > 0)
        return {
          turns: value,
          source: kind,
          issues: messages(errors),
          language: ref.language ?? null,
        };
      deps.report('The transcript file has no readable lines. The episode still plays.');
    } catch (error) {
      if (stale()) return null;
      deps.report(
        `The transcript file could not be loaded${failureReason(error)} The episode still plays.`,
      );
    }
  }
  // No file, or none readable: a transcript written into the show notes (how Substack shows publish).
  const notes = await showNotesOf(episode, deps);
  if (stale()) return null;
  return notes && notes.transcript.length > 0
    ? {
        turns: notes.transcript,
        source: 'show-notes',
        issues: notes.transcriptIssues,
        language: null,
      }
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
      const read = await readChaptersJson(fetched.text, fetched.finalUrl);
      if (deps.stale?.()) return null;
      if (read === null) deps.report(`The chapters file ${READER_UNAVAILABLE}`);
      else if (read.value.length > 0)
        return {
          chapters: read.value,
          source: 'podcast-chapters',
          issues: messages(read.errors),
          art: read.art,
        };
      else {
        const why = read.errors[0]?.message ?? 'The chapters file lists no chapters.';
        deps.report(`${why} The episode still plays.`);
      }
    } catch (error) {
      if (deps.stale?.()) return null;
      deps.report(
        `The chapters file could not be loaded${failureReason(error)} The episode still plays.`,
      );
    }
  }
  if (episode.pscChapters && episode.pscChapters.length > 0)
    return { chapters: episode.pscChapters, source: 'psc', issues: [] };
  const notes = await showNotesOf(episode, deps);
  if (deps.stale?.()) return null;
  return notes && notes.chapters.length > 0
    ? {
        chapters: notes.chapters,
        source: 'show-notes',
        issues: notes.chapterIssues,
      }
    : null;
}

export interface EpisodeTimeline {
  /** Where the transcript came from ('none' when there is none). */
  source: SourceKind;
  chaptersSource: SourceKind;
  turns: Turn[];
  chapters: Chapter[];
  /** What the parsers met in the sources shown, and chapters past the end (as the page drops them). */
  issues: string[];
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
  const all = chapters?.chapters ?? [];
  const reachable = clampChapters(all, episode.duration);
  const dropped = all.length - reachable.length;
  const issues = [...(transcript?.issues ?? []), ...(chapters?.issues ?? [])];
  if (dropped > 0)
    issues.push(
      dropped === 1
        ? 'A chapter that starts after the episode ends was left out.'
        : `${dropped} chapters that start after the episode ends were left out.`,
    );
  return {
    source: transcript?.source ?? 'none',
    chaptersSource: chapters?.source ?? 'none',
    turns: transcript?.turns ?? [],
    chapters: reachable,
    issues,
  };
}
