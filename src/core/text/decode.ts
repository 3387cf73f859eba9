// Bytes → text for feeds. Order of evidence: byte order mark, then the XML declaration's
// `encoding`, then the HTTP charset, then UTF-8 (FORMATS.md, "Encodings").

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `windows-1252` (for ISO-8859-1). */
  encoding: string;
}

const SNIFF_BYTES = 1024;
const DECLARATION = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

function makeDecoder(label: string, fatal = false): TextDecoder | null {
  try {
    return new TextDecoder(label.trim(), { fatal });
  } catch {
    return null; // unknown label (RangeError)
  }
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM still shows itself: `<?` (XML 1.0, appendix F), or any file that opens with
 * two ASCII characters (`<r`, `{"`, `WE`), each with a zero byte beside it. UTF-8 text has no zeros.
 */
function bomlessUtf16(b: Uint8Array): string | null {
  const ascii = (x: number | undefined) => x !== undefined && x > 0 && x < 0x80;
  if (ascii(b[0]) && b[1] === 0x00 && ascii(b[2]) && b[3] === 0x00) return 'utf-16le';
  if (b[0] === 0x00 && ascii(b[1]) && b[2] === 0x00 && ascii(b[3])) return 'utf-16be';
  return null;
}

function declaredEncoding(b: Uint8Array): string | null {
  const head = b.subarray(0, SNIFF_BYTES);
  let ascii = '';
  for (const byte of head) ascii += String.fromCharCode(byte);
  return DECLARATION.exec(ascii)?.[1] ?? null;
}

/** `text/xml; charset="ISO-8859-1"` → `ISO-8859-1`. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m?.[2] ?? null;
}

/** A declaration saying UTF-16 in a file whose bytes are ASCII-compatible is a lie (a transcoding server). */
function usable(label: string | null): TextDecoder | null {
  if (!label) return null;
  const decoder = makeDecoder(label);
  if (!decoder || decoder.encoding.startsWith('utf-16')) return null;
  return decoder;
}

/**
 * Decodes a feed's bytes. Unknown labels fall back to UTF-8. When nothing names an encoding
 * and the bytes are not valid UTF-8, they are read as windows-1252 (what undeclared Latin-1
 * feeds really are) instead of filling the text with replacement characters.
 */
export function decodeBytes(bytes: Uint8Array, httpContentType?: string): Decoded {
  const { text, encoding } = decodeNamed(bytes, httpContentType);
  return { text, encoding };
}

/** decodeBytes, saying whether the bytes themselves or the HTTP charset named the encoding. */
function decodeNamed(bytes: Uint8Array, httpContentType?: string): Decoded & { named: boolean } {
  const fixed = bomEncoding(bytes) ?? bomlessUtf16(bytes);
  if (fixed) return { ...run(makeDecoder(fixed), bytes), named: true };

  const named = usable(declaredEncoding(bytes)) ?? usable(charsetFromContentType(httpContentType));
  if (named) return { ...run(named, bytes), named: true };

  const strict = makeDecoder('utf-8', true);
  try {
    return { text: strip(strict?.decode(bytes) ?? ''), encoding: 'utf-8', named: false };
  } catch {
    return { ...run(makeDecoder('windows-1252'), bytes), named: false };
  }
}

function run(decoder: TextDecoder | null, bytes: Uint8Array): Decoded {
  const d = decoder ?? new TextDecoder('utf-8');
  const text = strip(d.decode(bytes));
  return { text: d.encoding === 'windows-1252' ? fixC1(text) : text, encoding: d.encoding };
}

/** windows-1252 bytes 0x80–0x9F. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20's TextDecoder reads windows-1252 as plain Latin-1, leaving C1 controls where curly
 * quotes and dashes belong (browsers decode correctly, so this is a no-op there).
 */
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** TextDecoder drops a matching BOM; a stray one from double encoding would break the XML parser. */
function strip(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The start of a body that is still arriving (#15), decoded as the whole will be: cut before its
 * last `<`, which no multi-byte character of an ASCII-compatible encoding contains. Null for
 * UTF-16, whose bytes are not characters, and for a start with no markup yet.
 */
export function decodePrefix(bytes: Uint8Array, httpContentType?: string): string | null {
  const cut = bytes.lastIndexOf(0x3c);
  if (cut <= 0) return null;
  const start = bytes.subarray(0, cut);
  const decoded = decodeNamed(start, httpContentType);
  if (decoded.encoding.startsWith('utf-16')) return null;
  // Undeclared, the whole may still turn out not to be UTF-8 (read as windows-1252): only an
  // all-ASCII start reads the same either way.
  return decoded.named || !start.some((b) => b > 0x7f) ? decoded.text : null;
}
