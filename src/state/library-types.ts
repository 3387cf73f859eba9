// The shapes Library works with (#15: moved out to keep library.svelte.ts under 300 lines).
import type { Episode, Feed } from '../core/model.ts';

export interface OpenOptions {
  /** The episode's guid; absent: the newest playable episode. */
  episode?: string;
  /** Start position in seconds. */
  t?: number;
  /** End of a quoted range in seconds (the words from t to end are marked). */
  end?: number;
}

/** How an `openFeed` request ended: the feed is open, it could not be, or a newer request replaced it. */
export type OpenOutcome = 'opened' | 'failed' | 'superseded';

/** The open feed and episode, replaced as one value so they never disagree (#11). */
export interface Opened {
  /** The feed's address as asked for (before redirects): what links and saved positions name. */
  feedUrl: string;
  feed: Feed;
  /** Null while the feed has no episode to open. */
  episode: Episode | null;
  /** What the feed parser met (sentences), shown as a quiet note by the feed (#11). */
  issues: readonly string[];
}
