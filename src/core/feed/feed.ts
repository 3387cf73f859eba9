// Feed text → Feed. RSS 2.0 (+ iTunes, Podcasting 2.0, Podlove), RSS 1.0 and Atom with
// enclosure links. The XML parser comes in as a function so core stays free of DOM globals:
// the browser passes DOMParser, tests jsdom's.

import type { Episode, Feed, ParseResult } from '../model.ts';
import { Children, baseOf, nsKey, plainText } from './xml.ts';
import { httpUrl } from '../url.ts';
import { IssueLog, episodeLabel, quoted } from './issues.ts';
import { parseItem, type ItemContext } from './item.ts';
import { repairXml } from './repair.ts';
import {
  MESSAGES,
  afterPrologue,
  failure,
  malformedMessage,
  mentionsHtml,
  nonMarkupMessage,
  notRssMessage,
  parserErrorOf,
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
  // Whitespace before `<?xml` (a common server-side slip) makes strict parsers fail.
  const body = text.replace(/^[\uFEFF\s]+/, '');
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

  const root = doc.documentElement;
  if (!root) return failure('malformed', MESSAGES.malformed);
  const rootName = root.localName;
  if (rootName.toLowerCase() === 'html') return failure('html', MESSAGES.html);
  const coreNs = root.namespaceURI;
  const ctx: ItemContext = {
    base: feedUrl,
    coreNs,
    atom: rootName === 'feed' && nsKey(coreNs, null) === 'atom',
    log,
  };
  ctx.base = baseOf(root, ctx.base);
  const rootChildren = new Children(root, coreNs);

  let channel: Element;
  let items: Element[];
  if (rootName === 'rss' || rootName === 'RDF') {
    const ch = rootChildren.first('', 'channel');
    if (!ch) return failure('not-rss', MESSAGES.noChannel);
    channel = ch;
    ctx.base = baseOf(ch, ctx.base);
    items = (rootName === 'rss' ? new Children(ch, coreNs) : rootChildren).all('', 'item');
  } else if (ctx.atom) {
    channel = root;
    items = rootChildren.all('', 'entry');
  } else {
    return failure('not-rss', notRssMessage(root.nodeName));
  }

  const episodes = collectEpisodes(items, ctx);
  if (ctx.atom && !episodes.some((e) => e.enclosure !== null))
    return failure('not-rss', MESSAGES.atom);
  if (items.length === 0) log.add('no-items', 'The feed lists no episodes');

  const serial = new Children(channel, coreNs).text('itunes', 'type').toLowerCase() === 'serial';
  const feed: Feed = {
    url: feedUrl,
    episodes: serial ? sortSerial(episodes) : sortNewestFirst(episodes),
    ...channelFields(channel, ctx),
  };
  if (serial) feed.serial = true;
  return { ok: true, value: feed, errors: log.issues() };
}

/** Items in feed order; a repeated guid keeps the first item (keyed lists must not crash). */
function collectEpisodes(items: Element[], ctx: ItemContext): Episode[] {
  const seen = new Set<string>();
  // The last suffix handed out per made-up id, so 100,000 twins stay linear.
  const twins = new Map<string, number>();
  const out: Episode[] = [];
  items.forEach((el, i) => {
    const { episode, madeUpId } = parseItem(el, i, ctx);
    if (madeUpId && seen.has(episode.guid)) {
      // Twins with neither guid nor audio (same title and date) are both kept (#15): the n-th
      // gets `-n`, which stays stable across reloads while the feed keeps its order.
      let n = twins.get(episode.guid) ?? 1;
      do n++;
      while (seen.has(`${episode.guid}-${n}`));
      twins.set(episode.guid, n);
      episode.guid = `${episode.guid}-${n}`;
    }
    if (seen.has(episode.guid)) {
      ctx.log.add(
        'duplicate-guid',
        `Episode ${episodeLabel(episode.title, i)} repeats the id ${quoted(episode.guid)} of an earlier episode and was left out`,
      );
      return;
    }
    seen.add(episode.guid);
    out.push(episode);
  });
  return out;
}

/** Newest first; undated episodes last, in feed order (Array.prototype.sort is stable). */
export function sortNewestFirst(episodes: Episode[]): Episode[] {
  return episodes.sort((a, b) => {
    if (a.published === null || b.published === null) {
      return a.published === b.published ? 0 : a.published === null ? 1 : -1;
    }
    return b.published - a.published;
  });
}

/**
 * Serial shows oldest first (Apple's convention, #15): by season and episode number when both
 * episodes have one, else by date; undated episodes last, in feed order.
 */
export function sortSerial(episodes: Episode[]): Episode[] {
  return episodes.sort((a, b) => {
    if (a.episodeNumber !== undefined && b.episodeNumber !== undefined) {
      const bySeason = (a.season ?? 0) - (b.season ?? 0);
      if (bySeason !== 0 || a.episodeNumber !== b.episodeNumber)
        return bySeason || a.episodeNumber - b.episodeNumber;
    }
    if (a.published === null || b.published === null) {
      return a.published === b.published ? 0 : a.published === null ? 1 : -1;
    }
    return a.published - b.published;
  });
}

/** `editor@example.com (Ada Park)` → `Ada Park`. */
function personName(raw: string): string {
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(raw);
  return plainText(m?.[1] ?? raw);
}

type ChannelFields = Omit<Feed, 'url' | 'episodes'>;

function channelFields(channel: Element, ctx: ItemContext): ChannelFields {
  const c = new Children(channel, ctx.coreNs);
  const atomAuthor = c.first('', 'author');
  const author = ctx.atom
    ? c.text('itunes', 'author') ||
      (atomAuthor ? new Children(atomAuthor, ctx.coreNs).text('', 'name') : '')
    : c.text('itunes', 'author') ||
      personName(c.text('', 'managingEditor')) ||
      c.text('dc', 'creator');
  const imageEl = c.first('', 'image');
  const rawImage =
    c.attr('itunes', 'image', 'href') ||
    (ctx.atom
      ? c.text('', 'logo') || c.text('', 'icon')
      : imageEl
        ? new Children(imageEl, ctx.coreNs).text('', 'url')
        : '');
  const rawLink = ctx.atom
    ? (c
        .all('', 'link')
        .find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate')
        ?.getAttribute('href') ?? '')
    : c.text('', 'link');
  const fields: ChannelFields = {
    title: plainText(c.text('', 'title') || c.text('itunes', 'title')),
    author: plainText(author),
    description: ctx.atom
      ? c.text('', 'subtitle') || c.text('itunes', 'summary')
      : c.text('', 'description') || c.text('itunes', 'summary') || c.text('itunes', 'subtitle'),
  };
  const image = httpUrl(rawImage, ctx.base);
  const link = httpUrl(rawLink, ctx.base);
  if (image) fields.image = image;
  if (link) fields.link = link;
  return fields;
}
