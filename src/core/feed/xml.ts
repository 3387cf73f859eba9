// Small DOM helpers for feeds: namespaces matched by URI (never by prefix), trimmed text,
// and entity unescaping. Only standard DOM APIs; no DOM globals.

import { unescapeMarkup } from '../text/plain-text.ts';
import { httpUrl } from '../url.ts';

/** Which vocabulary an element belongs to. '' is the feed's own (RSS or Atom) vocabulary. */
export type NsKey =
  '' | 'itunes' | 'podcast' | 'psc' | 'content' | 'dc' | 'atom' | 'media' | 'other';

export const NS_URI = {
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  podcast: 'https://podcastindex.org/namespace/1.0',
  podcastOld: 'https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md',
  psc: 'http://podlove.org/simple-chapters',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
  media: 'http://search.yahoo.com/mrss/',
  rss1: 'http://purl.org/rss/1.0/',
} as const;

/** Feeds spell the same URI with another case (`DTDs/Podcast-1.0.dtd`), scheme or a trailing slash. */
function normalise(uri: string): string {
  return uri
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
}

const KNOWN = new Map<string, NsKey>([
  [normalise(NS_URI.itunes), 'itunes'],
  [normalise(NS_URI.podcast), 'podcast'],
  [normalise(NS_URI.podcastOld), 'podcast'],
  [normalise(NS_URI.psc), 'psc'],
  [normalise(NS_URI.content), 'content'],
  [normalise(NS_URI.dc), 'dc'],
  [normalise(NS_URI.atom), 'atom'],
  [normalise(NS_URI.media), 'media'],
  [normalise(NS_URI.rss1), ''],
]);

const cache = new Map<string, NsKey>();

/** Maps an element's namespace URI to a vocabulary; `coreNs` (the root's namespace) is ''. */
export function nsKey(uri: string | null, coreNs: string | null): NsKey {
  if (uri === null || uri === '' || uri === coreNs) return '';
  let key = cache.get(uri);
  if (key === undefined) {
    key = KNOWN.get(normalise(uri)) ?? 'other';
    cache.set(uri, key);
  }
  return key;
}

/** An element's child elements, indexed by vocabulary and local name, in document order. */
export class Children {
  private readonly map = new Map<string, Element[]>();

  constructor(parent: Element, coreNs: string | null) {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      const key = `${nsKey(el.namespaceURI, coreNs)}:${el.localName}`;
      const list = this.map.get(key);
      if (list) list.push(el);
      else this.map.set(key, [el]);
    }
  }

  all(ns: NsKey, name: string): Element[] {
    return this.map.get(`${ns}:${name}`) ?? [];
  }

  first(ns: NsKey, name: string): Element | undefined {
    return this.map.get(`${ns}:${name}`)?.[0];
  }

  /** Trimmed text of the first such child with any text, '' when none. */
  text(ns: NsKey, name: string): string {
    for (const el of this.all(ns, name)) {
      const t = textOf(el);
      if (t !== '') return t;
    }
    return '';
  }

  attr(ns: NsKey, name: string, attribute: string): string {
    return this.first(ns, name)?.getAttribute(attribute)?.trim() ?? '';
  }
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * The base URL inside `el`: its `xml:base` resolved against the base around it (#15: a feed
 * with `<rss xml:base="https://cdn…/audio/">` and relative enclosure URLs).
 */
export function baseOf(el: Element, base: string): string {
  const own = el.getAttributeNS(XML_NS, 'base');
  return own === null ? base : (httpUrl(own, base) ?? base);
}

/** Text content with CDATA merged in, trimmed. */
export function textOf(el: Element | undefined): string {
  return el?.textContent?.trim() ?? '';
}

const REAL_TAG = /<(?:[a-z][a-z0-9]*[\s/>]|\/[a-z]|!--)/i;
const ESCAPED_TAG = /&lt;\/?[a-z][a-z0-9]*(?:\s|\/|&gt;)/i;

/**
 * Show notes as HTML. After the XML parser's own unescaping, text that has no tags but does
 * have escaped ones (`&lt;p&gt;`, from a double-escaped feed) is unescaped one more level.
 */
export function notesHtmlOf(raw: string): string {
  return !REAL_TAG.test(raw) && ESCAPED_TAG.test(raw) ? unescapeMarkup(raw) : raw;
}

const XHTML = 'http://www.w3.org/1999/xhtml';
const MOZILLA = 'http://www.mozilla.org/newlayout/xml/parsererror.xml';

function isParserError(el: Element | null): el is Element {
  return (
    el !== null &&
    el.localName === 'parsererror' &&
    (el.namespaceURI === MOZILLA || el.namespaceURI === XHTML)
  );
}

/**
 * The parser's error report, if the document has one. Firefox and jsdom make `<parsererror>`
 * (Mozilla's namespace) the root; Chromium and WebKit insert an XHTML one as the root's first
 * child (inside `<html><body>` when there was no root). Looking only there avoids walking a
 * large document (~45 ms for 2,000 items in jsdom).
 */
export function parserErrorOf(doc: Document): { line?: number; detail: string } | null {
  const root = doc.documentElement;
  if (!root) return { detail: 'no root element' };
  const first = root.firstElementChild;
  const candidates = [root, first, first?.firstElementChild ?? null];
  const el = candidates.find(isParserError);
  if (!el) return null;
  const detail = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const m = /line(?: number)? (\d+)/i.exec(detail) ?? /^(\d+):\d+:/.exec(detail);
  return m ? { line: Number(m[1]), detail } : { detail };
}

/** Leading BOM, whitespace, XML declaration and comments, which come before the root tag. */
const PROLOGUE = /^(?:\uFEFF|\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->)*/;

/** Where the first real tag starts (after declaration and comments). */
export function afterPrologue(text: string): string {
  return text.replace(PROLOGUE, '');
}

/**
 * The feed text from its first markup: a BOM or whitespace before `<?xml` (a common server-side
 * slip) makes strict parsers fail.
 */
export function feedBody(text: string): string {
  return text.replace(/^[\uFEFF\s]+/, '');
}

/** A page that says it is HTML before anything else. */
export function startsLikeHtml(text: string): boolean {
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(afterPrologue(text));
}
