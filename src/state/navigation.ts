// The address bar follows the listener: picking a feed or episode pushes a history entry, the
// position is kept current with replaceState, and Back/Forward reopen what the entry names.
import { buildDeepLink, parseDeepLink, type DeepLink } from '../core/quote/deep-link.ts';
import type { Episode } from '../core/model.ts';
import type { Library, OpenOutcome } from './library.svelte.ts';
import type { Listening } from './listening.ts';
import type { Player } from './player.svelte.ts';

export class Navigation {
  constructor(
    private readonly library: Library,
    private readonly player: Player,
    private readonly listening: Listening,
    /** The embedded demo's feed: opened at `/`, and left out of links. */
    readonly demoFeed: string,
  ) {}

  /** Opens what the address names; `/` alone reopens the last episode, else the demo. */
  async start(): Promise<OpenOutcome> {
    const link = parseDeepLink(location.search, location.hash);
    if (link.feed)
      return this.library.openFeed(link.feed, { episode: link.episode, t: link.t, end: link.end });
    const last = this.listening.last();
    if (last && last.feed !== this.demoFeed)
      return this.library.openFeed(last.feed, { episode: last.episode });
    return this.library.openFeed(this.demoFeed, {
      episode: link.episode,
      t: link.t,
      end: link.end,
    });
  }

  /** Opens a feed the listener typed or pasted, and records it in history once it loads. */
  async openFeed(url: string): Promise<void> {
    if ((await this.library.openFeed(url)) === 'opened') this.#push();
  }

  selectEpisode(episode: Episode): void {
    this.library.openEpisode(episode);
    this.#push();
  }

  /** Keeps `t` in the address current, so copying it lands at the same moment. */
  syncPosition(): void {
    if (!this.library.episode) return; // still loading: the address is the listener's link
    const href = this.#href(true);
    if (href !== location.href) history.replaceState(history.state, '', href);
  }

  /** Back/Forward: reopen the feed or episode the entry names. */
  onPopState(): void {
    const link: DeepLink = parseDeepLink(location.search, location.hash);
    const feed = link.feed ?? this.demoFeed;
    if (feed !== this.library.feedUrl) {
      void this.library.openFeed(feed, { episode: link.episode, t: link.t });
      return;
    }
    const episode =
      this.library.feed?.episodes.find((e) => e.guid === link.episode) ??
      this.library.feed?.episodes[0];
    if (episode && episode !== this.library.episode) this.library.openEpisode(episode, link.t);
    else if (link.t !== undefined) this.player.seek(link.t);
  }

  /** What a link names of the open episode: the demo's links name no feed (nor its only episode). */
  linkTarget(): { feed?: string; episode?: string } {
    const { feedUrl, episode, feed } = this.library;
    const isDemo = feedUrl === this.demoFeed;
    const target: { feed?: string; episode?: string } = {};
    if (feedUrl && !isDemo) target.feed = feedUrl;
    if (episode && feed && (!isDemo || feed.episodes.length > 1)) target.episode = episode.guid;
    return target;
  }

  /** A link to the open episode at `t` seconds. */
  linkAt(t: number): string {
    return buildDeepLink(location.origin + location.pathname, { ...this.linkTarget(), t });
  }

  #push(): void {
    const href = this.#href(false);
    if (href !== location.href) history.pushState(null, '', href);
  }

  #href(withTime: boolean): string {
    const link: DeepLink = this.linkTarget();
    const quote = this.library.quoteRange;
    if (quote)
      Object.assign(link, quote); // the quoted range stays in the address until another episode opens
    else if (withTime && this.player.position > 0) link.t = this.player.position;
    return buildDeepLink(location.origin + location.pathname, link);
  }
}
