// The listener's own transcript file (#15): what is kept on this device, how big it may be, what
// kind of file it is, and which transcript shows when the publisher has one too. Pure, loaded on
// demand with the rest of the import code (never in the first load).
import { isRecord } from '../core/json-values.ts';
import type { SourceKind } from '../core/model.ts';
import { transcriptKind } from '../core/transcript/source.ts';

/**
 * The largest file kept: browser storage holds ≈5 MB for the whole app (quotes, positions), and a
 * 3-hour episode's WebVTT file is ≈300 KB, so 1 MB is room for any transcript and a margin.
 */
export const MAX_TRANSCRIPT_BYTES = 1_000_000;

/** What the `own-transcript:` key holds (version 1): the file as read, parsed again on each visit. */
export interface OwnRecord {
  name: string;
  kind: SourceKind;
  text: string;
  /** Epoch ms when the listener added it. */
  at: number;
}

export type Choice = 'own' | 'publisher';

const READABLE: ReadonlySet<string> = new Set(['vtt', 'srt', 'json', 'html', 'text']);

export const ownKey = (feed: string, guid: string) => `own-transcript:${feed}\n${guid}`;
export const choiceKey = (feed: string, guid: string) => `transcript-choice:${feed}\n${guid}`;

export function isOwnRecord(v: unknown): v is OwnRecord {
  return (
    isRecord(v) &&
    typeof v['name'] === 'string' &&
    typeof v['kind'] === 'string' &&
    READABLE.has(v['kind']) &&
    typeof v['text'] === 'string' &&
    v['text'].length <= MAX_TRANSCRIPT_BYTES &&
    typeof v['at'] === 'number'
  );
}

export const isChoice = (v: unknown): v is Choice => v === 'own' || v === 'publisher';

/** The file's format from its type and name, like a publisher's; plain text is sniffed later. */
export function fileKind(name: string, type: string, text: string): SourceKind {
  const kind = transcriptKind({ url: name, type });
  // A saved web page named .txt (or with no type) is still HTML.
  if (kind === 'text' && /^\s*(?:<!doctype html|<html|<body|<p[\s>])/i.test(text)) return 'html';
  return kind;
}

/** Whether the listener's own transcript shows: when chosen, or when it is the only one. */
export function showsOwn(hasOwn: boolean, hasPublished: boolean, choice: Choice | undefined) {
  return hasOwn && (choice === 'own' || !hasPublished);
}

/** Bytes in the listener's words: "820 KB", "3.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const KIND_NAMES: Partial<Record<SourceKind, string>> = {
  vtt: 'WebVTT file',
  srt: 'SRT file',
  json: 'JSON transcript',
  html: 'HTML transcript',
  text: 'text transcript',
};

/** Where the shown transcript came from, for the source line: "your SRT file “talk.srt”". */
export function ownLabel(kind: SourceKind, name: string): string {
  return `your ${KIND_NAMES[kind] ?? 'file'} “${name}”`;
}
