// The JSON documents `npm run inspect` prints (CONTRACT.md, "`npm run inspect` output"): the
// app's own model, reshaped: seconds as numbers, absent values null, issues as sentences (#15).
import type { Chapter, Episode, Feed, ParseIssue, SourceKind, Turn } from '../../core/model.ts';
import type { EpisodeTimeline } from '../../state/episode-sources.ts';

/** An issue as a plain sentence, with its line when the parser knew it. */
export function sentence(issue: ParseIssue | string): string {
  const raw = typeof issue === 'string' ? issue : issue.message;
  const text = /[.!?…]["”)]?$/.test(raw.trim()) ? raw.trim() : `${raw.trim()}.`;
  return typeof issue !== 'string' && issue.line !== undefined
    ? `Line ${issue.line}: ${text}`
    : text;
}

const orNull = <T>(value: T | undefined | null): T | null => value ?? null;
const speakerOf = (name: string): string | null => (name === '' ? null : name);

export interface TimedText {
  start: number;
  end: number;
  speaker: string | null;
  text: string;
}

export const turnsJson = (turns: readonly Turn[]): TimedText[] =>
  turns.map((t) => ({ start: t.start, end: t.end, speaker: speakerOf(t.speaker), text: t.text }));

/** Every cue as the listener reads it, with the speaker its turn shows. */
export const cuesJson = (turns: readonly Turn[]): TimedText[] =>
  turns.flatMap((t) =>
    t.cues.map((c) => ({
      start: c.start,
      end: c.end,
      speaker: speakerOf(t.speaker),
      text: c.text,
    })),
  );

export const chapterJson = (c: Chapter) => ({
  start: c.start,
  title: c.title,
  url: orNull(c.url),
  img: orNull(c.img),
});

export function transcriptDocument(format: SourceKind, turns: Turn[], issues: ParseIssue[]) {
  return {
    kind: 'transcript',
    format,
    cues: cuesJson(turns),
    turns: turnsJson(turns),
    issues: issues.map(sentence),
  };
}

/** Silent chapters (`toc: false`) are listed too, so the publisher sees them; the page hides them. */
export function chaptersDocument(chapters: Chapter[], issues: ParseIssue[]) {
  return {
    kind: 'chapters',
    chapters: chapters.map((c) => ({ ...chapterJson(c), toc: c.toc !== false })),
    issues: issues.map(sentence),
  };
}

export const timelineJson = (t: EpisodeTimeline) => ({
  source: t.source,
  turns: turnsJson(t.turns),
  chapters: t.chapters.map(chapterJson),
});

export function episodeJson(e: Episode) {
  return {
    guid: e.guid,
    title: e.title,
    link: orNull(e.link),
    published: e.published === null ? null : new Date(e.published).toISOString(),
    duration: e.duration,
    enclosure: e.enclosure
      ? {
          url: e.enclosure.url,
          type: e.enclosure.type || null,
          length: e.enclosure.length || null,
        }
      : null,
    transcripts: e.transcripts.map((t) => ({
      url: t.url,
      type: t.type || null,
      language: orNull(t.language),
    })),
    chapters: (e.pscChapters ?? []).map(chapterJson),
    chaptersUrl: orNull(e.chapters?.url),
  };
}

export function feedDocument(feed: Feed, issues: ParseIssue[]) {
  return {
    kind: 'feed',
    title: feed.title || null,
    link: orNull(feed.link),
    episodes: feed.episodes.map(episodeJson) as Array<
      ReturnType<typeof episodeJson> & { timeline?: ReturnType<typeof timelineJson> }
    >,
    issues: issues.map(sentence),
  };
}

export const errorDocument = (input: string, message: string) => ({
  kind: 'error',
  input,
  message: sentence(message),
});
