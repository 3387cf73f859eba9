// Reading untyped JSON (transcripts, chapters, saved data): one guard for each shape (#11).
import { parseClock } from './time.ts';

/** A plain object (not null, not an array) whose keys can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Non-negative float seconds from a number, a numeric string or a clock string (`00:01:02.5`,
 * `1:02`: some publishers write JSON times so); null otherwise.
 */
export function jsonSeconds(value: unknown): number | null {
  if (typeof value === 'string' && value.includes(':')) return parseClock(value);
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}
