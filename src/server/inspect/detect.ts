// What an inspect input is: a feed, a transcript (and its format) or a chapters file. The
// content decides when it is unmistakable (`WEBVTT`, `<rss`, a JSON `chapters` list); else the
// content type, then the file extension (#15).
import type { SourceKind } from '../../core/model.ts';
import { sniffText, transcriptKind } from '../../core/transcript/source.ts';

export type InputKind =
  | { kind: 'feed' }
  | { kind: 'chapters' }
  | { kind: 'transcript'; format: SourceKind }
  /** Meant as JSON (its type, name or opening says so) but not JSON: nothing can be read. */
  | { kind: 'unreadable'; message: string };

const FEED_ROOT =
  /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w-]+:)?(?:rss|RDF|feed)[\s>]/;
const SRT_START = /^(?:\d+[ \t]*\r?\n)?[ \t]*\d{1,3}:\d{2}(?::\d{2})?[,.]\d{1,3}[ \t]*-->/;

function jsonKind(text: string): InputKind | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    if (Array.isArray(record['chapters'])) return { kind: 'chapters' };
  }
  return { kind: 'transcript', format: 'json' };
}

export function detectInput(text: string, contentType: string, name: string): InputKind {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  const type = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return { kind: 'transcript', format: 'vtt' };
  if (FEED_ROOT.test(head.slice(0, 4000))) return { kind: 'feed' };
  if (/^[[{]/.test(head)) {
    const json = jsonKind(head);
    if (json) return json;
    // `[00:01] Name: text` is a timestamped text transcript; what sniffText calls JSON is JSON.
    if (sniffText(head) === 'json' || type.includes('json') || ext === 'json')
      return { kind: 'unreadable', message: 'The file is not valid JSON (it may be cut short).' };
  }
  if (SRT_START.test(head)) return { kind: 'transcript', format: 'srt' };
  if (/xml|rss|atom/.test(type) || ['xml', 'rss', 'atom'].includes(ext)) return { kind: 'feed' };
  if (type.includes('chapters') || ext === 'chapters') return { kind: 'chapters' };
  const format = transcriptKind({ url: name, type });
  // Markup with no better clue reads as an HTML transcript (`<cite>…<time>…<p>`).
  if (format === 'text' && !type && !ext.match(/^te?xt$/) && /^</.test(head))
    return { kind: 'transcript', format: 'html' };
  return { kind: 'transcript', format };
}
