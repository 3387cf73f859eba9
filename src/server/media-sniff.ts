// Audio and video recognised by their first bytes: publishers often label an MP3 as
// application/octet-stream or send no type at all, and the proxy never passes audio on
// (CONTRACT.md "Feed proxy").

const ascii = (bytes: Buffer, at: number, text: string): boolean =>
  bytes.subarray(at, at + text.length).toString('latin1') === text;

/** An MPEG audio (MP3) or ADTS (AAC) frame header; a UTF-16 byte-order mark is not one. */
function isFrameSync(b: Buffer): boolean {
  const [b0 = 0, b1 = 0, b2 = 0] = b;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0 || b1 === 0xfe || b1 === 0xff) return false;
  const adts = (b1 & 0xf6) === 0xf0; // ADTS: layer bits 00
  if (adts) return true;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrate = b2 >> 4;
  const rate = (b2 >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 15 && rate !== 3;
}

/** True when the body starts like an audio or video file (ID3/MP3, AAC, Ogg, FLAC, WAV, MP4, WebM). */
export function looksLikeMedia(body: Buffer): boolean {
  if (body.length < 4) return false;
  return (
    ascii(body, 0, 'ID3') ||
    isFrameSync(body) ||
    ascii(body, 0, 'OggS') ||
    ascii(body, 0, 'fLaC') ||
    (ascii(body, 0, 'RIFF') && (ascii(body, 8, 'WAVE') || ascii(body, 8, 'AVI '))) ||
    ascii(body, 4, 'ftyp') ||
    ascii(body, 0, '\x1a\x45\xdf\xa3') ||
    ascii(body, 0, '#!AMR') ||
    ascii(body, 0, 'FORM')
  );
}
