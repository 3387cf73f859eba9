// Entities in text that should be plain (titles, names): decoded without the full HTML table.
// Shared by the feed (titles, show-notes escapes) and the chapters readers (#15).

const BASIC: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Named HTML entities that turn up in plain-text titles; the rest stay as written. */
export const NAMED: Readonly<Record<string, string>> = {
  ...BASIC,
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  oacute: 'ó',
  uacute: 'ú',
  iacute: 'í',
  ntilde: 'ñ',
  ccedil: 'ç',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  middot: '·',
};

function decodeWith(text: string, table: Record<string, string>): string {
  return text.replace(
    /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi,
    (whole, body: string) => {
      if (body.startsWith('#')) {
        const code =
          body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
          ? String.fromCodePoint(code)
          : whole;
      }
      return Object.hasOwn(table, body) ? (table[body] ?? whole) : whole;
    },
  );
}

/** One level of unescaping that keeps HTML-only named entities (`&nbsp;`) for the HTML to render. */
export function unescapeMarkup(text: string): string {
  return decodeWith(text, BASIC);
}

/** Plain text (titles): entities a feed escaped once too often are decoded; whitespace collapsed. */
export function plainText(text: string): string {
  const decoded = text.includes('&') ? decodeWith(text, NAMED) : text;
  return decoded.replace(/\s+/g, ' ').trim();
}
