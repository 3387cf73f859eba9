// Playback rate presets and the two ways of moving between them (#11: one place, not one per control).

/** Playback rate presets, slowest first. */
export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The preset one step faster (+1) or slower (−1), stopping at the ends (the < and > keys). */
export function steppedRate(rate: number, direction: 1 | -1): number {
  const index = RATES.findIndex((r) => r >= rate - 1e-9);
  return RATES[Math.min(RATES.length - 1, Math.max(0, (index < 0 ? 1 : index) + direction))] ?? 1;
}

/** The next preset, back to the slowest after the fastest (the rate button) or from an unlisted rate. */
export function cycledRate(rate: number): number {
  const index = RATES.findIndex((r) => Math.abs(r - rate) < 1e-9);
  return RATES[(index + 1) % RATES.length] ?? 1;
}
