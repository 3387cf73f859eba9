// howler needs a format name when the enclosure URL has no extension (e.g. tracking redirects).

const BY_TYPE: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpeg3': 'mp3',
  'audio/x-mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/aacp': 'aac',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/webm': 'webm',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'video/mp4': 'mp4',
};
const KNOWN = new Set(['mp3', 'm4a', 'mp4', 'aac', 'ogg', 'oga', 'opus', 'webm', 'flac', 'wav']);

/** The extension of a URL's path, lower-cased, when it is an audio format howler knows. */
export function formatFromUrl(url: string): string | null {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const match = /\.([a-z0-9]{2,5})$/i.exec(path);
  const ext = match?.[1]?.toLowerCase();
  return ext && KNOWN.has(ext) ? ext : null;
}

/** The format to give howler: the URL's extension, else the MIME type's, else mp3 (Chromium sniffs the bytes anyway). */
export function audioFormat(url: string, type: string): string {
  const fromType = BY_TYPE[type.split(';', 1)[0]?.trim().toLowerCase() ?? ''];
  return formatFromUrl(url) ?? fromType ?? 'mp3';
}
