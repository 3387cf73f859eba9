// The seek bar's scale, shared by the bar (SeekBar.svelte) and its marks (SeekMarks.svelte).
import type { AppContext } from '../state/context.ts';

/** The bar's end in seconds: the audio's duration, else the feed's, else 0 (nothing to seek). */
export function seekMax({ player, library }: Pick<AppContext, 'player' | 'library'>): number {
  return player.duration ?? library.episode?.duration ?? 0;
}

/** Where `t` falls on a bar ending at `max`, in percent (0 when there is no bar yet). */
export function percentAt(t: number, max: number): number {
  return max > 0 ? Math.min(100, Math.max(0, (t / max) * 100)) : 0;
}
