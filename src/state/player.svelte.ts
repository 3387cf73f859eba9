// The player: requests go in through methods; the state (player-state.svelte.ts) changes when the
// engine confirms them, and the audio clock feeds it once per frame.
import type { AudioEngine, AudioSource, EngineEvent } from '../audio/engine.ts';
import type { FineUnit } from '../core/fine-units.ts';
import type { Chapter, Turn } from '../core/model.ts';
import type { SyncOffsets } from '../core/sync-offsets.ts';
import { displayStep, nextDisplayStep } from '../core/time.ts';
import { FrameLoop, WAKE_EARLY_MS, type FrameScheduler } from './frame-loop.ts';
import { cycledRate, steppedRate } from './rates.ts';
import { PlayerState } from './player-state.svelte.ts';
import { playerRecovery } from './player-recovery.ts';
import type { Delay, Recovery } from './recovery.ts';
import { SeekTargets } from './seek-targets.ts';
import { stillClock } from './still-clock.ts';
import { Timeline } from './timeline.svelte.ts';

export class Player extends PlayerState {
  /** Turns (audio time), published turns, chapters and fine units (#12). */
  readonly timeline = new Timeline();

  readonly #engine: AudioEngine;
  readonly #loop: FrameLoop;
  #seekWatchers: Array<(seconds: number) => void> = [];
  #source: AudioSource | null = null;
  #seeks = new SeekTargets();
  readonly #recovery: Recovery;
  readonly #still = stillClock(this);
  #unsubscribe: () => void;

  constructor(
    engine: AudioEngine,
    schedule: FrameScheduler,
    delay: Delay = (cb, ms) => void setTimeout(cb, ms),
  ) {
    super();
    this.#engine = engine;
    this.#loop = new FrameLoop(schedule, delay, () => {
      if (!this.playing) return -1;
      this.tick();
      return this.#msUntilNextChange();
    });
    this.#recovery = playerRecovery(this, engine, () => this.#source, delay);
    this.timeline.onChange = () => this.#retimed();
    this.#unsubscribe = engine.subscribe((event) => this.#onEngine(event));
  }

  /** The turns in audio time: aligned to the audio where found, else as published and nudged. */
  get turns(): Turn[] {
    return this.timeline.turns;
  }
  get chapters(): Chapter[] {
    return this.timeline.chapters;
  }
  get fineUnits(): FineUnit[] {
    return this.timeline.fineUnits;
  }
  get currentTurn(): Turn | null {
    return this.turns[this.turnIndex] ?? null;
  }
  get currentChapter(): Chapter | null {
    return this.chapters[this.chapterIndex] ?? null;
  }

  /** Sets the published transcript turns and chapters (both sorted by start). */
  setTimeline(turns: Turn[], chapters: Chapter[]): void {
    this.timeline.set(turns, chapters);
  }
  /** Turns found in the audio (by published index) take the place of their published times (#12). */
  applyAligned(batch: ReadonlyMap<number, Turn>): void {
    this.timeline.applyAligned(batch);
  }
  /** Sets the piecewise timing nudge (#12). */
  setSync(pieces: SyncOffsets): void {
    this.timeline.setSync(pieces);
  }
  /** Calls `watch` with the target of every seek asked for; returns the unsubscribe. */
  watchSeeks(watch: (seconds: number) => void): () => void {
    this.#seekWatchers.push(watch);
    return () => (this.#seekWatchers = this.#seekWatchers.filter((w) => w !== watch));
  }
  #retimed(): void {
    this.#updateIndices(this.position);
    this.#loop.wake();
  }

  /** Loads an episode's audio, paused at `startAt`. Resets everything tied to the previous episode. */
  load(source: AudioSource, startAt = 0, knownDuration: number | null = null): void {
    this.#reset(startAt, knownDuration);
    this.#source = source;
    this.#engine.load(source, startAt);
  }
  /** Stops and forgets the audio (an episode without any): nothing plays until the next load. */
  unload(): void {
    this.#reset(0, null);
    if (this.#source) this.#engine.unload();
    this.#source = null;
  }

  /**
   * What changes with the audio (#11; vidstack keeps such a list): playing, buffering, error,
   * retries, pending seek, buffered ranges, seekability, a quote's stop, duration and position.
   * Kept: the rate (the listener's choice) and the timeline and timing nudge, which Library sets
   * for each episode.
   */
  #reset(position: number, duration: number | null): void {
    this.playing = false;
    this.buffering = false;
    this.error = null;
    this.retryAttempt = 0;
    this.#recovery.reset();
    this.pendingSeek = null;
    this.#seeks.clear();
    this.buffered = [];
    this.canSeek = true;
    this.stopAt = null;
    this.duration = duration;
    this.mediaDuration = null;
    this.position = position;
    this.shownPosition = position;
    this.#updateIndices(position);
  }

  play(): void {
    if (this.playing || !this.#source) return;
    this.error = null;
    this.playing = true;
    this.buffering = true;
    this.#engine.play();
    this.#recovery.watchStall();
    this.#loop.start();
  }
  /** Plays just [start, end] seconds, then pauses (Play quote). */
  playRange(start: number, end: number): void {
    this.seek(start);
    this.stopAt = end;
    this.play();
  }
  pause(): void {
    this.stopAt = null;
    this.playing = false;
    this.buffering = false;
    this.#engine.pause();
  }
  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }
  seek(seconds: number): void {
    if (!this.canSeek || !this.#source) return;
    const max = this.duration ?? Infinity;
    const target = Math.min(Math.max(0, seconds), max);
    // Past a played quote's end the listener has moved on: it no longer stops there (#11).
    if (this.stopAt !== null && target >= this.stopAt) this.stopAt = null;
    this.pendingSeek = target;
    this.#seeks.ask(target);
    this.position = target;
    this.shownPosition = target;
    this.#updateIndices(target);
    this.#engine.seek(target);
    this.#loop.wake();
    for (const watch of this.#seekWatchers) watch(target);
  }
  skip(delta: number): void {
    this.seek((this.pendingSeek ?? this.position) + delta);
  }
  setRate(rate: number): void {
    this.rate = rate;
    this.#engine.setRate(rate);
    this.#loop.wake();
  }
  /** Steps the rate to the next (+1) or previous (−1) preset. */
  stepRate(direction: 1 | -1): void {
    this.setRate(steppedRate(this.rate, direction));
  }
  /** Moves to the next preset, wrapping to the slowest after the fastest (the rate button). */
  cycleRate(): void {
    this.setRate(cycledRate(this.rate));
  }
  previousChapter(): void {
    // Within the first 3 s of a chapter, go to the one before; otherwise restart this one.
    const current = this.currentChapter;
    const index =
      current && this.position - current.start < 3 ? this.chapterIndex - 1 : this.chapterIndex;
    const target = this.chapters[Math.max(0, index)];
    if (target) this.seek(target.start);
  }
  nextChapter(): void {
    const target = this.chapters[this.chapterIndex + 1];
    if (target) this.seek(target.start);
  }

  /** Retry: reloads the audio and resumes where it stopped. */
  retry(): void {
    if (!this.#source) return;
    this.error = null;
    this.retryAttempt = 0;
    this.#recovery.reset();
    this.#engine.load(this.#source, this.position);
    this.play();
  }

  /** Reads the engine clock once; called every animation frame while playing. */
  tick(): void {
    this.#still.check(this.#engine.position()); // a frozen clock shows as buffering at once (#14)
    if (this.pendingSeek !== null) return;
    const pos = this.#engine.position();
    this.#recovery.progressed(pos);
    if (this.stopAt !== null && pos >= this.stopAt) {
      this.pause();
      return;
    }
    if (pos !== this.position) {
      this.position = pos;
      const step = displayStep(this.duration);
      if (Math.floor(pos / step) !== Math.floor(this.shownPosition / step))
        this.shownPosition = pos;
      this.#updateIndices(pos);
    }
  }

  destroy(): void {
    this.playing = false;
    this.#unsubscribe();
    this.#engine.destroy();
  }

  // Wall-clock ms the frame loop may sleep: until just before the next turn, word, chapter or quote
  // end (they must land on their frame), or until the next display step (which need not).
  #msUntilNextChange(): number {
    if (this.pendingSeek !== null || this.buffering) return 0;
    const pos = this.position;
    const rate = this.rate || 1;
    const now = { turn: this.turnIndex, chapter: this.chapterIndex, fine: this.fineIndex };
    const precise = Math.min(this.timeline.untilNext(pos, now), (this.stopAt ?? Infinity) - pos);
    const display = nextDisplayStep(this.shownPosition, this.duration) - pos;
    return Math.max(0, Math.min((precise * 1000) / rate - WAKE_EARLY_MS, (display * 1000) / rate));
  }

  /** Setting a $state to the value it holds notifies nothing, so unchanged indices cost no update. */
  #updateIndices(pos: number): void {
    const now = this.timeline.find(pos);
    this.turnIndex = now.turn;
    this.chapterIndex = now.chapter;
    this.fineIndex = now.fine;
  }

  #onEngine(event: EngineEvent): void {
    switch (event.type) {
      case 'loaded':
        this.canSeek = event.seekable; // a duration not known yet (0, NaN) would clamp to 0:00 (#13)
        if (!(event.duration > 0) || !Number.isFinite(event.duration)) break;
        this.duration = event.duration;
        this.mediaDuration = event.duration;
        // A start past the real audio's end (the feed's duration was longer) ends at the end:
        // the current turn is the one at the position shown (CONTRACT.md).
        if (this.position > event.duration) this.seek(event.duration);
        break;
      case 'playing':
        this.buffering = false;
        this.retryAttempt = 0;
        this.#recovery.started(this.#engine.position());
        break;
      case 'waiting':
        if (this.playing) {
          this.buffering = true;
          this.#recovery.watchStall();
        }
        break;
      case 'paused':
        this.shownPosition = this.position;
        // The engine paused on its own (headset, OS): follow it.
        if (this.playing && this.pendingSeek === null) this.playing = false;
        this.buffering = false;
        break;
      case 'seeked':
        if (this.#seeks.isOlder(event.position, this.pendingSeek)) break; // #13
        this.pendingSeek = null;
        this.#seeks.clear();
        this.position = event.position;
        this.shownPosition = event.position;
        this.#updateIndices(event.position);
        break;
      case 'ended':
        this.playing = false;
        this.buffering = false;
        if (this.duration !== null) this.position = this.shownPosition = this.duration;
        break;
      case 'progress':
        this.buffered = this.#engine.buffered();
        this.#recovery.arrived();
        break;
      case 'error':
        this.#recovery.fail(event.message);
        break;
    }
  }
}
