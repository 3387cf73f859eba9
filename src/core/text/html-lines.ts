// Show notes HTML → the lines a reader sees: one per paragraph, list item, heading, `<br>`
// break, or newline that starts a timed line. Attributes (link URLs) are never text.

/** Parses HTML into a document (the browser's DOMParser with 'text/html'; jsdom's in tests). */
export type ParseHtml = (html: string) => Document;

export interface NotesLine {
  /** The line's text, entities decoded, whitespace collapsed and trimmed. */
  text: string;
  /** Heading level 1–6 when the line is (inside) an `<h1>`–`<h6>`, else 0. */
  level: number;
  /** The nearest block element around the line (`p`, `li`, `h3`, `div`…), '' for none. */
  block: string;
}

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'svg',
  'math',
  'head',
  'title',
  'object',
  'select',
  'textarea',
  'button',
]);

/** A line that opens with a time, a bullet before a time, or a speaker before a time. */
const TIMED_START = /^\s*(?:[*•·▪►▶+>#–—-]\s*)?[([]?\s*\d{1,3}:\d\d/;
/**
 * `Ada Park (00:06): …`, `Ada Park: [00:00:06] …`: a speaker's name, then a time; the name may
 * be a title of up to 12 words (`Professor of History at …`, #14).
 */
const NAMED_TIME_START =
  /^\s*\p{Lu}[\p{L}'’.-]*,?(?:\s+(?:\p{Lu}[\p{L}'’.-]*,?|of|the|at|and|for|in|on|to|from|with|an?|de|van|von|&)){0,11}\s*:?\s*[([]?\d{1,3}:\d\d/u;
const KEYWORD_LINE =
  /^\W{0,3}(?:chapters?|timestamps?|time ?codes?|sprungmarken|kapitel|transcript|transkript)\W{0,3}$/i;

function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Splits a block's raw text at newlines where a reader would see separate lines anyway: before
 * a line that starts with a time, after a short heading word, and at blank lines. Other
 * newlines are just wrapping inside a paragraph.
 */
function splitRaw(raw: string, everyNewline: boolean): string[] {
  if (raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0) return [collapse(raw)];
  const pieces = raw.split(/\r\n?|\n/);
  if (everyNewline) return pieces.map(collapse).filter((t) => t !== '');
  const out: string[] = [];
  let buffer = '';
  let blank = false;
  for (const piece of pieces) {
    const text = collapse(piece);
    if (text === '') {
      blank = true;
      continue;
    }
    const breakHere =
      buffer === '' ||
      blank ||
      TIMED_START.test(text) ||
      NAMED_TIME_START.test(text) ||
      TIMED_START.test(buffer) ||
      KEYWORD_LINE.test(buffer) ||
      /^\s*[*•·▪►▶]\s/.test(text);
    if (breakHere) {
      if (buffer !== '') out.push(buffer);
      buffer = text;
    } else {
      buffer += ' ' + text;
    }
    blank = false;
  }
  if (buffer !== '') out.push(buffer);
  return out;
}

/** Lower-case tag name of an element ('' for other nodes). */
function tagOf(node: Node): string {
  return node.nodeType === 1 ? (node as Element).localName : '';
}

/** Reads the lines of a show-notes document. Never throws (an unparsable input gives []). */
export function htmlToLines(html: string, parseHtml: ParseHtml): NotesLine[] {
  let doc: Document;
  try {
    doc = parseHtml(typeof html === 'string' ? html : '');
  } catch {
    return [];
  }
  const root: Node | null = doc.body ?? doc.documentElement;
  const lines: NotesLine[] = [];
  if (root === null) return lines;
  // Text met before any paragraph, item or break (notes that are plain text) has one line per
  // newline; inside paragraphs a newline is only wrapping.
  let sawBlock = false;
  let raw = '';
  let block = '';
  let level = 0;
  const saved: Array<{ block: string; level: number }> = [];
  const flush = (): void => {
    if (raw.trim() !== '') {
      for (const text of splitRaw(raw, !sawBlock || block === 'pre')) {
        if (text !== '') lines.push({ text, level, block });
      }
    }
    raw = '';
  };
  // Walks by sibling links, with no recursion (hostile notes can nest deeper than the call
  // stack allows) and no child lists (slow to build in some DOMs).
  let node: Node | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    const type = node.nodeType;
    if (type === 3 /* text */ || type === 4 /* CDATA */) {
      raw += node.nodeValue ?? '';
    } else if (type === 1) {
      const tag = tagOf(node);
      if (tag === 'br') {
        flush();
        sawBlock = true;
      } else if (!SKIPPED.has(tag)) {
        descend = true;
        if (BLOCKS.has(tag)) {
          flush();
          sawBlock = true;
          saved.push({ block, level });
          block = tag;
          const h = /^h([1-6])$/.exec(tag);
          if (h !== null) level = Number(h[1]);
        }
      }
    }
    const child: Node | null = descend ? node.firstChild : null;
    if (child !== null) {
      node = child;
      continue;
    }
    // Leave this node (and every ancestor whose last child it was), then move on.
    let at: Node | null = node;
    node = null;
    while (at !== null && at !== root) {
      if (descend && BLOCKS.has(tagOf(at))) {
        flush();
        const back = saved.pop();
        block = back?.block ?? '';
        level = back?.level ?? 0;
      }
      descend = true;
      const next: Node | null = at.nextSibling;
      if (next !== null) {
        node = next;
        break;
      }
      at = at.parentNode;
    }
  }
  flush();
  return lines;
}
