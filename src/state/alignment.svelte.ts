// A word-timing job seen from the page (#12): asks the server to align the transcript to the audio,
// follows its progress, and hands each aligned turn to the timeline once a frame — but only when
// the copy the server aligned is the copy the browser plays.
import type { retimeTurn } from '../core/align/retime.ts';
import type { AlignEvent, AlignMeta, SpeechGap, alignRequest } from '../core/align/wire.ts';
import type { Turn } from '../core/model.ts';
import { formatClock } from '../core/time.ts';
import type { AlignClient } from './align-client.ts';
import type { FrameScheduler } from './frame-loop.ts';
import type { Delay } from './recovery.ts';

/**
 * What does the work, loaded on demand (most episodes never need it, and the first view's
 * JavaScript has a budget): the network client and the code that reads its results.
 */
export interface AlignEngine {
  client: AlignClient;
  retimeTurn: typeof retimeTurn;
  alignRequest: typeof alignRequest;
  /** True for the client's own failures, whose message is a plain sentence. */
  isFailure(error: unknown): error is Error;
}

/** Where aligned turns go: the player's timeline. */
export interface AlignTarget {
  /** The audio's duration as the browser reads it (seconds), or null until it is known. */
  mediaDuration(): number | null;
  /** Replaces turns (by index in the published transcript) with their audio-time copies. */
  applyAligned(turns: ReadonlyMap<number, Turn>): void;
}

export interface AlignInput {
  /** The enclosure URL the page plays. */
  audio: string;
  language: string | null;
  /** The published turns (as the page shows their text). */
  turns: readonly Turn[];
  /** Audio seconds to align first. */
  focus: number;
}

/** `aligning` while the server works; `done` when every result is applied; `failed` says why in `message`. */
export type AlignPhase = 'idle' | 'aligning' | 'done' | 'failed';

/** Copies whose durations differ by more than this are different copies (ads differ per download). */
export const DURATION_TOLERANCE = 0.5;
/** How often to look again for the audio's duration while results wait for it (ms). */
const DURATION_POLL_MS = 100;
/** Seeks within this long (ms) of each other send one focus: scrubbing sends no flood. */
const FOCUS_SETTLE_MS = 250;

export class Alignment {
  phase = $state<AlignPhase>('idle');
  /** Turns the server has finished, of `total`. */
  done = $state(0);
  total = $state(0);
  /** Why word times are not shown, in plain words (a full sentence), when `phase` is `failed`. */
  message = $state<string | null>(null);
  /** Speech the transcript lacks (inserted ads), audio seconds, sorted. */
  gaps: SpeechGap[] = $state.raw([]);
  /** True when the server replays a result it had already. */
  cached = $state(false);

  #token = 0;
  #abort: AbortController | null = null;
  #job: string | null = null;
  #turns: readonly Turn[] = [];
  #meta: AlignMeta | null = null;
  #pending = new Map<number, Turn>();
  #flushQueued = false;
  #finished = false;
  #focusTimer = 0;
  #engine: AlignEngine | null = null;

  constructor(
    private readonly load: () => Promise<AlignEngine>,
    private readonly target: AlignTarget,
    private readonly schedule: FrameScheduler,
    private readonly delay: Delay = (cb, ms) => void setTimeout(cb, ms),
  ) {}

  get busy(): boolean {
    return this.phase === 'aligning';
  }
  /** Whole percent done, 0–100. */
  get percent(): number {
    return this.total > 0 ? Math.floor((100 * this.done) / this.total) : 0;
  }

  /** Starts aligning an episode's transcript (stopping any earlier job). */
  start(input: AlignInput): void {
    this.reset();
    const token = this.#token;
    const abort = new AbortController();
    this.#abort = abort;
    this.#turns = input.turns;
    this.phase = 'aligning';
    this.total = input.turns.length;
    void (async () => {
      let engine: AlignEngine | null = null;
      try {
        engine = this.#engine ??= await this.load();
        if (token !== this.#token) return;
        const { client } = engine;
        const refusal = await client.offered(abort.signal);
        if (token !== this.#token) return;
        if (refusal !== null) return this.#fail(refusal);
        const request = engine.alignRequest(input.audio, input.language, input.focus, input.turns);
        const { job, cached } = await client.start(request, abort.signal);
        if (token !== this.#token) return;
        this.#job = job;
        this.cached = cached;
        await client.stream(job, (event) => this.#onEvent(event, token), abort.signal);
      } catch (error) {
        if (token !== this.#token || abort.signal.aborted) return;
        if (!engine) return this.#fail('this page could not load the code that asks for them.');
        this.#fail(engine.isFailure(error) ? error.message : 'the server could not be reached.');
      }
    })();
  }

  /** Stops following the job and forgets it (another episode, or none). */
  reset(): void {
    this.#token++;
    this.#abort?.abort();
    this.#abort = null;
    this.#job = null;
    this.#turns = [];
    this.#meta = null;
    this.#pending = new Map();
    this.#finished = false;
    this.phase = 'idle';
    this.done = 0;
    this.total = 0;
    this.message = null;
    this.gaps = [];
    this.cached = false;
  }

  /** The listener moved to `t` (audio seconds): the server does the words there next. */
  focus(t: number): void {
    if (this.phase !== 'aligning') return;
    const mine = ++this.#focusTimer;
    this.delay(() => {
      if (mine !== this.#focusTimer || !this.#job || this.phase !== 'aligning') return;
      void this.#engine?.client.focus(this.#job, Math.max(0, t));
    }, FOCUS_SETTLE_MS);
  }

  #onEvent(event: AlignEvent, token: number): void {
    if (token !== this.#token || this.phase !== 'aligning') return;
    switch (event.type) {
      case 'meta':
        // Checked against the browser's copy at once: another copy is said before any turn.
        this.#meta = event.meta;
        this.#queueFlush();
        break;
      case 'turn': {
        const published = this.#turns[event.turn.index];
        if (!published) break; // a turn this transcript does not have: not ours to show
        if (!this.#engine) break;
        this.#pending.set(event.turn.index, this.#engine.retimeTurn(published, event.turn));
        this.#queueFlush();
        break;
      }
      case 'gap':
        this.gaps = [...this.gaps, event.gap].sort((a, b) => a.start - b.start);
        break;
      case 'progress':
        this.done = event.done;
        this.total = event.total;
        break;
      case 'done':
        this.done = this.total;
        this.#finished = true;
        this.#queueFlush();
        break;
      case 'error':
        this.#fail(event.message);
        break;
    }
  }

  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    const token = this.#token;
    this.schedule(() => {
      this.#flushQueued = false;
      if (token === this.#token) this.#flush();
    });
  }

  /** Once a frame: everything that arrived since the last one goes to the timeline in one batch. */
  #flush(): void {
    if (this.phase !== 'aligning') return;
    const media = this.target.mediaDuration();
    if (!this.#meta || media === null) {
      if (this.#finished && !this.#meta) {
        return this.#fail('the server did not say which copy of the audio it aligned.');
      }
      const token = this.#token;
      this.delay(() => token === this.#token && this.#queueFlush(), DURATION_POLL_MS);
      return;
    }
    if (Math.abs(media - this.#meta.duration) > DURATION_TOLERANCE) {
      return this.#fail(
        `Word times were found for a different copy of this audio (${formatClock(this.#meta.duration)} long; this one is ${formatClock(media)}), so the published timing is kept.`,
        true,
      );
    }
    if (this.#pending.size > 0) {
      const batch = this.#pending;
      this.#pending = new Map();
      this.target.applyAligned(batch);
    }
    if (this.#finished) this.phase = 'done';
  }

  /**
   * Stops here with one line for the listener: the server's sentences about word timing as they
   * are ("Word timing is turned off on this server."), any other reason after a colon.
   */
  #fail(reason: string, whole = /word tim/i.test(reason)): void {
    this.#abort?.abort();
    this.#pending = new Map();
    this.gaps = []; // they belong to the copy that was aligned
    this.phase = 'failed';
    this.message = whole ? reason : `Word timing could not be found: ${lowerFirst(reason)}`;
  }
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
