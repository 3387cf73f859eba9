// Which of an item's media files we play.
//
// Rule (documented for the UI): a candidate is playable when its type is audio/*, or when
// its URL ends in an audio extension (a wrong `video/mp4` on an `.m4a` file happens), or when
// its type is unknown (missing, `application/octet-stream`) and its URL has no extension that
// names something else. Video-only, image or document items keep `enclosure: null`: they are
// listed, as not playable, never dropped.

import type { Enclosure } from './model.ts';

export interface Candidate {
  url: string;
  type: string;
  length: string;
}

const AUDIO_EXT = new Set(['mp3', 'm4a', 'aac', 'm4b', 'oga', 'ogg', 'opus', 'wav', 'flac', 'mpga', 'mp2']);
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/binary']);
/** Extensions that say "not audio" when the type says nothing. */
const OTHER_EXT = new Set(
  'mp4 m4v mov mkv avi wmv flv mpg mpeg 3gp pdf jpg jpeg png gif webp epub zip txt htm html'.split(' '),
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

/**
 * The first playable candidate with a usable URL, or null. `resolve` turns a raw URL into an
 * absolute http(s) one (null when it cannot). `why` receives a plain reason when none is kept.
 */
export function pickEnclosure(
  candidates: Candidate[],
  resolve: (raw: string) => string | null,
  why: (reason: string) => void,
): Enclosure | null {
  let firstType = '';
  let badUrl = false;
  for (const c of candidates) {
    const url = resolve(c.url);
    if (url === null) {
      badUrl = true;
      continue;
    }
    const type = c.type.trim();
    if (isPlayable(type, url)) return { url, type, length: parseLength(c.length) };
    firstType ||= type || urlExtension(url);
  }
  if (badUrl && firstType === '') why('its audio address is missing or not a web address');
  else if (firstType !== '') why(`it offers no audio file, only ${firstType}`);
  else why('it has no audio file');
  return null;
}
