// Repairs for the XML mistakes real feeds make, tried only when the first parse fails:
// bare `&` (`?a=1&b=2`), HTML-only entities (`&nbsp;`) and prefixes used without an
// `xmlns:` declaration. CDATA sections and comments are left untouched.

import { NS_URI } from './xml.ts';

/** The URIs conventionally bound to prefixes, used only when a feed forgot to declare one. */
const CONVENTIONAL: Record<string, string> = {
  itunes: NS_URI.itunes,
  podcast: NS_URI.podcast,
  psc: NS_URI.psc,
  sc: NS_URI.psc,
  content: NS_URI.content,
  dc: NS_URI.dc,
  atom: NS_URI.atom,
  media: NS_URI.media,
};

/**
 * Splits text into [outside, protected, outside, …] where protected parts are CDATA sections and
 * comments (an unterminated one protects the rest). A scan with indexOf: the regex it replaces was
 * quadratic on runs of unterminated `<!--` (200 KB took 8 s).
 */
function splitProtected(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const comment = text.indexOf('<!--', from);
    const cdata = text.indexOf('<![CDATA[', from);
    const open = comment < 0 ? cdata : cdata < 0 ? comment : Math.min(comment, cdata);
    if (open < 0) break;
    const isComment = open === comment;
    const close = text.indexOf(isComment ? '-->' : ']]>', open + (isComment ? 4 : 9));
    const end = close < 0 ? text.length : close + 3;
    parts.push(text.slice(from, open), text.slice(open, end));
    from = end;
    if (close < 0) break;
  }
  parts.push(text.slice(from));
  return parts;
}
const BAD_AMP = /&(?!(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);)/g;
const USED_PREFIX =
  /<\/?([A-Za-z_][\w.-]*):[A-Za-z_]|\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=\s*["']/g;
const DECLARED_PREFIX = /xmlns:([A-Za-z_][\w.-]*)\s*=/g;
const ROOT_START = /<(?![?!])[A-Za-z_][\w.:-]*/;

export interface Repair {
  text: string;
  /** Plain descriptions of what was repaired; empty when nothing was. */
  fixes: string[];
}

function escapeAmpersands(text: string): { text: string; count: number } {
  let count = 0;
  const parts = splitProtected(text);
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = (parts[i] ?? '').replace(BAD_AMP, () => {
      count++;
      return '&amp;';
    });
  }
  return { text: parts.join(''), count };
}

function declarePrefixes(text: string): { text: string; added: string[] } {
  const outside = splitProtected(text)
    .filter((_, i) => i % 2 === 0)
    .join(' ');
  const used = new Set<string>();
  for (const m of outside.matchAll(USED_PREFIX)) used.add(m[1] ?? m[2] ?? '');
  for (const m of outside.matchAll(DECLARED_PREFIX)) used.delete(m[1] ?? '');
  for (const p of ['', 'xml', 'xmlns', 'http', 'https']) used.delete(p);
  const root = ROOT_START.exec(text);
  if (used.size === 0 || !root) return { text, added: [] };
  const added = [...used];
  const decls = added
    .map((p) => ` xmlns:${p}="${CONVENTIONAL[p.toLowerCase()] ?? `urn:verbatim:undeclared:${p}`}"`)
    .join('');
  const at = root.index + root[0].length;
  return { text: text.slice(0, at) + decls + text.slice(at), added };
}

/** Returns the repaired text and what was done; `fixes` is empty when there was nothing to do. */
export function repairXml(text: string): Repair {
  const fixes: string[] = [];
  const amps = escapeAmpersands(text);
  if (amps.count > 0) {
    fixes.push(`${amps.count} unescaped “&” or HTML-only entities (such as &nbsp;)`);
  }
  const prefixes = declarePrefixes(amps.text);
  if (prefixes.added.length > 0) {
    fixes.push(`undeclared prefixes ${prefixes.added.map((p) => `“${p}:”`).join(', ')}`);
  }
  return { text: prefixes.text, fixes };
}
