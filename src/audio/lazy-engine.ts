// The audio engine, loaded on demand (#11): howler is ~10 KiB of gzip the first view does not
// need, so the page shows the transcript while it arrives. Calls made before it is ready are
// replayed in order; a failed load becomes an ordinary engine error, and the next load retries.
import { Emitter, type AudioEngine, type AudioSource, type EngineEvent } from './engine.ts';

export const ENGINE_LOAD_FAILED =
  'The audio player could not be loaded (the connection may have dropped). The transcript still works; reload the page to listen.';

export class LazyEngine implements AudioEngine {
  #engine: AudioEngine | null = null;
  #loading: Promise<void> | null = null;
  #queue: Array<(engine: AudioEngine) => void> = [];
  #emitter = new Emitter();
  #destroyed = false;
  /** Where the position will be once the queued load and seeks run. */
  #pendingPosition = 0;

  #import: () => Promise<AudioEngine>;

  /** `importEngine` loads the real engine, e.g. `() => import('./howler-engine.ts').then(…)`. */
  constructor(importEngine: () => Promise<AudioEngine>) {
    this.#import = importEngine;
  }

  #call(action: (engine: AudioEngine) => void): void {
    if (this.#destroyed) return;
    if (this.#engine) return action(this.#engine);
    this.#queue.push(action);
    this.#loading ??= this.#import().then(
      (engine) => {
        if (this.#destroyed) return engine.destroy();
        this.#engine = engine;
        engine.subscribe((event) => this.#emitter.emit(event));
        const queued = this.#queue.splice(0);
        for (const run of queued) run(engine);
      },
      () => {
        this.#loading = null;
        this.#queue = [];
        if (!this.#destroyed) this.#emitter.emit({ type: 'error', message: ENGINE_LOAD_FAILED });
      },
    );
  }

  load(source: AudioSource, startAt = 0): void {
    if (!this.#engine) this.#pendingPosition = startAt;
    this.#call((engine) => engine.load(source, startAt));
  }
  unload(): void {
    if (!this.#engine) this.#pendingPosition = 0;
    this.#call((engine) => engine.unload());
  }
  play(): void {
    this.#call((engine) => engine.play());
  }
  pause(): void {
    this.#call((engine) => engine.pause());
  }
  seek(seconds: number): void {
    if (!this.#engine) this.#pendingPosition = seconds;
    this.#call((engine) => engine.seek(seconds));
  }
  setRate(rate: number): void {
    this.#call((engine) => engine.setRate(rate));
  }
  position(): number {
    return this.#engine ? this.#engine.position() : this.#pendingPosition;
  }
  duration(): number | null {
    return this.#engine ? this.#engine.duration() : null;
  }
  buffered(): Array<[number, number]> {
    return this.#engine ? this.#engine.buffered() : [];
  }
  subscribe(listener: (event: EngineEvent) => void): () => void {
    return this.#emitter.subscribe(listener);
  }
  destroy(): void {
    this.#destroyed = true;
    this.#queue = [];
    this.#engine?.destroy();
    this.#emitter.clear();
  }
}
