// Chooses among the transcript files a feed offers and names where a transcript came from. Light
// on purpose (#11): the page loads it at once; the readers themselves are in read.ts.
import type { SourceKind, TranscriptRef } from '../model.ts';

/** The format of a transcript file, from its MIME type, else its URL's extension. */
export function transcriptKind(ref: TranscriptRef): SourceKind {
  const type = ref.type.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/vtt' || type === 'text/webvtt') return 'vtt';
  if (type.includes('srt') || type === 'application/x-subrip') return 'srt';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/html') return 'html';
  if (type === 'text/plain') return 'text';
  const ext = /\.([a-z]+)(?:[?#]|$)/i.exec(ref.url)?.[1]?.toLowerCase();
  if (ext === 'vtt') return 'vtt';
  if (ext === 'srt') return 'srt';
  if (ext === 'json') return 'json';
  if (ext === 'html' || ext === 'htm') return 'html';
  return 'text';
}

// Most timing detail first: JSON (cue or word times), WebVTT, SRT, then HTML and plain text.
const RANK: Partial<Record<SourceKind, number>> = { json: 0, vtt: 1, srt: 2, html: 3, text: 4 };

/** The offered files, best first: the listener's language, then timing detail. */
export function rankTranscripts(refs: readonly TranscriptRef[], language = 'en'): TranscriptRef[] {
  const wanted = language.toLowerCase().split('-', 1)[0] ?? '';
  const langScore = (ref: TranscriptRef) => {
    const lang = ref.language?.toLowerCase().split('-', 1)[0];
    return !lang || lang === wanted ? 0 : 1;
  };
  return refs
    .map((ref, i) => ({ ref, i }))
    .sort(
      (a, b) =>
        langScore(a.ref) - langScore(b.ref) ||
        (RANK[transcriptKind(a.ref)] ?? 9) - (RANK[transcriptKind(b.ref)] ?? 9) ||
        a.i - b.i,
    )
    .map(({ ref }) => ref);
}

/**
 * The format a transcript file is read as: a `WEBVTT` header, an SRT timing line or JSON is
 * unmistakable, whatever type the feed declared (publishers mislabel them: an SRT file as
 * text/html, a WebVTT file as application/json); otherwise the declared kind.
 */
export function contentKind(declared: SourceKind, text: string): SourceKind {
  const sniffed = sniffText(text);
  return sniffed === 'text' ? declared : sniffed;
}

/** What a file served as plain text really is: WebVTT, SRT or JSON are often served that way. */
export function sniffText(text: string): SourceKind {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 400);
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (/^(?:\d+\s*\r?\n)?\s*\d{1,3}:\d{2}(?::\d{2})?[,.]\d{1,3}\s*-->/.test(head)) return 'srt';
  // `{`, or `[` opening a list of segments; `[00:00:01] Name: text` is a text transcript.
  if (/^(?:\{|\[\s*[[{\]"])/.test(head)) return 'json';
  return 'text';
}

/** Where the transcript came from, in the listener's words (chapters: chapters/source-label.ts). */
export function sourceLabel(kind: SourceKind): string {
  switch (kind) {
    case 'vtt':
      return "publisher's WebVTT file";
    case 'srt':
      return "publisher's SRT file";
    case 'json':
      return "publisher's JSON transcript";
    case 'html':
      return "publisher's HTML transcript";
    case 'text':
      return "publisher's text transcript";
    case 'show-notes':
      return 'show notes';
    default:
      return 'none';
  }
}
