// The listener's timing nudge (#12): ±0.5 s on the piece in effect at the current turn, and
// "sync from here": the listener clicks the words they hear now, and from that turn on the
// transcript follows; remembered per episode.
import { nudgeAt, syncFrom, type SyncPiece } from '../core/sync-offsets.ts';
import { timeAt } from '../core/turn-time.ts';
import type { Listening } from './listening.ts';
import type { Player } from './player.svelte.ts';

/** The open episode's feed URL and guid, or null when none is open. */
export type OpenEpisode = () => { feed: string; guid: string } | null;

export class Sync {
  /** True while the next click on a turn says "this is what I hear now" instead of seeking. */
  picking = $state(false);

  constructor(
    private readonly player: Player,
    private readonly listening: Listening | null,
    private readonly open: OpenEpisode,
  ) {}

  /** Seconds the transcript is moved at the current turn (0: as published). */
  get offset(): number {
    return this.player.timeline.syncAt(Math.max(0, this.player.turnIndex))?.offset ?? 0;
  }

  /** Moves the timing in effect at the current turn by `delta` seconds (positive: words later). */
  nudge(delta: number): void {
    const at = this.player.timeline.syncAt(Math.max(0, this.player.turnIndex));
    this.#save(nudgeAt(this.player.timeline.sync, at?.from ?? 0, delta));
  }

  /** Starts (or stops) waiting for the listener to click what they hear now. */
  pick(on = !this.picking): void {
    this.picking = on;
  }

  /**
   * Turn `index`, at character `offset` of its text, is what the listener hears now: that turn and
   * the ones after it (up to the next piece) move so those words play now.
   */
  fromHere(index: number, offset = 0): void {
    this.picking = false;
    const published = this.player.timeline.published[index];
    if (!published) return;
    const heard = timeAt(published, offset, 'start');
    const pieces = syncFrom(
      this.player.timeline.sync,
      published.start,
      this.player.position - heard,
    );
    this.#save(pieces);
  }

  #save(pieces: SyncPiece[]): void {
    this.player.setSync(pieces);
    const open = this.open();
    if (open) this.listening?.saveSync(open.feed, open.guid, pieces);
  }
}
