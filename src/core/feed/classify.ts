// Telling the listener, in plain words, why an address did not give a podcast feed.
import { afterPrologue } from './xml.ts';

export { afterPrologue, startsLikeHtml } from './xml.ts';

export type FeedFailureReason = 'empty' | 'html' | 'malformed' | 'not-rss';

export interface FeedFailure {
  ok: false;
  reason: FeedFailureReason;
  /** A sentence or two for the listener: what happened and what to try. */
  message: string;
}

export function failure(reason: FeedFailureReason, message: string): FeedFailure {
  return { ok: false, reason, message };
}

export const MESSAGES = {
  empty:
    'This address returned an empty response, not a podcast feed. Check the address, or try again later.',
  html:
    'This address returned a web page, not a podcast feed. Look on that page for a link named ' +
    '“RSS” or “Feed” and use that address instead.',
  truncated:
    'The feed ends before it is complete (the download was probably cut off), so it cannot be ' +
    'read. Try again later.',
  malformed: 'The feed is not valid XML, so it cannot be read. Its publisher needs to fix it.',
  json: 'This address returned JSON data, not a podcast feed (an RSS document).',
  text: 'This address returned plain text, not a podcast feed (an RSS document).',
  atom: 'This is a news feed (Atom) without audio episodes, not a podcast feed.',
  noChannel: 'This RSS document has no <channel> element, so it lists no podcast.',
} as const;

export function notRssMessage(rootName: string): string {
  return `This address returned an XML document (<${rootName}>), not a podcast feed (an RSS document).`;
}

/** For XML that failed to parse: does its head look like an HTML page? */
export function mentionsHtml(text: string): boolean {
  const head = afterPrologue(text).slice(0, 2048);
  return /<(?:html|head|body)[\s>]/i.test(head) && !/<(?:rss|feed|rdf:rdf)[\s>]/i.test(head);
}

/** Truncated rather than otherwise broken: the root element is never closed. */
export function looksTruncated(text: string): boolean {
  const body = afterPrologue(text).replace(/^<!DOCTYPE[^>]*>\s*/i, '');
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(body)?.[1];
  if (!root) return false;
  const closing = new RegExp(`</${root.replace(/[.]/g, '\\.')}\\s*>\\s*$`);
  return !closing.test(text.trimEnd()) && !/^<[^>]*\/>\s*$/.test(body.trimEnd());
}

export function malformedMessage(text: string, line?: number): string {
  if (looksTruncated(text)) return MESSAGES.truncated;
  return line === undefined
    ? MESSAGES.malformed
    : `The feed is not valid XML (the first error is on line ${line}), so it cannot be read. ` +
        'Its publisher needs to fix it.';
}

/** For a body that is not markup at all. */
export function nonMarkupMessage(text: string): string {
  return /^\s*[[{]/.test(text) ? MESSAGES.json : MESSAGES.text;
}
