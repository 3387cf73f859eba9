// Clock-style times as feeds write them: Podlove `start` (Normal Play Time) and
// `itunes:duration`. Strict on purpose: a value we cannot read is null, never a guess.

const WHOLE = /^\d+$/;
const SECONDS = /^\d+(?:\.\d+)?$/;

/** Longest `itunes:duration` we believe; bigger numbers are usually milliseconds. */
const MAX_DURATION = 7 * 24 * 3600;

/**
 * Parses Normal Play Time to seconds: `01:35:52`, `7:48`, `35:12.250`, `37`, `1:02:03.5`,
 * optionally prefixed `npt:`. With three parts minutes and seconds must be below 60; with two,
 * seconds must be. Returns null for anything else.
 */
export function parseNpt(input: string): number | null {
  let s = input.trim();
  if (s.toLowerCase().startsWith('npt:')) s = s.slice(4).trim();
  if (s === '') return null;
  const parts = s.split(':');
  if (parts.length > 3) return null;
  const last = parts[parts.length - 1] ?? '';
  if (!SECONDS.test(last)) return null;
  const secs = Number(last);
  const head = parts.slice(0, -1);
  if (!head.every((p) => WHOLE.test(p))) return null;
  const nums = head.map(Number);
  if (nums.length === 0) return secs;
  if (secs >= 60) return null;
  if (nums.length === 1) return (nums[0] ?? 0) * 60 + secs;
  const [h = 0, m = 0] = nums;
  if (m >= 60) return null;
  return h * 3600 + m * 60 + secs;
}

/**
 * Parses `itunes:duration` (`4042`, `3723.5`, `54:26`, `1:02:03`) to seconds. Zero, negative,
 * implausibly long (over a week) and unreadable values give null: unknown until the audio's
 * metadata says.
 */
export function parseDuration(input: string | null | undefined): number | null {
  if (input == null) return null;
  const secs = parseNpt(input);
  if (secs === null || secs <= 0 || secs > MAX_DURATION) return null;
  return secs;
}
