// The transcript as the player keeps it (#12): the published turns, the aligner's audio-time copies
// of those it has found, and the listener's piecewise nudge; `turns` is what they make together.
import { audioTurns, shiftTurn } from '../core/audio-timeline.ts';
import type { Turn } from '../core/model.ts';
import type { SyncOffsets } from '../core/sync-offsets.ts';

export class AudioTimeline {
  #published: readonly Turn[] = [];
  #aligned: Array<Turn | undefined> = [];
  #sync: SyncOffsets = [];
  /** Each published turn's last nudged copy: unchanged turns keep their objects across rebuilds. */
  #shifted = new WeakMap<Turn, { by: number; turn: Turn }>();
  /** The turns in audio time (aligned, else nudged), starts never going back. */
  turns: Turn[] = [];

  get published(): readonly Turn[] {
    return this.#published;
  }
  get sync(): SyncOffsets {
    return this.#sync;
  }

  /** A new transcript forgets the aligned copies of the old one; the same one keeps them. */
  setPublished(turns: readonly Turn[]): void {
    if (turns !== this.#published) this.#aligned = [];
    this.#published = turns;
    this.#rebuild();
  }

  /** Takes aligned copies by published index; indices outside the transcript are ignored. */
  applyAligned(batch: ReadonlyMap<number, Turn>): void {
    for (const [i, turn] of batch)
      if (i >= 0 && i < this.#published.length) this.#aligned[i] = turn;
    this.#rebuild();
  }

  /** Drops every aligned copy (another copy of the audio, or alignment started over). */
  clearAligned(): void {
    this.#aligned = [];
    this.#rebuild();
  }

  setSync(pieces: SyncOffsets): void {
    this.#sync = pieces;
    this.#rebuild();
  }

  /** The published start of the turn shown at `index`, for keying a nudge to it. */
  publishedStart(index: number): number | null {
    return this.#published[index]?.start ?? null;
  }

  #rebuild(): void {
    const shift = (turn: Turn, by: number): Turn => {
      const known = this.#shifted.get(turn);
      if (known?.by === by) return known.turn;
      const moved = shiftTurn(turn, by);
      this.#shifted.set(turn, { by, turn: moved });
      return moved;
    };
    // Unchanged turns keep their objects, so views can tell what moved by identity.
    const next = audioTurns(this.#published, this.#aligned, this.#sync, shift);
    this.turns = next.map((t, i) => (sameTimes(this.turns[i], t) ? this.turns[i]! : t));
  }
}

/** The same text at the same times (a clamped turn made again on a rebuild). */
function sameTimes(a: Turn | undefined, b: Turn): boolean {
  if (a === b) return true;
  return (
    a !== undefined &&
    a.text === b.text &&
    a.start === b.start &&
    a.end === b.end &&
    a.timing === b.timing &&
    a.cues === b.cues
  );
}
