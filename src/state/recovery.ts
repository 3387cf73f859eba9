// Audio failures and stalls: reload with backoff from the last position (never from 0), then give up
// in words. Kept apart from the player so the player stays about playing.

/** Runs a callback after a delay in ms (setTimeout in the browser; a manual clock in tests). */
export type Delay = (callback: () => void, ms: number) => void;

/** Automatic reloads after an audio failure, with 1 s, 2 s, 4 s of backoff, before telling the listener. */
export const MAX_RETRIES = 3;
/** While playback is wanted, a clock standing still this long counts as a failure (a stalled server). */
export const STALL_MS = 8000;
/** Seconds the clock must advance after a reload before it counts as a success. */
export const PROGRESS_S = 1;
/** A clock step larger than this between two readings is a seek (a reload's jump back), not listening. */
const JUMP_S = 2;

/** What recovery needs from the player. */
export interface RecoveryHost {
  /** True while the listener wants playback. */
  wantsPlay(): boolean;
  /** Last known position in seconds. */
  position(): number;
  /** The engine's clock, read now. */
  clock(): number;
  /** Rebuilds the audio at `resumeAt`, playing again if `resume`. */
  reload(resumeAt: number, resume: boolean): void;
  /** Shows that reload `attempt` (1–3) is under way. */
  retrying(attempt: number, resume: boolean): void;
  /** Says in plain words that the audio failed for good. */
  giveUp(message: string): void;
}

export class Recovery {
  #attempt = 0;
  #pending = false;
  #generation = 0;
  #stallToken = 0;
  /** The clock when the engine last said it plays after a failure; null when nothing is on trial. */
  #startedAt: number | null = null;
  /** The clock at the last reading while on trial, to tell a seek from listening. */
  #lastClock = 0;
  /** Whether audio data arrived since the stall watch last looked (a slow link is not a stall). */
  #arrived = false;

  constructor(
    private readonly host: RecoveryHost,
    private readonly delay: Delay,
  ) {}

  /** A new source, or the listener's own Retry: forget earlier failures and pending reloads. */
  reset(): void {
    this.#attempt = 0;
    this.#startedAt = null;
    this.#pending = false;
    this.#generation++;
  }

  /**
   * The engine says it plays, at `clock` seconds. Not yet a success (#13): Firefox with no audio
   * output fires `playing` just before each failure, so counting it looped reloads forever.
   */
  started(clock: number): void {
    if (this.#attempt > 0) this.#startedAt = this.#lastClock = clock;
  }

  /** Called with the clock while playing: once it has really advanced, earlier failures are forgiven. */
  progressed(clock: number): void {
    if (this.#startedAt === null) return;
    const step = clock - this.#lastClock;
    this.#lastClock = clock;
    // A reload starts at 0 and seeks to the old place: that jump is not a second of listening, so
    // the trial starts over from there (else a server that stops mid-episode is retried forever).
    if (step < 0 || step > JUMP_S) this.#startedAt = clock;
    if (clock - this.#startedAt < PROGRESS_S) return;
    this.#startedAt = null;
    this.#attempt = 0;
  }

  /** Audio data arrived (the element's `progress`): a slow link still counts as alive. */
  arrived(): void {
    this.#arrived = true;
  }

  fail(message: string): void {
    if (this.#pending) return;
    this.#startedAt = null;
    if (this.#attempt >= MAX_RETRIES) {
      this.#attempt = 0;
      this.host.giveUp(message);
      return;
    }
    const attempt = ++this.#attempt;
    const generation = this.#generation;
    const resumeAt = this.host.position();
    this.#pending = true;
    this.host.retrying(attempt, this.host.wantsPlay());
    this.delay(
      () => {
        if (generation !== this.#generation) return; // another episode was opened meanwhile
        this.#pending = false;
        // Whether to play is asked now: a Play pressed while "Reconnecting…" was lost (the reload
        // kept the wish of the moment of the failure, and the stall watch took 16 s to retry).
        const resume = this.host.wantsPlay();
        this.host.reload(resumeAt, resume);
        if (resume) this.watchStall();
      },
      1000 * 2 ** (attempt - 1),
    );
  }

  /**
   * While the listener wants playback, the clock must move: checked every STALL_MS, a frozen clock
   * with no audio data arriving either (a server that stopped answering, a play the browser
   * dropped) is a failure and reloads. A slow link that is still delivering is waited for: a
   * reload would only start its download over (#13: WebKit through 200 KB/s under load).
   */
  watchStall(): void {
    const token = ++this.#stallToken;
    let last = this.host.clock();
    this.#arrived = false;
    const check = () => {
      if (token !== this.#stallToken || !this.host.wantsPlay()) return;
      const now = this.host.clock();
      const arrived = this.#arrived;
      this.#arrived = false;
      if (now === last && !arrived && !this.#pending) {
        this.fail('The audio stopped arriving from the publisher.');
        return;
      }
      last = now;
      this.delay(check, STALL_MS);
    };
    this.delay(check, STALL_MS);
  }
}
