// The one model every source is normalised into. All times are in seconds (float).

/** A problem a parser met; parsers never throw, they return these beside a value. */
export interface ParseIssue {
  /** 1-based line in the source, when known. */
  line?: number;
  message: string;
}

export interface ParseResult<T> {
  value: T;
  errors: ParseIssue[];
}

/** A timed word inside a cue. `offset` is its character offset in the turn's `text`. */
export interface Word {
  start: number;
  end?: number;
  text: string;
  offset: number;
  /** True when the aligner could not find the word and guessed its time from its place (#12). */
  estimated?: true;
}

/** A timed cue (a WebVTT/SRT cue, a JSON segment). `offset` is its character offset in the turn's `text`. */
export interface Cue {
  start: number;
  end: number;
  text: string;
  offset: number;
  words?: Word[];
}

/** A maximal run of consecutive cues by the same speaker. `text` is the cues' texts joined by one space. */
export interface Turn {
  start: number;
  end: number;
  /** The speaker's name, or '' when unknown. */
  speaker: string;
  text: string;
  cues: Cue[];
  /** The published times, kept when the turn was moved to audio time (alignment, a timing nudge) (#12). */
  published?: { start: number; end: number };
  /** How alignment found the turn's times; absent when they are as published (or nudged). */
  timing?: 'aligned' | 'shifted' | 'missing' | 'estimated';
  /** Character ranges [from, to) of `text` not heard in the audio. */
  unheard?: Array<[number, number]>;
  /**
   * Offsets in `text` where a new paragraph begins (ascending, none at 0): the source's paragraph
   * breaks, or cues grouped into paragraphs (#14). Absent: one paragraph.
   */
  paragraphs?: number[];
  /** True when `end` is an estimate from the turn's length (a last turn with no end time, #14). */
  endEstimated?: boolean;
}

export interface Chapter {
  start: number;
  end?: number;
  title: string;
  url?: string;
  img?: string;
  /** False for a silent chapter (`toc: false`), kept only when asked for (inspect, #15). */
  toc?: false;
}

/** Where a transcript or chapter list came from, said to the listener in plain words. */
export type SourceKind =
  'vtt' | 'srt' | 'json' | 'html' | 'text' | 'podcast-chapters' | 'psc' | 'show-notes' | 'none';

export interface Enclosure {
  url: string;
  /** MIME type as the feed says it ('' when missing). */
  type: string;
  /** Bytes, 0 when unknown. */
  length: number;
}

export interface TranscriptRef {
  url: string;
  type: string;
  language?: string;
  rel?: string;
}

export interface ChaptersRef {
  url: string;
  type: string;
}

export interface Episode {
  /** The trimmed `<guid>`, or the enclosure URL when missing. */
  guid: string;
  title: string;
  /** Publication time as epoch ms, or null when the date is missing or unparseable. */
  published: number | null;
  /** Seconds, or null when unknown (the audio's metadata will say). */
  duration: number | null;
  enclosure: Enclosure | null;
  /** Show notes HTML as the feed gives it (unsanitised: sanitise before display). */
  notesHtml: string;
  image?: string;
  link?: string;
  transcripts: TranscriptRef[];
  chapters?: ChaptersRef;
  /** Podlove Simple Chapters found inline in the item. */
  pscChapters?: Chapter[];
  /** `itunes:episode` and `itunes:season`, when the feed numbers its episodes (#15). */
  episodeNumber?: number;
  season?: number;
  /** `podcast:soundbite` moments the publisher suggests quoting, sorted by start. */
  soundbites?: Soundbite[];
}

/** A `podcast:soundbite`: a moment the publisher suggests sharing. Seconds. */
export interface Soundbite {
  start: number;
  duration: number;
  title: string;
}

export interface Feed {
  url: string;
  title: string;
  author: string;
  image?: string;
  link?: string;
  description: string;
  /** `itunes:type` serial: listed oldest first, as Apple does (#15). */
  serial?: boolean;
  episodes: Episode[];
}

/**
 * A word-timed piece of a parsed cue. `offset` is its character offset in the cue's `text`
 * (when the source knows it); `end` defaults to the next word's start, else the cue's end.
 */
export interface SpokenWord {
  start: number;
  end?: number;
  text: string;
  offset?: number;
}

/**
 * A cue as a transcript parser (VTT, SRT, JSON, HTML) reads it, before cues are grouped into
 * turns by `cuesToTurns`. `speaker` null means the cue names no speaker (it keeps the previous one).
 */
export interface SpokenCue {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  words?: SpokenWord[];
  /** Where each voice begins in `text` ([offset, name]) when a WebVTT cue has several (#15). */
  voices?: Array<[number, string]>;
  /** True when `start` is an estimate (a second voice inside one WebVTT cue, #15). */
  startEstimated?: true;
  /**
   * Paragraphs (#14): `true` when the cue starts a paragraph of its own (a timed line of a text
   * transcript), `false` when the source says it does not; absent when the source has no
   * paragraphs (cues are then grouped into paragraphs by length and pauses).
   */
  paragraph?: boolean;
  /** Offsets in `text` where a new paragraph begins inside the cue (untimed paragraphs after a timed line). */
  breaks?: number[];
  /** True when `end` was estimated from the cue's length (no later start, no published end). */
  endEstimated?: boolean;
}
