// A big feed read a slice at a time (#15): its first items become a preview the page lists (and,
// when the feed is plainly newest first, opens) at once; the rest is read in slices with a pause
// between them, so the page never stalls on one long parse. Every item is parsed once, by the same
// code that reads a feed whole, and the result is the same feed (tests/core/feed/sliced.test.ts).

import type { Episode } from '../model.ts';
import type { FeedSuccess, ParseFeedOptions } from './feed.ts';
import { IssueLog } from './issues.ts';
import {
  collectEpisodes,
  finishFeed,
  isSerial,
  openDocument,
  Seen,
  type OpenedFeed,
} from './document.ts';
import { parseItem } from './item.ts';
import { closingTags, cutAfterLastItem, itemSpans, sliceText, type ItemSpans } from './slices.ts';
import { feedBody, parserErrorOf, startsLikeHtml } from './xml.ts';

export interface SliceOptions extends ParseFeedOptions {
  /** Items in the preview. Feeds with no more than this are read whole. */
  first?: number;
  /** Items per later slice. */
  size?: number;
  /** Resolves when the page has had a turn (between slices). */
  pause: () => Promise<void>;
  /** True once the reading is no longer wanted (another feed was asked for). */
  aborted?: () => boolean;
  /**
   * The first items as a feed of their own. `newestKnown`: the feed is plainly newest first (the
   * preview's dates never rise and the last item is older still), so its newest is in the preview.
   */
  preview?: (feed: FeedSuccess, newestKnown: boolean) => void;
  /**
   * The feed's first items, already listed from its start while it downloaded (readPrefix): no
   * second preview is read; only the last item, to tell `known` whether the newest is among them.
   */
  listed?: readonly Episode[];
  known?: (newestKnown: boolean) => void;
}

export const PREVIEW_ITEMS = 40;
/** ~40 ms of parsing and reading per slice for items of typical size (~2 KB each) on this machine. */
export const SLICE_ITEMS = 100;

/**
 * The whole feed, read in slices after a preview; null when the text does not slice safely or a
 * slice does not read as a feed (the caller then reads it whole, with repairs if need be).
 */
export async function readFeedInSlices(
  text: string,
  feedUrl: string,
  options: SliceOptions,
): Promise<FeedSuccess | null> {
  try {
    return await read(text, feedUrl, options);
  } catch {
    return null; // a DOM implementation surprised us: the caller reads the feed whole
  }
}

async function read(
  text: string,
  feedUrl: string,
  options: SliceOptions,
): Promise<FeedSuccess | null> {
  const first = options.first ?? PREVIEW_ITEMS;
  const size = options.size ?? SLICE_ITEMS;
  const body = feedBody(text);
  if (startsLikeHtml(body)) return null;
  const spans = itemSpans(body);
  if (!spans || spans.items.length <= first) return null;
  const count = spans.items.length;

  if (options.listed) {
    options.known?.(listedHoldsNewest(body, spans, feedUrl, options.listed, options));
  } else if (options.preview) {
    const preview = readPreview(body, spans, feedUrl, first, options);
    if (!preview) return null;
    options.preview(preview.feed, preview.newestKnown);
  }

  const log = new IssueLog();
  const seen = new Seen();
  const episodes: Episode[] = [];
  let channel: OpenedFeed | null = null;
  for (let from = 0; from < count; from += size) {
    await options.pause();
    if (options.aborted?.()) return null;
    const to = Math.min(count, from + size);
    const opened = open(sliceText(body, spans, from, to), feedUrl, options, to - from, log);
    if (!opened) return null;
    channel ??= opened;
    episodes.push(...collectEpisodes(opened.items, opened.ctx, seen, from));
  }
  if (!channel) return null;
  const feed = finishFeed(channel, episodes, log, count);
  return 'ok' in feed ? feed : null;
}

/**
 * A preview from the start of a feed that is still arriving (#15): its first whole items (at most
 * `first`), closed as the feed would close them. Null when the start does not read safely.
 */
export function readPrefix(
  text: string,
  feedUrl: string,
  options: ParseFeedOptions & { first?: number },
): FeedSuccess | null {
  try {
    const body = feedBody(text);
    if (startsLikeHtml(body)) return null;
    // The last `</item>` may be text inside an item still arriving (a CDATA section): try earlier ones.
    let cut = cutAfterLastItem(body);
    let spans = cut === null ? null : itemSpans(cut);
    for (let tries = 0; cut !== null && !spans && tries < 3; tries++) {
      cut = cutAfterLastItem(cut.slice(0, cut.lastIndexOf('</')));
      spans = cut === null ? null : itemSpans(cut);
    }
    if (!cut || !spans) return null;
    const items = Math.min(options.first ?? PREVIEW_ITEMS, spans.items.length);
    const start = spans.items[0]![0];
    const closers = closingTags(cut.slice(0, start));
    if (closers === null) return null;
    const xml = cut.slice(0, spans.items[items - 1]![1]) + closers;
    const opened = open(xml, feedUrl, options, items, new IssueLog());
    if (!opened) return null;
    const feed = finishFeed(
      opened,
      collectEpisodes(opened.items, opened.ctx, new Seen()),
      opened.ctx.log,
    );
    return 'ok' in feed ? feed : null;
  } catch {
    return null; // a DOM implementation surprised us: wait for the whole feed
  }
}

/** The preview: the first items, plus the last one to tell whether the feed is newest first. */
function readPreview(
  body: string,
  spans: ItemSpans,
  feedUrl: string,
  first: number,
  options: SliceOptions,
): { feed: FeedSuccess; newestKnown: boolean } | null {
  const last = spans.items.length - 1;
  const xml = sliceText(body, spans, 0, first, last);
  const opened = open(xml, feedUrl, options, first + 1, new IssueLog());
  if (!opened) return null;
  const lastItem = parseItem(opened.items[first]!, last, opened.ctx).episode;
  const episodes = collectEpisodes(opened.items.slice(0, first), opened.ctx, new Seen());
  const newestKnown = !isSerial(opened) && newestFirst(episodes, lastItem.published);
  const feed = finishFeed(opened, episodes, opened.ctx.log);
  return 'ok' in feed ? { feed, newestKnown } : null;
}

/** Whether the newest is among the items listed from the feed's start: its last item is read. */
function listedHoldsNewest(
  body: string,
  spans: ItemSpans,
  feedUrl: string,
  listed: readonly Episode[],
  options: ParseFeedOptions,
): boolean {
  const last = spans.items.length - 1;
  const opened = open(sliceText(body, spans, last, last + 1), feedUrl, options, 1, new IssueLog());
  if (!opened || isSerial(opened)) return false;
  return newestFirst(listed, parseItem(opened.items[0]!, last, opened.ctx).episode.published);
}

/**
 * Whether a feed whose first items are `preview` and whose last item is dated `last` is in newest-
 * first order: the preview's newest is newer than the last item, and its dates mostly fall (a
 * re-posted old bonus episode here and there is common; oldest-first or shuffled feeds are not).
 */
function newestFirst(preview: readonly Episode[], last: number | null): boolean {
  const dates = preview.flatMap((e) => (e.published === null ? [] : [e.published]));
  if (last === null || dates.length < preview.length / 2) return false;
  if (Math.max(...dates) <= last) return false;
  let falling = 0;
  for (let i = 1; i < dates.length; i++) if (dates[i]! <= dates[i - 1]!) falling++;
  return falling >= 0.75 * (dates.length - 1);
}

/** A slice's document opened as a feed with exactly `items` items, else null; notes go to `log`. */
function open(
  xml: string,
  feedUrl: string,
  options: ParseFeedOptions,
  items: number,
  log: IssueLog,
): OpenedFeed | null {
  const doc = options.parseXml(xml);
  if (parserErrorOf(doc)) return null;
  const opened = openDocument(doc, feedUrl, log);
  return 'not' in opened || opened.items.length !== items ? null : opened;
}
