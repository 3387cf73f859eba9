// What the listener has open: feed, episode, transcript, chapters (fetched and parsed here).
import { timingKind, type TimingKind } from '../core/audio-timeline.ts';
import type { ChapterArt } from '../core/chapters/art.ts';
import { clampChapters } from '../core/chapters/clamp.ts';
import { openFeedWith, type FeedHost } from './feed-opening.ts';
import type { Chapter, Episode, Feed, SourceKind, Turn } from '../core/model.ts';
import { fetchText, type FetchKind, type Fetched, type BodyWatch } from './fetcher.ts';
import type { LazyAlignment } from './lazy-alignment.svelte.ts';
import {
  findChapters,
  findTranscript,
  type FoundTranscript,
  type SourceDeps,
} from './episode-sources.ts';
import type { OwnTranscripts } from './own-transcripts.svelte.ts';
import type { Opened, OpenOptions, OpenOutcome } from './library-types.ts';
import type { Listening } from './listening.ts';
import type { Player } from './player.svelte.ts';

export interface Alert {
  id: number;
  message: string;
}

export type Fetcher = (
  url: string,
  kind: FetchKind,
  signal?: AbortSignal,
  watch?: BodyWatch,
) => Promise<Fetched>;
export type XmlParser = (text: string) => Document;
export type HtmlParser = (html: string) => Document;

export type { OpenOptions, OpenOutcome } from './library-types.ts';

let nextAlertId = 1;

/** Sources that time every line or cue (the rest time turns, or nothing finer). */
const CUE_TIMED: ReadonlySet<SourceKind> = new Set(['vtt', 'srt', 'json']);

export class Library {
  #open: Opened | null = $state.raw(null);
  loadingFeed = $state(false);
  /** A big feed's first episodes are open and listed; the rest are still being read (#15). */
  readingFeed = $state(false);
  #bigFeed = () => {}; // (declared first: the promise below replaces it)
  /** Resolves when a big feed first starts opening: the list's code is asked for then (#15). */
  readonly bigFeedSeen = new Promise<void>((resolve) => (this.#bigFeed = resolve));
  loadingTranscript = $state(false);
  loadingChapters = $state(false);
  transcriptSource = $state<SourceKind>('none');
  chaptersSource = $state<SourceKind>('none');
  /** Chapter artwork by start time, silent chapters' included (#14); empty when none. */
  chapterArt: ChapterArt[] = $state.raw([]);
  alerts = $state<Alert[]>([]);
  /** The quoted range a link opened (audio seconds), shown in <mark> and playable; null when none. */
  quoteRange = $state<{ t: number; end: number } | null>(null);

  /** Computes word times for transcripts that lack them (#12); none: published timing only. */
  alignment: LazyAlignment | null = null;
  /** The listener's own transcripts (#15): code loaded with the first episode, off the first load. */
  own: OwnTranscripts | null = $state.raw(null);
  loadOwn: ((now: boolean) => Promise<OwnTranscripts | null>) | null = null;

  #turns: Turn[] = [];
  #chapters: Chapter[] = [];
  #episodeToken = 0;
  #feedAbort: AbortController | null = null;

  /** The open feed's address, or null before one opened. A feed still loading is not open. */
  get feedUrl(): string | null {
    return this.#open?.feedUrl ?? null;
  }
  get feed(): Feed | null {
    return this.#open?.feed ?? null;
  }
  get episode(): Episode | null {
    return this.#open?.episode ?? null;
  }
  /** Problems reading the open feed, the open transcript and chapters: quiet notes, not alerts (#11). */
  get feedIssues(): readonly string[] {
    return this.#open?.issues ?? [];
  }
  transcriptIssues: readonly string[] = $state.raw([]);
  chapterIssues: readonly string[] = $state.raw([]);

  constructor(
    private readonly player: Player,
    private readonly parseXml: XmlParser,
    private readonly fetcher: Fetcher = fetchText,
    private readonly listening: Listening | null = null,
    private readonly parseHtml: HtmlParser | null = null,
  ) {}

  /** What still works after a feed fails, in the listener's words. */
  #stillWorks(): string {
    if (!this.episode) return 'Your saved quotes and recent podcasts are safe.';
    // "plays" only when it does (#14).
    return this.player.playing
      ? 'The episode you had open still plays.'
      : 'The episode you had open is still here to read.';
  }

  /** How finely the open transcript is timed (CONTRACT.md `data-timing`). */
  get timing(): TimingKind {
    return timingKind(this.player.turns, CUE_TIMED.has(this.transcriptSource));
  }

  /** Saves where the listener is in the open episode (called on pause, every few seconds, and on leaving). */
  saveProgress(): void {
    const { feedUrl, episode } = this;
    if (!this.listening || !feedUrl || !episode || this.player.position <= 0) return;
    this.listening.savePosition(feedUrl, episode.guid, this.player.position);
  }

  alert(message: string): void {
    // Reopening a feed must not stack a second copy of a message already shown (#14).
    if (this.alerts.some((a) => a.message === message)) return;
    this.alerts = [...this.alerts, { id: nextAlertId++, message }];
  }
  dismiss(id: number): void {
    this.alerts = this.alerts.filter((a) => a.id !== id);
  }

  /**
   * Fetches and parses a feed, then opens the requested (or newest) episode (feed-opening.ts).
   * Until the new feed has parsed (a big one: its first items, #15), the old feed and episode stay
   * open and keep playing; a failure before then leaves them so. Then the rest of a big one is read.
   */
  async openFeed(url: string, options: OpenOptions = {}): Promise<OpenOutcome> {
    this.#feedAbort?.abort();
    const abort = new AbortController();
    this.#feedAbort = abort;
    this.loadingFeed = true;
    try {
      return await openFeedWith(this.#feedHost, url, options, abort.signal);
    } finally {
      if (this.#feedAbort === abort) this.loadingFeed = this.readingFeed = false;
    }
  }
  readonly #feedHost: FeedHost = {
    fetch: (url, signal, watch) => this.fetcher(url, 'feed', signal, watch),
    parseXml: (text) => this.parseXml(text),
    big: () => this.#bigFeed(),
    reading: () => {
      this.readingFeed = true;
      if (this.episode) this.loadingFeed = false;
    },
    open: () => this.#open,
    completed: (open) => this.#remember((this.#open = open)),
    replace: (open) => {
      // Saved while the old feed is still open, so the position is filed under its own feed.
      this.saveProgress();
      this.#unload();
      this.#remember((this.#open = open));
    },
    openEpisode: (episode, options) => {
      this.openEpisode(episode, options.t);
      if (options.t !== undefined && options.end !== undefined)
        this.quoteRange = { t: options.t, end: options.end };
    },
    alert: (message) => this.alert(message),
    stillWorks: () => this.#stillWorks(),
  };

  #remember(open: Opened): void {
    this.listening?.rememberFeed(open.feedUrl, open.feed.title || open.feedUrl, open.feed.image);
  }
  /**
   * Opens an episode of the open feed paused at `t` (else where the listener left it), then loads
   * its transcript and chapters. What played before is saved and unloaded first.
   */
  openEpisode(episode: Episode, t?: number): void {
    const open = this.#open;
    if (!open) return; // an episode belongs to a feed: there is none open to take it
    if (open.episode && open.episode !== episode) this.saveProgress();
    this.#unload();
    const token = ++this.#episodeToken;
    const feedUrl = open.feedUrl;
    this.quoteRange = null;
    const saved = feedUrl ? this.listening?.position(feedUrl, episode.guid) : undefined;
    const start =
      t ??
      (saved !== undefined && (episode.duration === null || saved < episode.duration - 5)
        ? saved
        : 0);
    this.listening?.setLast({ feed: feedUrl, episode: episode.guid });
    this.#open = { ...open, episode };
    if (this.readingFeed) this.loadingFeed = false; // the rest of a big feed is still read (#15)
    this.#turns = [];
    this.#chapters = [];
    this.transcriptSource = this.chaptersSource = 'none';
    this.transcriptIssues = [];
    this.chapterIssues = [];
    this.alignment?.reset();
    this.chapterArt = [];
    this.player.setTimeline([], []);
    this.player.setSync(feedUrl ? (this.listening?.sync(feedUrl, episode.guid) ?? []) : []);
    if (episode.enclosure) {
      this.player.load(
        { url: episode.enclosure.url, type: episode.enclosure.type },
        start,
        episode.duration,
      );
    } else {
      this.alert('This episode has no audio file to play. Its notes are still shown.');
    }
    void this.#loadTranscript(episode, token);
    void this.#loadChapters(episode, token);
  }

  /** Stops what was playing and forgets its timeline: nothing of the old episode outlives opening another. */
  #unload(): void {
    this.#episodeToken++; // late transcript and chapter answers for the old episode are dropped
    this.player.unload();
    this.player.setTimeline([], []);
  }

  #publish(token: number): boolean {
    if (token !== this.#episodeToken) return false;
    this.player.setTimeline(this.#turns, clampChapters(this.#chapters, this.player.duration));
    return true;
  }

  /** The shared source sequence (episode-sources.ts), speaking through this page's alerts (#15). */
  #deps(token: number): SourceDeps {
    const stale = () => token !== this.#episodeToken;
    return {
      fetch: (url, kind) => this.fetcher(url, kind),
      parseHtml: this.parseHtml,
      language: navigator.language,
      report: (message) => {
        if (!stale()) this.alert(message);
      },
      stale,
    };
  }

  async #loadTranscript(episode: Episode, token: number): Promise<void> {
    this.loadingTranscript = episode.transcripts.length > 0;
    try {
      const [found, own] = await Promise.all([
        findTranscript(episode, this.#deps(token)),
        this.#own(episode, token, true),
      ]);
      if (token === this.#episodeToken) this.showTranscript(own ? own.choose(found) : found);
      if (!own) void this.#own(episode, token, false).then((late) => late?.choose(found));
    } finally {
      if (token === this.#episodeToken) this.loadingTranscript = false;
    }
  }

  /** The listener's own file (#15), read beside the publisher's; `now`: before the first turn (#11). */
  async #own(episode: Episode, token: number, now: boolean): Promise<OwnTranscripts | null> {
    this.own ??= (await this.loadOwn?.(now).catch(() => null)) ?? null;
    if (token !== this.#episodeToken) return null; // the listener has moved on
    await this.own?.open(this.feedUrl ?? '', episode.guid);
    return token === this.#episodeToken ? this.own : null;
  }

  /** Shows this transcript for the open episode: the publisher's, or the listener's own (#15). */
  showTranscript(found: FoundTranscript | null): void {
    const episode = this.episode;
    if (!episode) return;
    this.#turns = found?.turns ?? [];
    this.transcriptSource = found?.source ?? 'none';
    this.transcriptIssues = found?.issues ?? [];
    this.alignment?.reset();
    this.#publish(this.#episodeToken);
    if (found) this.#align(episode, found.language);
  }

  /** Asks for word times when the transcript has none and there is audio to align it with (#12). */
  #align(episode: Episode, language: string | null): void {
    if (!this.alignment || !episode.enclosure || this.timing === 'word') return;
    this.alignment.start({
      audio: episode.enclosure.url,
      language,
      turns: this.#turns,
      focus: this.player.position,
    });
  }

  async #loadChapters(episode: Episode, token: number): Promise<void> {
    this.loadingChapters = episode.chapters !== undefined;
    try {
      const found = await findChapters(episode, this.#deps(token));
      if (found && token === this.#episodeToken) {
        this.#chapters = found.chapters;
        this.chaptersSource = found.source;
        this.chapterIssues = found.issues;
        this.chapterArt = found.art ?? [];
        this.#publish(token);
      }
    } finally {
      if (token === this.#episodeToken) this.loadingChapters = false;
    }
  }
}
