// What the player plays against: the transcript's turns in audio time (#12), their finer units and
// the chapters, with the cursors that find the current ones in O(1) on a moving clock.
import type { FineUnit } from '../core/fine-units.ts';
import type { Chapter, Turn } from '../core/model.ts';
import { offsetAt, type SyncOffsets } from '../core/sync-offsets.ts';
import { TimelineCursor } from '../core/timeline-index.ts';
import { AudioTimeline } from './audio-timeline.ts';

export interface CurrentIndices {
  turn: number;
  chapter: number;
  fine: number;
}

export class Timeline {
  /** The turns in audio time (aligned, else nudged): what every view shows and seeks to. */
  turns: Turn[] = $state.raw([]);
  /** The transcript as published; a new one means new text, a new `turns` alone new times. */
  published: readonly Turn[] = $state.raw([]);
  chapters: Chapter[] = $state.raw([]);
  /** Words, cues or estimated sentences inside the turns, sorted by start. */
  fineUnits: FineUnit[] = $state.raw([]);
  /** The listener's timing nudge, piecewise by published time; empty = as published. */
  sync: SyncOffsets = $state.raw([]);
  /** True when the last `find` was past the last turn's end: no turn is current, the transcript has ended (#14). */
  transcriptEnded = $state(false);

  readonly #audio = new AudioTimeline();
  /** Told after every change of times (the player finds its current turn, chapter and word again). */
  onChange: () => void = () => {};
  /** Builds the finer units; given after the first view (#11: the first turn needs none). */
  #buildFine: ((turns: readonly Turn[]) => FineUnit[]) | null = null;
  #turnStarts: number[] = [];
  #chapterStarts: number[] = [];
  #fineStarts: number[] = [];
  /** Where the last turn's words end (audio time): the end of the transcript (#14). */
  #lastEnd = Infinity;
  #turnCursor = new TimelineCursor([]);
  #chapterCursor = new TimelineCursor([]);
  #fineCursor = new TimelineCursor([]);

  /** Words, cues and estimated sentences from now on (core/fine-units.ts `buildFineUnits`). */
  useFineUnits(build: (turns: readonly Turn[]) => FineUnit[]): void {
    this.#buildFine = build;
    this.#retime();
  }

  /** Sets the published turns and the chapters (both sorted by start). */
  set(turns: Turn[], chapters: Chapter[]): void {
    this.#audio.setPublished(turns);
    this.published = turns;
    this.chapters = chapters;
    this.#chapterStarts = chapters.map((c) => c.start);
    this.#chapterCursor = new TimelineCursor(this.#chapterStarts);
    this.#retime();
  }
  /** Turns found in the audio (by published index) take the place of their published times. */
  applyAligned(batch: ReadonlyMap<number, Turn>): void {
    this.#audio.applyAligned(batch);
    this.#retime();
  }
  setSync(pieces: SyncOffsets): void {
    this.#audio.setSync(pieces);
    this.sync = pieces;
    this.#retime();
  }
  /** The nudge in effect at turn `index` (seconds), and the published start it is keyed by. */
  syncAt(index: number): { from: number; offset: number } | null {
    const from = this.#audio.publishedStart(index);
    return from === null ? null : { from, offset: offsetAt(this.sync, from) };
  }

  /** The current turn, chapter and fine unit at audio time `pos` (−1: none yet). */
  find(pos: number): CurrentIndices {
    const turn = this.#turnCursor.find(pos);
    const chapter = this.#chapterCursor.find(pos);
    this.transcriptEnded = this.#ended(turn, pos);
    if (this.transcriptEnded) return { turn: -1, chapter, fine: -1 };
    return { turn, chapter, fine: this.#fineCursor.find(pos) };
  }
  /** Audio seconds from `pos` until the next turn, fine unit or chapter after `now` starts. */
  untilNext(pos: number, now: CurrentIndices): number {
    if (this.transcriptEnded) return (this.#chapterStarts[now.chapter + 1] ?? Infinity) - pos;
    return Math.min(
      (this.#turnStarts[now.turn + 1] ?? this.#lastEnd) - pos,
      (this.#fineStarts[now.fine + 1] ?? Infinity) - pos,
      (this.#chapterStarts[now.chapter + 1] ?? Infinity) - pos,
    );
  }

  /** The last turn ends where its words end, not at the end of the audio (#14). */
  #ended(turn: number, pos: number): boolean {
    return turn >= 0 && turn === this.#turnStarts.length - 1 && pos >= this.#lastEnd;
  }

  #retime(): void {
    const turns = this.#audio.turns;
    this.turns = turns;
    this.fineUnits = this.#buildFine?.(turns) ?? [];
    this.#turnStarts = turns.map((t) => t.start);
    const last = turns[turns.length - 1];
    this.#lastEnd = last ? Math.max(last.end, last.start + 1) : Infinity;
    this.#fineStarts = this.fineUnits.map((u) => u.start);
    this.#turnCursor = new TimelineCursor(this.#turnStarts);
    this.#fineCursor = new TimelineCursor(this.#fineStarts);
    this.onChange();
  }
}
