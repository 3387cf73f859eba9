// The seek bar's scale, shared by the bar (SeekBar.svelte) and its marks (SeekMarks.svelte).
import type { AppContext } from '../state/context.ts';

export interface SeekScale {
  /** The bar's end in seconds; 0 when there is nothing to seek yet. */
  max: number;
  /** True when no one has said how long the audio is: `max` is where the transcript ends. */
  estimated: boolean;
}

/**
 * The audio's duration, else the feed's. Before either is known (a feed without one, and a browser
 * that reads no audio before Play, as on iPhones), ≈ the end of the transcript and chapters, so a
 * deep link's position shows on the bar and the bar seeks; never short of the position itself.
 * Nothing to go by (or no audio to seek in): no bar yet.
 */
export function seekScale({ player, library }: Pick<AppContext, 'player' | 'library'>): SeekScale {
  const known = player.duration ?? library.episode?.duration;
  if (known) return { max: known, estimated: false };
  const end = Math.max(player.turns.at(-1)?.end ?? 0, player.chapters.at(-1)?.start ?? 0);
  if (!(end > 0) || !library.episode?.enclosure) return { max: 0, estimated: false };
  return { max: Math.max(end, player.shownPosition), estimated: true };
}

/** Where `t` falls on a bar ending at `max`, in percent (0 when there is no bar yet). */
export function percentAt(t: number, max: number): number {
  return max > 0 ? Math.min(100, Math.max(0, (t / max) * 100)) : 0;
}
