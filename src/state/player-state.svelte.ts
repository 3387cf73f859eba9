// The one declarative player state (vidstack's player-state): what every view reads, each field
// with its unit. Player (player.svelte.ts) is the only writer; views send requests to it (#11).
export class PlayerState {
  /** Position in seconds (the audio clock, or the pending seek target until the engine confirms it). */
  position = $state(0);
  /**
   * Position for display (seek bar, clocks), in seconds: follows `position` in `displayStep`s while
   * playing, at once on seeks. Repainting the bar every frame cost ~30 % of a core.
   */
  shownPosition = $state(0);
  /** Duration in seconds: the audio's once known, else the feed's, else null. */
  duration = $state<number | null>(null);
  /** True from a play request until pause, end or error (like the media element's `!paused`). */
  playing = $state(false);
  /** True while playback waits for data. */
  buffering = $state(false);
  /** Playback rate, 1 = normal. */
  rate = $state(1);
  /** A plain-words audio error after retries gave up, or null. */
  error = $state<string | null>(null);
  /** 1–3 while an automatic reload is under way, 0 otherwise. */
  retryAttempt = $state(0);
  /** False when the publisher's server cannot serve byte ranges: the audio can't jump ahead. */
  canSeek = $state(true);
  /** A requested seek target in seconds not yet confirmed by the engine. */
  pendingSeek = $state<number | null>(null);
  /** Buffered ranges in seconds. */
  buffered = $state<Array<[number, number]>>([]);
  /** Playback pauses on reaching this position (seconds): the end of a quote being played. */
  stopAt = $state<number | null>(null);

  /** Index of the current turn, −1 before the first. */
  turnIndex = $state(-1);
  /** Index of the current chapter, −1 before the first. */
  chapterIndex = $state(-1);
  /** The audio's duration as the media element reads it (seconds), null until it is loaded. */
  mediaDuration = $state<number | null>(null);
  /** Index in `fineUnits` of the current word/cue/sentence, −1 when none. */
  fineIndex = $state(-1);

  /** Remaining time in seconds, or null when the duration is unknown. */
  get remaining(): number | null {
    return this.duration === null ? null : Math.max(0, this.duration - this.shownPosition);
  }
}
