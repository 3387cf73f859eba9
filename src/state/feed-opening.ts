// Opening a feed (#11, #15): fetch, read, choose the episode, and say what went wrong in the
// listener's words. A big feed opens from its first items (feed-slices.ts, loaded only then).
// Library owns the state; this owns the steps.
import type { Episode, Feed } from '../core/model.ts';
import type { BodyWatch, Fetched } from './fetcher.ts';
import { failureReason as reason } from './episode-sources.ts';
import { readFeed } from './feed-reader.ts';
import type { Opened, OpenOptions, OpenOutcome } from './library-types.ts';

/**
 * Feeds this long (~100 items of typical size) are read in slices after a preview (#15). When the
 * headers give a length this big, the code for that is asked for while the feed downloads.
 */
const BIG_FEED = 200_000;
/** Bytes of a big feed read before its first items are listed (~40 items of typical size). */
const PREFIX_BYTES = 96_000;

/** What opening a feed needs from Library. */
export interface FeedHost {
  fetch(url: string, signal: AbortSignal, watch?: BodyWatch): Promise<Fetched>;
  parseXml(text: string): Document;
  /** A big feed arrived: it opens from its first items, then reads the rest (#15). */
  big(): void;
  /** The first items are open; the others are still being read. */
  reading(): void;
  open(): Opened | null;
  /** The whole feed completes the preview that is open (same episode). */
  completed(open: Opened): void;
  /** Another feed becomes the open one: what played is saved and unloaded. */
  replace(open: Opened): void;
  openEpisode(episode: Episode, options: OpenOptions): void;
  alert(message: string): void;
  /** What still works after a failure, in the listener's words. */
  stillWorks(): string;
}

export async function openFeedWith(
  host: FeedHost,
  url: string,
  options: OpenOptions,
  signal: AbortSignal,
): Promise<OpenOutcome> {
  let code: Promise<typeof import('./feed-slices.ts') | null> | undefined;
  const big = () => {
    host.big();
    return (code ??= import('./feed-slices.ts').catch(() => null)); // null: read it whole
  };
  // Whether the feed's first items were listed while it downloaded (#15).
  let early: Promise<boolean> = Promise.resolve(false);
  const watch: BodyWatch = {
    length: (bytes) => bytes >= BIG_FEED && big(),
    // A declared length may be the compressed size (gzip): below BIG_FEED, wait for the bytes to say.
    prefixAt: (length) => (length !== null && length >= BIG_FEED ? PREFIX_BYTES : BIG_FEED),
    prefix: (text, finalUrl) => {
      const listing = big()
        .then((slices) =>
          signal.aborted
            ? null
            : (slices?.openPrefix(host, { url, finalUrl, text }, options) ?? null),
        )
        .catch(() => null); // the whole feed is read as before
      early = listing.then((listed) => listed !== null);
      // The rest of the body is taken in and read once the first rows are painted.
      return listing.then((listed) => listed?.shown);
    },
  };
  try {
    const fetched = await host.fetch(url, signal, watch);
    if (signal.aborted) return 'superseded';
    const listed = await early;
    const slices = fetched.text.length >= BIG_FEED || listed ? await big() : null;
    const steps = { readFeed, openChosen };
    if (fetched.text.length >= BIG_FEED) {
      const outcome = await slices?.openBig(host, url, options, fetched, signal, steps, listed);
      if (outcome) return outcome;
    }
    const result = await readFeed(fetched.text, fetched.finalUrl, host.parseXml);
    if (signal.aborted) return 'superseded';
    if (!result.ok) {
      const first = listed ? ' Only its first episodes are listed.' : '';
      host.alert(`${result.message}${first} ${host.stillWorks()}`);
      return 'failed';
    }
    const issues = result.errors.map((e) => e.message);
    if (listed && slices) return slices.settle(host, url, options, result.value, issues, steps);
    host.replace({ feedUrl: url, feed: result.value, episode: null, issues });
    return openChosen(host, result.value, options);
  } catch (error) {
    if (signal.aborted) return 'superseded';
    const listed = await early;
    if (signal.aborted) return 'superseded';
    host.alert(
      listed
        ? `The rest of the feed could not be loaded${reason(error)} Only its first episodes are listed. ${host.stillWorks()}`
        : `The feed could not be loaded${reason(error)} ${host.stillWorks()}`,
    );
    return 'failed';
  }
}

/**
 * Opens the episode asked for, else the newest playable one, and tells the listener what is
 * missing (the episode, any episode, any audio).
 */
export function openChosen(host: FeedHost, feed: Feed, options: OpenOptions): OpenOutcome {
  const episodes = feed.episodes;
  const wanted = options.episode ? episodes.find((e) => e.guid === options.episode) : undefined;
  const playable = episodes.find((e) => e.enclosure !== null);
  if (options.episode && !wanted)
    host.alert('That episode is no longer in this feed. Showing the newest episode instead.');
  const episode = wanted ?? playable ?? episodes[0];
  if (!episode) host.alert('This feed has no episodes yet.');
  else if (!playable)
    host.alert(
      'No episode in this feed has an audio file Verbatim can play. Their notes are still shown.',
    );
  if (episode) host.openEpisode(episode, options);
  return 'opened';
}
