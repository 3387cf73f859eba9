// Reading untyped JSON (transcripts, chapters, saved data): one guard for each shape (#11).

/** A plain object (not null, not an array) whose keys can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Non-negative float seconds from a number or a numeric string; null otherwise. */
export function jsonSeconds(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}
