// Feed text → Feed. RSS 2.0 (+ iTunes, Podcasting 2.0, Podlove), RSS 1.0 and Atom with
// enclosure links. The XML parser comes in as a function so core stays free of DOM globals:
// the browser passes DOMParser, tests jsdom's.

import type { Feed, ParseResult } from '../model.ts';
import { IssueLog } from './issues.ts';
import { readDocument } from './document.ts';
import { feedBody, parserErrorOf } from './xml.ts';
import { repairXml } from './repair.ts';
import {
  MESSAGES,
  afterPrologue,
  failure,
  malformedMessage,
  mentionsHtml,
  nonMarkupMessage,
  notRssMessage,
  startsLikeHtml,
  type FeedFailure,
} from './classify.ts';

export type { FeedFailure, FeedFailureReason } from './classify.ts';

export interface ParseFeedOptions {
  /** Parses XML text, e.g. `(s) => new DOMParser().parseFromString(s, 'application/xml')`. */
  parseXml: (xml: string) => Document;
}

export interface FeedSuccess extends ParseResult<Feed> {
  ok: true;
}

export type FeedParseOutcome = FeedSuccess | FeedFailure;

function tryParse(
  xml: string,
  parseXml: ParseFeedOptions['parseXml'],
): { doc?: Document; line?: number } {
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch {
    return {};
  }
  const error = parserErrorOf(doc);
  return error ? (error.line === undefined ? {} : { line: error.line }) : { doc };
}

/** Parses a feed. Never throws: a document that is not a podcast feed gives a FeedFailure. */
export function parseFeed(
  text: string,
  feedUrl: string,
  options: ParseFeedOptions,
): FeedParseOutcome {
  try {
    return parse(text, feedUrl, options);
  } catch {
    // A DOM implementation surprised us; say so plainly rather than crash the page.
    return failure('malformed', MESSAGES.malformed);
  }
}

function parse(text: string, feedUrl: string, options: ParseFeedOptions): FeedParseOutcome {
  const body = feedBody(text);
  if (body === '' || body.trim() === '') return failure('empty', MESSAGES.empty);
  if (startsLikeHtml(body)) return failure('html', MESSAGES.html);
  if (!afterPrologue(body).startsWith('<')) return failure('not-rss', nonMarkupMessage(body));

  const log = new IssueLog();
  const first = tryParse(body, options.parseXml);
  let doc = first.doc;
  if (!doc) {
    const repaired = repairXml(body);
    if (repaired.fixes.length > 0) {
      doc = tryParse(repaired.text, options.parseXml).doc;
      if (doc)
        log.add(
          'repair',
          `The feed has XML mistakes that were repaired to read it: ${repaired.fixes.join('; ')}`,
        );
    }
  }
  if (!doc) {
    if (mentionsHtml(body)) return failure('html', MESSAGES.html);
    return failure('malformed', malformedMessage(body, first.line));
  }

  const read = readDocument(doc, feedUrl, log);
  if ('ok' in read) return read;
  if (read.not === 'no-root') return failure('malformed', MESSAGES.malformed);
  if (read.not === 'html') return failure('html', MESSAGES.html);
  if (read.not === 'channel') return failure('not-rss', MESSAGES.noChannel);
  if (read.not === 'atom') return failure('not-rss', MESSAGES.atom);
  return failure('not-rss', notRssMessage('name' in read ? read.name : ''));
}

export { sortNewestFirst, sortSerial } from './document.ts';
