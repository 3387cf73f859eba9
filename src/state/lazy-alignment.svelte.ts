// The word-timing job as the first view sees it (#12), its code loaded on demand: most episodes
// never need it, and the first view's JavaScript has a budget (#11). Until the code is here the
// job counts as started (a busy transcript, a progress bar at 0 %); if it cannot come, one line.
import type { SpeechGap } from '../core/align/wire.ts';
import type { AlignInput, AlignPhase, Alignment } from './alignment.svelte.ts';

const NO_GAPS: SpeechGap[] = [];
const UNLOADED =
  'Word timing could not be found: this page could not load the code that asks for them.';

export class LazyAlignment {
  #job: Alignment | null = $state.raw(null);
  #loading = $state(false);
  #unloaded = $state(false);
  #token = 0;
  #coming: Promise<Alignment> | null = null;

  /**
   * `make` loads the job's code and builds the job; `later` runs it once the transcript has been
   * drawn, so that the code never competes with the first view (#11 counts what is asked for
   * before the first turn shows).
   */
  constructor(
    private readonly make: () => Promise<Alignment>,
    private readonly later: (run: () => void) => void = (run) => void setTimeout(run, 0),
  ) {}

  get phase(): AlignPhase {
    if (this.#unloaded) return 'failed';
    return this.#loading ? 'aligning' : (this.#job?.phase ?? 'idle');
  }
  get busy(): boolean {
    return this.phase === 'aligning';
  }
  get done(): number {
    return this.#job?.done ?? 0;
  }
  get total(): number {
    return this.#job?.total ?? 0;
  }
  get percent(): number {
    return this.#job?.percent ?? 0;
  }
  get message(): string | null {
    return this.#unloaded ? UNLOADED : (this.#job?.message ?? null);
  }
  get gaps(): SpeechGap[] {
    return this.#job?.gaps ?? NO_GAPS;
  }
  get cached(): boolean {
    return this.#job?.cached ?? false;
  }

  start(input: AlignInput): void {
    const token = ++this.#token;
    this.#unloaded = false;
    if (this.#job) return this.#job.start(input);
    this.#loading = true;
    this.later(() => {
      if (token === this.#token) this.#load(token, input);
    });
  }

  #load(token: number, input: AlignInput): void {
    this.#coming ??= this.make();
    this.#coming.then(
      (job) => {
        this.#job = job;
        if (token !== this.#token) return;
        this.#loading = false;
        job.start(input);
      },
      () => {
        this.#coming = null; // the next episode tries again
        if (token !== this.#token) return;
        this.#loading = false;
        this.#unloaded = true;
      },
    );
  }

  /** Stops any job (another episode, or none); a start still waiting for the code is dropped. */
  reset(): void {
    this.#token++;
    this.#loading = false;
    this.#unloaded = false;
    this.#job?.reset();
  }

  focus(t: number): void {
    this.#job?.focus(t);
  }
}
