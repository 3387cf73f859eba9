// Which of an item's media files we play.
//
// Rule (documented for the UI): a candidate is playable when its type is audio/*, or when
// its URL ends in an audio extension (a wrong `video/mp4` on an `.m4a` file happens), or when
// its type is unknown (missing, `application/octet-stream`) and its URL has no extension that
// names something else. Video-only, image or document items keep `enclosure: null`: they are
// listed, as not playable, never dropped.

import type { Enclosure } from '../model.ts';

export interface Candidate {
  url: string;
  type: string;
  length: string;
}

const AUDIO_EXT = new Set([
  'mp3',
  'm4a',
  'aac',
  'm4b',
  'oga',
  'ogg',
  'opus',
  'wav',
  'flac',
  'mpga',
  'mp2',
]);
const UNKNOWN_TYPES = new Set([
  '',
  'application/octet-stream',
  'binary/octet-stream',
  'application/binary',
]);
/** Extensions that say "not audio" when the type says nothing. */
const OTHER_EXT = new Set(
  'mp4 m4v mov mkv avi wmv flv mpg mpeg 3gp pdf jpg jpeg png gif webp epub zip txt htm html'.split(
    ' ',
  ),
);

/** Lower-case extension of a URL's last path segment, '' when it has none. */
export function urlExtension(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}

export function isPlayable(type: string, url: string): boolean {
  const t = type.trim().toLowerCase();
  const ext = urlExtension(url);
  if (t.startsWith('audio/') || AUDIO_EXT.has(ext)) return true;
  return UNKNOWN_TYPES.has(t) && !OTHER_EXT.has(ext);
}

/** Bytes as a count, 0 when missing, negative or not a number. */
export function parseLength(raw: string): number {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return 0;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : 0;
}

/** Lower is more widely playable: MP3 everywhere, then AAC/M4A, then the rest (Opus, Ogg, FLAC…). */
function compatibility(type: string, url: string): number {
  const t = type.toLowerCase();
  const ext = urlExtension(url);
  if (t === 'audio/mpeg' || t === 'audio/mp3' || ext === 'mp3') return 0;
  if (/^audio\/(?:mp4|x-m4a|m4a|aac|x-aac)\b/.test(t) || ext === 'm4a' || ext === 'aac') return 1;
  return 2;
}

/**
 * The most widely playable candidate with a usable URL (the first among equals), or null.
 * `resolve` turns a raw URL into an absolute http(s) one (null when it cannot). `why`
 * receives a plain reason when none is kept.
 */
export function pickEnclosure(
  candidates: Candidate[],
  resolve: (raw: string) => string | null,
  why: (reason: string) => void,
): Enclosure | null {
  let best: Enclosure | null = null;
  let bestRank = Infinity;
  let firstType = '';
  let badUrl = false;
  for (const c of candidates) {
    const url = resolve(c.url);
    if (url === null) {
      badUrl = true;
      continue;
    }
    const type = c.type.trim();
    if (!isPlayable(type, url)) {
      firstType ||= type || urlExtension(url);
      continue;
    }
    const rank = compatibility(type, url);
    if (rank < bestRank) {
      best = { url, type, length: parseLength(c.length) };
      bestRank = rank;
    }
  }
  if (best) return best;
  if (firstType !== '') why(`it offers no audio file, only ${firstType}`);
  else if (badUrl) why('its audio address is missing or not a web address');
  else why('it has no audio file');
  return null;
}
