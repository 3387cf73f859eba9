// A big feed opened from its first items (#15), loaded only when one arrives (#11): the preview is
// listed (and opened at the episode asked for, or at its newest when that is sure) while the rest
// is read in slices, in tasks the page runs when it has nothing more urgent to do.
import type { Episode, Feed } from '../core/model.ts';
import { PREVIEW_ITEMS, readFeedInSlices, readPrefix } from '../core/feed/sliced.ts';
import type { FeedParseOutcome } from '../core/feed/feed.ts';
import type { Fetched } from './fetcher.ts';
import type { FeedHost } from './feed-opening.ts';
import type { Opened, OpenOptions, OpenOutcome } from './library-types.ts';
import { rowsPainted } from './rows-shown.ts';

/** The entry's own steps, passed in: importing them from here would split the first load's chunk. */
export interface Steps {
  /** Reads the whole text, with repairs if need be (feed-reader.ts). */
  readFeed(
    text: string,
    finalUrl: string,
    parseXml: (xml: string) => Document,
  ): Promise<FeedParseOutcome>;
  /** Opens the chosen episode and says what is missing (feed-opening.ts). */
  openChosen(host: FeedHost, feed: Feed, options: OpenOptions): OpenOutcome;
}

/**
 * Waits until the page has nothing more urgent to do: rendering, input, and the open episode's
 * transcript and audio go before the rest of a big feed. `scheduler.yield()` would not do: it
 * resumes ahead of network callbacks, which held the transcript back until the feed was read.
 */
function pause(): Promise<void> {
  type PostTask = (task: () => void, options: { priority: 'background' }) => Promise<void>;
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'background' });
  // WebKit: a task at the back of the queue (a timer would be slowed to 1 s in a background tab).
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Lists a big feed's first items while the rest downloads (#15), and opens the episode asked for
 * when it is among them; the newest waits for the whole feed (the first items cannot tell it).
 * `shown` settles once the rows are painted (rows-shown.ts). Null when the start did not read
 * safely (the whole feed is awaited as before).
 */
export function openPrefix(
  host: FeedHost,
  start: { url: string; finalUrl: string; text: string },
  options: OpenOptions,
): { shown: Promise<void> } | null {
  const feed = readPrefix(start.text, start.finalUrl, { parseXml: (t) => host.parseXml(t) });
  if (!feed) return null;
  const shown = rowsPainted();
  host.replace({ feedUrl: start.url, feed: feed.value, episode: null, issues: [] });
  const asked = options.episode ? previewChoice(feed.value, options, false) : null;
  if (asked) host.openEpisode(asked, options);
  host.reading();
  return { shown };
}

/**
 * Opens a big feed from a preview; null when it gave none (the caller reads it whole). `listed`:
 * its first items are already listed (openPrefix), and the episode open from them stays open.
 */
export async function openBig(
  host: FeedHost,
  url: string,
  options: OpenOptions,
  fetched: Fetched,
  signal: AbortSignal,
  steps: Steps,
  listed = false,
): Promise<OpenOutcome | null> {
  let previewed = listed;
  // A full preview's worth listed from the feed's start is not read again for a preview (#15).
  const open = listed ? host.open() : null;
  const listedFeed =
    open?.feedUrl === url && open.feed.episodes.length >= PREVIEW_ITEMS ? open.feed : null;
  /** The episode asked for, or the newest when it is known, unless one is open already. */
  const openSure = (feed: Feed, newestKnown: boolean) => {
    const sure = host.open()?.episode ? null : previewChoice(feed, options, newestKnown);
    if (sure) host.openEpisode(sure, options);
    host.reading();
  };
  const whole = await readFeedInSlices(fetched.text, fetched.finalUrl, {
    parseXml: (text) => host.parseXml(text),
    pause,
    aborted: () => signal.aborted,
    listed: listedFeed?.episodes,
    known: (newestKnown) => {
      if (!signal.aborted && host.open()?.feed === listedFeed) openSure(listedFeed!, newestKnown);
    },
    preview: (feed, newestKnown) => {
      const open = host.open();
      if (previewed && open?.feedUrl === url) host.completed(completing(open, feed.value, []));
      else host.replace({ feedUrl: url, feed: feed.value, episode: null, issues: [] });
      previewed = true;
      openSure(feed.value, newestKnown);
    },
  });
  if (signal.aborted) return 'superseded';
  if (!previewed) return null;
  // A slice that did not read: the whole text, with repairs if need be.
  const result = whole ?? (await steps.readFeed(fetched.text, fetched.finalUrl, host.parseXml));
  if (signal.aborted) return 'superseded';
  if (!result.ok) {
    host.alert(`${result.message} Only its first episodes are listed. ${host.stillWorks()}`);
    return 'failed';
  }
  const issues = result.errors.map((e) => e.message);
  return settle(host, url, options, result.value, issues, steps);
}

/**
 * The whole feed in place of the preview listed from its first items: the episode open from them
 * stays open (the same object); with none, the one asked for or the newest opens now.
 */
export function settle(
  host: FeedHost,
  url: string,
  options: OpenOptions,
  feed: Feed,
  issues: readonly string[],
  { openChosen }: Pick<Steps, 'openChosen'>,
): OpenOutcome {
  const open = host.open();
  if (open?.feedUrl === url) host.completed(completing(open, feed, issues));
  else host.replace({ feedUrl: url, feed, episode: null, issues });
  return host.open()?.episode ? 'opened' : openChosen(host, feed, options);
}

/** From a preview, only a sure choice: the episode asked for, or the newest when it is known. */
function previewChoice(feed: Feed, options: OpenOptions, newestKnown: boolean): Episode | null {
  const episodes = feed.episodes;
  if (options.episode) return episodes.find((e) => e.guid === options.episode) ?? null;
  return newestKnown ? (episodes.find((e) => e.enclosure !== null) ?? null) : null;
}

/** The whole feed in place of its preview; the episode open from the preview stays the same object. */
function completing(open: Opened, feed: Feed, issues: readonly string[]): Opened {
  const current = open.episode;
  const at = current ? feed.episodes.findIndex((e) => e.guid === current.guid) : -1;
  if (current && at >= 0) feed.episodes[at] = current;
  return { ...open, feed, issues, episode: at >= 0 ? current : null };
}
