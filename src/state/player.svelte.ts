// The one player state: fed by the audio clock once per frame, read by every view.
// Requests go in through methods; fields change when the engine confirms them.
import type { AudioEngine, AudioSource, EngineEvent } from '../audio/engine.ts';
import { buildFineUnits, type FineUnit } from '../core/fine-units.ts';
import type { Chapter, Turn } from '../core/model.ts';
import { TimelineCursor } from '../core/timeline-index.ts';

export type FrameScheduler = (callback: () => void) => void;
/** Runs a callback after a delay in ms (setTimeout in the browser; a manual clock in tests). */
export type Delay = (callback: () => void, ms: number) => void;

/** Sleep between frames only when the next change is further than this (ms of wall time). */
const SLEEP_THRESHOLD_MS = 60;
/** Wake this long before the next change, so the frame that crosses it is already running. */
const WAKE_EARLY_MS = 34;

const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;
/** Automatic reloads after an audio failure, with 1 s, 2 s, 4 s of backoff, before telling the listener. */
const MAX_RETRIES = 3;
/** Waiting this long for data with the clock standing still counts as a failure (a stalled server). */
const STALL_MS = 8000;

export class Player {
  /** Position in seconds (the audio clock, or the pending seek target until the engine confirms it). */
  position = $state(0);
  /**
   * Position for display (seek bar, clocks), in seconds: follows `position` in steps of at least a
   * quarter second while playing, at once on seeks. Repainting the bar every frame cost ~30 % of a core.
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
  /** Index of the current turn, −1 before the first. */
  turnIndex = $state(-1);
  /** Index of the current chapter, −1 before the first. */
  chapterIndex = $state(-1);
  /** Seconds added to every transcript time, for episodes whose ads shift the audio (0 = as published). */
  offset = $state(0);
  /** Index in `fineUnits` of the current word/cue/sentence, −1 when none. */
  fineIndex = $state(-1);

  turns: Turn[] = $state.raw([]);
  chapters: Chapter[] = $state.raw([]);
  fineUnits: FineUnit[] = $state.raw([]);

  readonly #engine: AudioEngine;
  readonly #schedule: FrameScheduler;
  readonly #delay: Delay;
  #turnStarts: number[] = [];
  #chapterStarts: number[] = [];
  #fineStarts: number[] = [];
  #turnCursor = new TimelineCursor([]);
  #chapterCursor = new TimelineCursor([]);
  #fineCursor = new TimelineCursor([]);
  #looping = false;
  #source: AudioSource | null = null;
  #retryPending = false;
  #stallToken = 0;
  #unsubscribe: () => void;

  constructor(engine: AudioEngine, schedule: FrameScheduler, delay: Delay = (cb, ms) => void setTimeout(cb, ms)) {
    this.#engine = engine;
    this.#schedule = schedule;
    this.#delay = delay;
    this.#unsubscribe = engine.subscribe((event) => this.#onEngine(event));
  }

  /** Remaining time in seconds, or null when the duration is unknown. */
  get remaining(): number | null {
    return this.duration === null ? null : Math.max(0, this.duration - this.shownPosition);
  }
  get currentTurn(): Turn | null {
    return this.turns[this.turnIndex] ?? null;
  }
  get currentChapter(): Chapter | null {
    return this.chapters[this.chapterIndex] ?? null;
  }

  /** Sets the transcript turns and chapters (both sorted by start). */
  setTimeline(turns: Turn[], chapters: Chapter[]): void {
    this.turns = turns;
    this.chapters = chapters;
    this.fineUnits = buildFineUnits(turns);
    this.#turnStarts = turns.map((t) => t.start);
    this.#chapterStarts = chapters.map((c) => c.start);
    this.#fineStarts = this.fineUnits.map((u) => u.start);
    this.#turnCursor = new TimelineCursor(this.#turnStarts);
    this.#chapterCursor = new TimelineCursor(this.#chapterStarts);
    this.#fineCursor = new TimelineCursor(this.#fineStarts);
    this.#updateIndices(this.position);
  }

  /** Loads an episode's audio, paused at `startAt`. Resets everything tied to the previous episode. */
  load(source: AudioSource, startAt = 0, knownDuration: number | null = null): void {
    this.playing = false;
    this.buffering = false;
    this.error = null;
    this.pendingSeek = null;
    this.buffered = [];
    this.canSeek = true;
    this.retryAttempt = 0;
    this.#retryPending = false;
    this.#source = source;
    this.duration = knownDuration;
    this.position = startAt;
    this.shownPosition = startAt;
    this.#updateIndices(startAt);
    this.#engine.load(source, startAt);
  }

  play(): void {
    if (this.playing) return;
    this.error = null;
    this.playing = true;
    this.buffering = true;
    this.#engine.play();
    this.#watchStall();
    this.#startClock();
  }
  pause(): void {
    this.playing = false;
    this.buffering = false;
    this.#engine.pause();
  }
  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }
  seek(seconds: number): void {
    if (!this.canSeek) return;
    const max = this.duration ?? Infinity;
    const target = Math.min(Math.max(0, seconds), max);
    this.pendingSeek = target;
    this.position = target;
    this.shownPosition = target;
    this.#updateIndices(target);
    this.#engine.seek(target);
  }
  skip(delta: number): void {
    this.seek((this.pendingSeek ?? this.position) + delta);
  }
  setRate(rate: number): void {
    this.rate = rate;
    this.#engine.setRate(rate);
  }
  /** Steps the rate to the next (+1) or previous (−1) preset. */
  stepRate(direction: 1 | -1): void {
    const index = RATES.findIndex((r) => r >= this.rate - 1e-9);
    const next = RATES[Math.min(RATES.length - 1, Math.max(0, (index < 0 ? 1 : index) + direction))];
    if (next !== undefined) this.setRate(next);
  }
  get rates(): readonly number[] {
    return RATES;
  }
  previousChapter(): void {
    // Within the first 3 s of a chapter, go to the one before; otherwise restart this one.
    const current = this.currentChapter;
    const index = current && this.position - current.start < 3 ? this.chapterIndex - 1 : this.chapterIndex;
    const target = this.chapters[Math.max(0, index)];
    if (target) this.seek(target.start);
  }
  nextChapter(): void {
    const target = this.chapters[this.chapterIndex + 1];
    if (target) this.seek(target.start);
  }

  /** Reloads the audio after the listener pressed Retry, resuming where it stopped. */
  retry(): void {
    if (!this.#source) return;
    this.error = null;
    this.retryAttempt = 0;
    this.#engine.load(this.#source, this.position);
    this.play();
  }

  /** An audio failure: reload with backoff from the last position (never from 0), then give up in words. */
  #fail(message: string): void {
    if (this.#retryPending) return;
    const source = this.#source;
    if (!source || this.retryAttempt >= MAX_RETRIES) {
      this.playing = false;
      this.buffering = false;
      this.retryAttempt = 0;
      this.error = message;
      return;
    }
    const attempt = this.retryAttempt + 1;
    const resumeAt = this.position;
    const resume = this.playing;
    this.retryAttempt = attempt;
    this.#retryPending = true;
    if (resume) this.buffering = true;
    this.#delay(() => {
      if (this.#source !== source) return; // another episode was opened meanwhile
      this.#retryPending = false;
      this.#engine.load(source, resumeAt);
      if (resume && this.playing) this.#engine.play();
    }, 1000 * 2 ** (attempt - 1));
  }

  /**
   * While the listener wants playback, the clock must move: checked every STALL_MS, a frozen clock
   * (a server that stopped answering, a play the browser dropped) is a failure and reloads.
   */
  #watchStall(): void {
    const token = ++this.#stallToken;
    let last = this.#engine.position();
    const check = () => {
      if (token !== this.#stallToken || !this.playing) return;
      const now = this.#engine.position();
      if (now === last && !this.#retryPending) {
        this.#fail('The audio stopped arriving from the publisher.');
        return;
      }
      last = now;
      this.#delay(check, STALL_MS);
    };
    this.#delay(check, STALL_MS);
  }

  /** Shifts the transcript against the audio by `seconds` (positive: the words come later). */
  setOffset(seconds: number): void {
    this.offset = Math.round(seconds * 10) / 10;
    this.#updateIndices(this.position);
  }
  /** Where a transcript time plays in the audio, given the offset. */
  audioTime(transcriptTime: number): number {
    return transcriptTime + this.offset;
  }

  /** Reads the engine clock once; called every animation frame while playing. */
  tick(): void {
    if (this.pendingSeek !== null) return;
    const pos = this.#engine.position();
    if (pos !== this.position) {
      this.position = pos;
      if (Math.abs(pos - this.shownPosition) >= 0.25) this.shownPosition = pos;
      this.#updateIndices(pos);
    }
  }

  destroy(): void {
    this.#looping = false;
    this.#unsubscribe();
    this.#engine.destroy();
  }

  /**
   * One frame loop while playing. Between index changes it sleeps, waking a couple of frames before
   * the next turn, word, chapter or display step, so the crossing frame is on time but the page is
   * not repainted 60 times a second for nothing.
   */
  #startClock(): void {
    if (this.#looping) return;
    this.#looping = true;
    const frame = () => {
      if (!this.playing) {
        this.#looping = false;
        return;
      }
      this.tick();
      const wait = this.#msUntilNextChange();
      if (wait > SLEEP_THRESHOLD_MS) this.#delay(() => this.#schedule(frame), wait - WAKE_EARLY_MS);
      else this.#schedule(frame);
    };
    this.#schedule(frame);
  }

  /** Wall-clock ms until the next index or display change, assuming playback continues at the rate. */
  #msUntilNextChange(): number {
    if (this.pendingSeek !== null || this.buffering) return 0;
    const pos = this.position;
    const text = pos - this.offset;
    const next = Math.min(
      (this.#turnStarts[this.turnIndex + 1] ?? Infinity) - text,
      (this.#fineStarts[this.fineIndex + 1] ?? Infinity) - text,
      (this.#chapterStarts[this.chapterIndex + 1] ?? Infinity) - pos,
      this.shownPosition + 0.25 - pos,
    );
    return (Math.max(0, next) * 1000) / (this.rate || 1);
  }

  #updateIndices(pos: number): void {
    const textTime = pos - this.offset;
    const turn = this.#turnCursor.find(textTime);
    if (turn !== this.turnIndex) this.turnIndex = turn;
    const chapter = this.#chapterCursor.find(pos);
    if (chapter !== this.chapterIndex) this.chapterIndex = chapter;
    const fine = this.#fineCursor.find(textTime);
    if (fine !== this.fineIndex) this.fineIndex = fine;
  }

  #onEngine(event: EngineEvent): void {
    switch (event.type) {
      case 'loaded':
        this.duration = event.duration;
        this.canSeek = event.seekable;
        break;
      case 'playing':
        this.buffering = false;
        this.retryAttempt = 0;
        break;
      case 'waiting':
        if (this.playing) {
          this.buffering = true;
          this.#watchStall();
        }
        break;
      case 'paused':
        this.shownPosition = this.position;
        // The engine paused on its own (headset, OS): follow it.
        if (this.playing && this.pendingSeek === null) this.playing = false;
        this.buffering = false;
        break;
      case 'seeked':
        this.pendingSeek = null;
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
        break;
      case 'error':
        this.#fail(event.message);
        break;
    }
  }
}
