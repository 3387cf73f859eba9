// What the listener has open: the feed, the episode, and where its transcript and chapters came from.
// Fetching and parsing happen here so components stay thin.
import { clampChapters, parseChaptersJson } from '../core/chapters/json.ts';
import { parseFeed } from '../core/feed/feed.ts';
import type { Chapter, Episode, Feed, SourceKind, Turn } from '../core/model.ts';
import { parseTranscriptFile, rankTranscripts, transcriptKind } from '../core/transcript/source.ts';
import { readShowNotes } from '../core/show-notes/transcript.ts';
import { cuesToTurns } from '../core/transcript/turns.ts';
import { FetchError, fetchText, type FetchKind, type Fetched } from './fetcher.ts';
import type { Listening } from './listening.ts';
import type { Player } from './player.svelte.ts';

export interface Alert {
  id: number;
  message: string;
}

export type Fetcher = (url: string, kind: FetchKind, signal?: AbortSignal) => Promise<Fetched>;
export type XmlParser = (text: string) => Document;
export type HtmlParser = (html: string) => Document;

export interface OpenOptions {
  /** The episode's guid; absent: the newest playable episode. */
  episode?: string;
  /** Start position in seconds. */
  t?: number;
  /** End of a quoted range in seconds (the words from t to end are marked). */
  end?: number;
}

let nextAlertId = 1;

/** " (404)." for an HTTP status, else ": <the reason>." — the tail of "The … could not be loaded". */
function reason(error: unknown): string {
  if (error instanceof FetchError)
    return error.status ? ` (${error.status}).` : `: ${lowerFirst(error.message)}`;
  return ': the address could not be reached.';
}
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

export class Library {
  feedUrl = $state<string | null>(null);
  feed: Feed | null = $state.raw(null);
  episode: Episode | null = $state.raw(null);
  loadingFeed = $state(false);
  loadingTranscript = $state(false);
  loadingChapters = $state(false);
  transcriptSource = $state<SourceKind>('none');
  chaptersSource = $state<SourceKind>('none');
  alerts = $state<Alert[]>([]);
  /** The quoted range a link opened (audio seconds), shown in <mark> and playable; null when none. */
  quoteRange = $state<{ t: number; end: number } | null>(null);

  #turns: Turn[] = [];
  #chapters: Chapter[] = [];
  #episodeToken = 0;
  #feedAbort: AbortController | null = null;

  constructor(
    private readonly player: Player,
    private readonly parseXml: XmlParser,
    private readonly fetcher: Fetcher = fetchText,
    private readonly listening: Listening | null = null,
    private readonly parseHtml: HtmlParser | null = null,
  ) {}

  /** What still works after a feed fails, in the listener's words. */
  #stillWorks(): string {
    return this.episode
      ? 'The episode you had open keeps playing.'
      : 'Your saved quotes and recent podcasts are safe.';
  }

  /** Nudges the transcript timing by `delta` seconds and remembers it for this episode. */
  nudgeOffset(delta: number): void {
    this.player.setOffset(this.player.offset + delta);
    if (this.feedUrl && this.episode)
      this.listening?.saveOffset(this.feedUrl, this.episode.guid, this.player.offset);
  }

  /** Saves where the listener is in the open episode (called on pause, every few seconds, and on leaving). */
  saveProgress(): void {
    const { feedUrl, episode } = this;
    if (!this.listening || !feedUrl || !episode || this.player.position <= 0) return;
    this.listening.savePosition(feedUrl, episode.guid, this.player.position);
  }

  alert(message: string): void {
    this.alerts = [...this.alerts, { id: nextAlertId++, message }];
  }
  dismiss(id: number): void {
    this.alerts = this.alerts.filter((a) => a.id !== id);
  }

  /** Fetches and parses a feed, then opens the requested (or newest) episode. */
  async openFeed(url: string, options: OpenOptions = {}): Promise<void> {
    this.#feedAbort?.abort();
    const abort = new AbortController();
    this.#feedAbort = abort;
    this.loadingFeed = true;
    this.feedUrl = url;
    try {
      const fetched = await this.fetcher(url, 'feed', abort.signal);
      if (abort.signal.aborted) return;
      const result = parseFeed(fetched.text, fetched.finalUrl, { parseXml: this.parseXml });
      if (!result.ok) {
        this.alert(`${result.message} ${this.#stillWorks()}`);
        return;
      }
      this.saveProgress();
      this.feed = result.value;
      this.listening?.rememberFeed(url, result.value.title || url, result.value.image);
      const episodes = result.value.episodes;
      const wanted = options.episode ? episodes.find((e) => e.guid === options.episode) : undefined;
      if (options.episode && !wanted) {
        this.alert('That episode is no longer in this feed. Showing the newest episode instead.');
      }
      const episode = wanted ?? episodes.find((e) => e.enclosure !== null) ?? episodes[0];
      if (!episode) {
        this.alert('This feed has no episodes yet.');
        return;
      }
      if (!episodes.some((e) => e.enclosure !== null)) {
        this.alert(
          'No episode in this feed has an audio file Verbatim can play. Their notes are still shown.',
        );
      }
      this.openEpisode(episode, options.t);
      if (options.t !== undefined && options.end !== undefined)
        this.quoteRange = { t: options.t, end: options.end };
    } catch (error) {
      if (abort.signal.aborted) return;
      this.alert(`The feed could not be loaded${reason(error)} ${this.#stillWorks()}`);
    } finally {
      if (this.#feedAbort === abort) this.loadingFeed = false;
    }
  }

  /** Opens an episode paused at `t` (else where the listener left it), then loads its transcript and chapters. */
  openEpisode(episode: Episode, t?: number): void {
    if (this.episode && this.episode !== episode) this.saveProgress();
    const token = ++this.#episodeToken;
    const feedUrl = this.feedUrl;
    this.quoteRange = null;
    const saved = feedUrl ? this.listening?.position(feedUrl, episode.guid) : undefined;
    const start =
      t ??
      (saved !== undefined && (episode.duration === null || saved < episode.duration - 5)
        ? saved
        : 0);
    if (feedUrl) this.listening?.setLast({ feed: feedUrl, episode: episode.guid });
    this.episode = episode;
    this.#turns = [];
    this.#chapters = [];
    this.transcriptSource = 'none';
    this.chaptersSource = 'none';
    this.player.setTimeline([], []);
    this.player.setOffset(feedUrl ? (this.listening?.offset(feedUrl, episode.guid) ?? 0) : 0);
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

  #publish(token: number): boolean {
    if (token !== this.#episodeToken) return false;
    this.player.setTimeline(this.#turns, clampChapters(this.#chapters, this.player.duration));
    return true;
  }

  async #loadTranscript(episode: Episode, token: number): Promise<void> {
    const offered = rankTranscripts(episode.transcripts, navigator.language);
    this.loadingTranscript = offered.length > 0;
    try {
      for (const ref of offered) {
        const kind = transcriptKind(ref);
        try {
          const fetched = await this.fetcher(ref.url, 'transcript');
          if (token !== this.#episodeToken) return;
          const { value } = parseTranscriptFile(fetched.text, kind, this.parseHtml ?? undefined);
          if (value.length === 0) {
            this.alert('The transcript file has no readable lines. The episode still plays.');
            continue;
          }
          this.#turns = value;
          this.transcriptSource = kind;
          this.#publish(token);
          return;
        } catch (error) {
          if (token !== this.#episodeToken) return;
          this.alert(
            `The transcript file could not be loaded${reason(error)} The episode still plays.`,
          );
        }
      }
      // No file, or none readable: a transcript written into the show notes (how Substack shows publish).
      const notes = this.#notes(episode);
      if (notes && notes.transcript.length > 0 && token === this.#episodeToken) {
        this.#turns = notes.transcript;
        this.transcriptSource = 'show-notes';
        this.#publish(token);
      }
    } finally {
      if (token === this.#episodeToken) this.loadingTranscript = false;
    }
  }

  async #loadChapters(episode: Episode, token: number): Promise<void> {
    if (episode.chapters) {
      this.loadingChapters = true;
      try {
        const fetched = await this.fetcher(episode.chapters.url, 'chapters');
        if (token !== this.#episodeToken) return;
        const { value, errors } = parseChaptersJson(fetched.text, fetched.finalUrl);
        if (value.length > 0) {
          this.#chapters = value;
          this.chaptersSource = 'podcast-chapters';
          this.#publish(token);
          return;
        }
        const why = errors[0]?.message ?? 'The chapters file lists no chapters.';
        this.alert(`${why} The episode still plays.`);
      } catch (error) {
        if (token !== this.#episodeToken) return;
        this.alert(
          `The chapters file could not be loaded${reason(error)} The episode still plays.`,
        );
      } finally {
        if (token === this.#episodeToken) this.loadingChapters = false;
      }
    }
    if (token !== this.#episodeToken) return;
    if (episode.pscChapters && episode.pscChapters.length > 0) {
      this.#chapters = episode.pscChapters;
      this.chaptersSource = 'psc';
      this.#publish(token);
      return;
    }
    const notes = this.#notes(episode);
    if (notes && notes.chapters.length > 0) {
      this.#chapters = notes.chapters;
      this.chaptersSource = 'show-notes';
      this.#publish(token);
    }
  }

  /** The chapters and transcript written into an episode's show notes (read once per episode). */
  #notesCache = new WeakMap<Episode, { chapters: Chapter[]; transcript: Turn[] }>();
  #notes(episode: Episode): { chapters: Chapter[]; transcript: Turn[] } | null {
    if (!this.parseHtml || !episode.notesHtml) return null;
    let found = this.#notesCache.get(episode);
    if (!found) {
      const { chapters, transcript } = readShowNotes(
        episode.notesHtml,
        this.parseHtml,
        episode.duration,
      );
      found = { chapters: chapters.value, transcript: cuesToTurns(transcript.value) };
      this.#notesCache.set(episode, found);
    }
    return found;
  }
}
