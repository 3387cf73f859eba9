// The one interface the player talks to. Only howler-engine.ts imports howler; tests use fake-engine.ts.

export interface AudioSource {
  url: string;
  /** MIME type from the feed ('' when unknown); used to tell howler the format when the URL has none. */
  type: string;
}

export type EngineEvent =
  | { type: 'loaded'; duration: number; seekable: boolean }
  | { type: 'playing' }
  | { type: 'paused' }
  | { type: 'ended' }
  | { type: 'waiting' }
  | { type: 'seeked'; position: number }
  | { type: 'progress' }
  | { type: 'error'; message: string };

export interface AudioEngine {
  /** Starts loading a source (metadata only); `startAt` seconds is applied once seekable. */
  load(source: AudioSource, startAt?: number): void;
  /** Stops and releases the loaded source, if any; the engine stays usable for the next load. */
  unload(): void;
  play(): void;
  pause(): void;
  /** Requests a seek; the engine confirms with a `seeked` event. */
  seek(seconds: number): void;
  /** Playback rate, 1 = normal. */
  setRate(rate: number): void;
  /** Current position in seconds, read from the media clock (cheap: called once per frame). */
  position(): number;
  /** Duration in seconds, or null before metadata. */
  duration(): number | null;
  /** Buffered ranges in seconds. */
  buffered(): Array<[number, number]>;
  subscribe(listener: (event: EngineEvent) => void): () => void;
  destroy(): void;
}

/** Small helper the engines share to fan events out to listeners. */
export class Emitter {
  #listeners = new Set<(event: EngineEvent) => void>();
  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  emit(event: EngineEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
  clear(): void {
    this.#listeners.clear();
  }
}
