// Where a feed's items sit in its text (#15), so a big feed can be read a slice at a time: the
// first items listed while the rest is still to read, and no slice long enough to block the page.
// A slice is the text before the first item, some items, and the text after the last one: the
// same document with fewer items. Anything this scan is not sure of gives null (read it whole).

/** Offsets into the feed text. Items are [start, end) in feed order. */
export interface ItemSpans {
  /** 'item' (RSS) or 'entry' (Atom). */
  tag: 'item' | 'entry';
  items: Array<[number, number]>;
}

const NAME_END = /[\s/>]/;
const ROOT = /<([\w:.-]+)/y;
/** An item's start tag: its name, attributes in quotes, then `>` (a self-closing item is refused). */
const START_TAG = /<(?:item|entry)(?:\s+[^\s=<>/]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*>/y;
/** Comments and processing instructions: allowed between two items; anything else is not. */
const BETWEEN = /^(?:\s|<!--(?:[^-]|-(?!->))*-->|<\?(?:[^?]|\?(?!>))*\?>)*$/;

/**
 * The spans of the feed's `<item>` (or Atom `<entry>`) elements, or null when the text is not
 * one that slices safely: no items, an item inside an item, a prefixed or self-closing item tag,
 * or channel content between two items (each slice must be the whole feed but for its items).
 */
export function itemSpans(text: string): ItemSpans | null {
  let tag: ItemSpans['tag'] | null = null;
  const items: Array<[number, number]> = [];
  let open = -1;
  let i = 0;
  while ((i = text.indexOf('<', i)) !== -1) {
    const past = pastMarkup(text, i);
    if (past < 0) return null;
    if (past !== i) {
      i = past;
      continue;
    }
    const closing = text.charCodeAt(i + 1) === 47; /* / */
    if (tag === null) {
      // The root element names the item tag: RSS 2.0 and RSS 1.0 (rdf:RDF) items, Atom entries.
      ROOT.lastIndex = i;
      const root = ROOT.exec(text)?.[1];
      if (root === 'rss' || root === 'rdf:RDF' || root === 'RDF') tag = 'item';
      else if (root === 'feed') tag = 'entry';
      else return null;
      i++;
      continue;
    }
    const nameAt = closing ? i + 2 : i + 1;
    const isItem = text.startsWith(tag, nameAt) && NAME_END.test(text.charAt(nameAt + tag.length));
    if (!isItem) {
      i++;
      continue;
    }
    if (!closing) {
      if (open >= 0) return null; // nested
      START_TAG.lastIndex = i;
      if (!START_TAG.test(text)) return null; // self-closing or unreadable
      const gapFrom = items.at(-1)?.[1];
      if (gapFrom !== undefined && !BETWEEN.test(text.slice(gapFrom, i))) return null;
      open = i;
      i = START_TAG.lastIndex;
    } else {
      if (open < 0) return null;
      const end = text.indexOf('>', i);
      if (end < 0) return null;
      items.push([open, end + 1]);
      open = -1;
      i = end + 1;
    }
  }
  if (open >= 0 || items.length === 0 || tag === null) return null;
  return { tag, items };
}

/**
 * At a `<` (index `i`): past the comment, CDATA section, DOCTYPE or processing instruction that
 * starts there (-1 when it is never closed), or `i` itself when an element's tag starts there.
 */
function pastMarkup(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (next === 33 /* ! */) return skipDeclaration(text, i);
  if (next !== 63 /* ? */) return i;
  const end = text.indexOf('?>', i + 2);
  return end < 0 ? -1 : end + 2;
}

/** Past a comment, a CDATA section or a DOCTYPE (with its internal subset) at `i`; -1 if unclosed. */
function skipDeclaration(text: string, i: number): number {
  if (text.startsWith('<!--', i)) {
    const end = text.indexOf('-->', i + 4);
    return end < 0 ? -1 : end + 3;
  }
  if (text.startsWith('<![CDATA[', i)) {
    const end = text.indexOf(']]>', i + 9);
    return end < 0 ? -1 : end + 3;
  }
  // <!DOCTYPE …>, maybe with [ declarations ] whose quoted values may hold '>'.
  let j = i + 2;
  let depth = 0;
  while (j < text.length) {
    const c = text[j];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, j + 1);
      if (close < 0) return -1;
      j = close + 1;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return j + 1;
    j++;
  }
  return -1;
}

/**
 * The feed's text with only items [from, to) (and `extra`, one more item appended, if given):
 * everything before the first item and after the last is kept as it is.
 */
export function sliceText(
  text: string,
  spans: ItemSpans,
  from: number,
  to: number,
  extra?: number,
): string {
  const { items } = spans;
  const head = text.slice(0, items[0]![0]);
  const tail = text.slice(items.at(-1)![1]);
  const body = to > from ? text.slice(items[from]![0], items[to - 1]![1]) : '';
  const more = extra === undefined ? '' : text.slice(items[extra]![0], items[extra]![1]);
  return head + body + more + tail;
}

/**
 * The start of a feed that is still arriving (#15), cut after its last whole item (null when no
 * item has closed yet). What follows the cut is left for the whole read.
 */
export function cutAfterLastItem(text: string): string | null {
  const at = Math.max(text.lastIndexOf('</item'), text.lastIndexOf('</entry'));
  const close = at < 0 ? -1 : text.indexOf('>', at);
  return close < 0 ? null : text.slice(0, close + 1);
}

const TAG = /<(\/?)([^\s/>]+)(?:\s+[^\s=<>/]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/y;

/**
 * The end tags that close what is open at the end of `head` (the text before a feed's first item):
 * `</channel></rss>` for RSS 2.0, `</feed>` for Atom. Null when the head does not read as well-
 * formed markup, so a preview is never made from a guess.
 */
export function closingTags(head: string): string | null {
  const open: string[] = [];
  let i = 0;
  while ((i = head.indexOf('<', i)) !== -1) {
    const past = pastMarkup(head, i);
    if (past < 0) return null;
    if (past !== i) {
      i = past;
      continue;
    }
    TAG.lastIndex = i;
    const tag = TAG.exec(head);
    if (!tag) return null;
    const [, closing, name, selfClosing] = tag;
    if (closing) {
      if (selfClosing || open.pop() !== name) return null;
    } else if (!selfClosing) open.push(name!);
    i = TAG.lastIndex;
  }
  return open.length === 0
    ? null
    : open
        .reverse()
        .map((name) => `</${name}>`)
        .join('');
}
