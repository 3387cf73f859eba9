// `itunes:duration`, read by the one clock reader with the bounds a feed's claim needs (#11).
import { parseClock } from '../time.ts';

/** Longest `itunes:duration` we believe; bigger numbers are usually milliseconds. */
const MAX_DURATION = 7 * 24 * 3600;

/**
 * Parses `itunes:duration` (`4042`, `3723.5`, `54:26`, `75:30`, `1:02:03`) to seconds. Zero,
 * negative, implausibly long (over a week) and unreadable values give null: unknown until the
 * audio's metadata says.
 */
export function parseDuration(input: string | null | undefined): number | null {
  if (input == null) return null;
  const secs = parseClock(input);
  if (secs === null || secs <= 0 || secs > MAX_DURATION) return null;
  return secs;
}
