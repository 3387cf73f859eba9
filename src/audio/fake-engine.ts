// A deterministic engine for unit tests: time moves only when the test calls advance().
import { Emitter, type AudioEngine, type AudioSource, type EngineEvent } from './engine.ts';

export class FakeEngine implements AudioEngine {
  source: AudioSource | null = null;
  playing = false;
  rate = 1;
  #position = 0;
  #duration: number | null;
  #emitter = new Emitter();
  /** Seeks wait for confirmSeek() when false, like a real element fetching a range. */
  autoConfirmSeeks = true;
  pendingSeek: number | null = null;
  /** False imitates a server without Range support. */
  seekable = true;
  loads = 0;

  constructor(duration: number | null = 600) {
    this.#duration = duration;
  }

  load(source: AudioSource, startAt = 0): void {
    this.source = source;
    this.loads++;
    this.#position = startAt;
    if (this.#duration !== null)
      this.emit({ type: 'loaded', duration: this.#duration, seekable: this.seekable });
  }
  unload(): void {
    this.source = null;
    this.playing = false;
    this.#position = 0;
  }
  play(): void {
    this.playing = true;
    this.emit({ type: 'playing' });
  }
  pause(): void {
    this.playing = false;
    this.emit({ type: 'paused' });
  }
  seek(seconds: number): void {
    this.pendingSeek = seconds;
    if (this.autoConfirmSeeks) this.confirmSeek();
  }
  confirmSeek(): void {
    if (this.pendingSeek === null) return;
    this.#position = this.pendingSeek;
    this.pendingSeek = null;
    this.emit({ type: 'seeked', position: this.#position });
  }
  setRate(rate: number): void {
    this.rate = rate;
  }
  position(): number {
    return this.#position;
  }
  duration(): number | null {
    return this.#duration;
  }
  buffered(): Array<[number, number]> {
    return this.#duration === null ? [] : [[0, Math.min(this.#duration, this.#position + 30)]];
  }
  subscribe(listener: (event: EngineEvent) => void): () => void {
    return this.#emitter.subscribe(listener);
  }
  destroy(): void {
    this.playing = false;
    this.#emitter.clear();
  }

  /** Moves the clock by `seconds` of wall time (scaled by rate) when playing; ends at the duration. */
  advance(seconds: number): void {
    if (!this.playing) return;
    this.#position += seconds * this.rate;
    if (this.#duration !== null && this.#position >= this.#duration) {
      this.#position = this.#duration;
      this.playing = false;
      this.emit({ type: 'ended' });
    }
  }
  emit(event: EngineEvent): void {
    this.#emitter.emit(event);
  }
}
