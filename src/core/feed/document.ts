// A parsed XML document → Feed: channel fields and episodes. Split from feed.ts (#11) so the page
// reads a well-formed feed without loading the repair and the failure wording (repair.ts,
// classify.ts), which feed.ts adds for feeds that fail to parse.

import type { Episode, Feed } from '../model.ts';
import { plainText } from '../text/plain-text.ts';
import { Children, baseOf, nsKey } from './xml.ts';
import { httpUrl } from '../url.ts';
import { IssueLog, episodeLabel, quoted } from './issues.ts';
import { parseItem, type ItemContext } from './item.ts';
import type { FeedSuccess, ParseFeedOptions } from './feed.ts';
import { feedBody, parserErrorOf, startsLikeHtml } from './xml.ts';

/** Why a well-formed document is not a podcast feed (feed.ts words it for the listener). */
export type NotAFeed =
  { not: 'no-root' | 'html' | 'channel' | 'atom' } | { not: 'feed'; name: string };

/**
 * The page's first try (#11): a feed that parses as it is and is a podcast feed, or null, in
 * which case `parseFeed` (loaded on demand) repairs it or says why it cannot be read.
 */
export function readWellFormedFeed(
  text: string,
  feedUrl: string,
  options: ParseFeedOptions,
): FeedSuccess | null {
  try {
    const body = feedBody(text);
    if (startsLikeHtml(body)) return null;
    const doc = options.parseXml(body);
    if (parserErrorOf(doc)) return null;
    const read = readDocument(doc, feedUrl, new IssueLog());
    return 'ok' in read ? read : null;
  } catch {
    return null;
  }
}

/** A feed document opened up: its channel, its items in feed order, and how to read them. */
export interface OpenedFeed {
  feedUrl: string;
  channel: Element;
  items: Element[];
  ctx: ItemContext;
}

/** Reads a parsed document; `log` collects what was skipped or repaired. */
export function readDocument(
  doc: Document,
  feedUrl: string,
  log: IssueLog,
): FeedSuccess | NotAFeed {
  const opened = openDocument(doc, feedUrl, log);
  if ('not' in opened) return opened;
  return finishFeed(opened, collectEpisodes(opened.items, opened.ctx, new Seen()), log);
}

/** The channel and items of a feed document, or why it is not a podcast feed. */
export function openDocument(doc: Document, feedUrl: string, log: IssueLog): OpenedFeed | NotAFeed {
  const root = doc.documentElement;
  if (!root) return { not: 'no-root' };
  const rootName = root.localName;
  if (rootName.toLowerCase() === 'html') return { not: 'html' };
  const coreNs = root.namespaceURI;
  const ctx: ItemContext = {
    base: feedUrl,
    coreNs,
    atom: rootName === 'feed' && nsKey(coreNs, null) === 'atom',
    log,
  };
  ctx.base = baseOf(root, ctx.base);
  const rootChildren = new Children(root, coreNs);
  if (rootName === 'rss' || rootName === 'RDF') {
    const channel = rootChildren.first('', 'channel');
    if (!channel) return { not: 'channel' };
    ctx.base = baseOf(channel, ctx.base);
    const parent = rootName === 'rss' ? new Children(channel, coreNs) : rootChildren;
    return { feedUrl, channel, items: parent.all('', 'item'), ctx };
  }
  if (ctx.atom) return { feedUrl, channel: root, items: rootChildren.all('', 'entry'), ctx };
  return { not: 'feed', name: root.nodeName };
}

/** The feed from its channel and all its episodes (in feed order): sorted, with the channel's fields. */
export function finishFeed(
  { feedUrl, channel, ctx }: OpenedFeed,
  episodes: Episode[],
  log: IssueLog,
  itemCount = episodes.length,
): FeedSuccess | NotAFeed {
  if (ctx.atom && !episodes.some((e) => e.enclosure !== null)) return { not: 'atom' };
  if (itemCount === 0) log.add('no-items', 'The feed lists no episodes');
  const serial = isSerial({ channel, ctx });
  const feed: Feed = {
    url: feedUrl,
    episodes: serial ? sortSerial(episodes) : sortNewestFirst(episodes),
    ...channelFields(channel, ctx),
  };
  if (serial) feed.serial = true;
  return { ok: true, value: feed, errors: log.issues() };
}

export function isSerial({ channel, ctx }: Pick<OpenedFeed, 'channel' | 'ctx'>): boolean {
  return new Children(channel, ctx.coreNs).text('itunes', 'type').toLowerCase() === 'serial';
}

/** The ids handed out so far, shared by the slices of one feed so a repeat is caught across them. */
export class Seen {
  readonly ids = new Set<string>();
  /** The last suffix handed out per made-up id, so 100,000 twins stay linear. */
  readonly twins = new Map<string, number>();
}

/**
 * Items in feed order (`offset`: the index of the first, when reading a slice); a repeated guid
 * keeps the first item (keyed lists must not crash).
 */
export function collectEpisodes(
  items: Element[],
  ctx: ItemContext,
  seen: Seen,
  offset = 0,
): Episode[] {
  const out: Episode[] = [];
  items.forEach((el, k) => {
    const i = offset + k;
    const { episode, madeUpId } = parseItem(el, i, ctx);
    if (madeUpId && seen.ids.has(episode.guid)) {
      // Twins with neither guid nor audio (same title and date) are both kept (#15): the n-th
      // gets `-n`, which stays stable across reloads while the feed keeps its order.
      let n = seen.twins.get(episode.guid) ?? 1;
      do n++;
      while (seen.ids.has(`${episode.guid}-${n}`));
      seen.twins.set(episode.guid, n);
      episode.guid = `${episode.guid}-${n}`;
    }
    if (seen.ids.has(episode.guid)) {
      ctx.log.add(
        'duplicate-guid',
        `Episode ${episodeLabel(episode.title, i)} repeats the id ${quoted(episode.guid)} of an earlier episode and was left out`,
      );
      return;
    }
    seen.ids.add(episode.guid);
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
