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
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  'ul',
]);

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'svg', 'math',
  'head', 'title', 'object', 'select', 'textarea', 'button']);

const STRUCTURE = 'p,li,div,br,h1,h2,h3,h4,h5,h6,blockquote,pre,td,dd,dt,section,article';

/** A line that opens with a time, a bullet before a time, or a speaker before a time. */
const TIMED_START = /^\s*(?:[*•·▪►▶+>#–—-]\s*)?[([]?\s*\d{1,3}:\d\d/;
/** `Ada Park (00:06): …`, `Ada Park: [00:00:06] …`: a speaker's name, then a time. */
const NAMED_TIME_START = /^\s*(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*\s*:?\s*[([]?\d{1,3}:\d\d/u;
const KEYWORD_LINE = /^\W{0,3}(?:chapters?|timestamps?|time ?codes?|sprungmarken|kapitel|transcript|transkript)\W{0,3}$/i;

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

interface Frame {
  node: Node;
  /** Set when leaving an element: the block tag to restore, or null for inline elements. */
  leave: { block: string; level: number } | null;
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
  // Notes that are plain text (no paragraphs, items or breaks) put one line per newline.
  const plain = doc.body?.querySelector(STRUCTURE) == null;
  let raw = '';
  let block = '';
  let level = 0;
  const flush = (): void => {
    if (raw.trim() !== '') {
      for (const text of splitRaw(raw, plain || block === 'pre')) if (text !== '') lines.push({ text, level, block });
    }
    raw = '';
  };
  // An explicit stack: hostile notes can nest deeper than the call stack allows.
  const stack: Frame[] = [{ node: root, leave: null }];
  let first = true;
  while (stack.length > 0) {
    const frame = stack.pop();
    if (frame === undefined) break;
    if (frame.leave !== null) {
      flush();
      block = frame.leave.block;
      level = frame.leave.level;
      continue;
    }
    const node = frame.node;
    if (node.nodeType === 3 /* text */ || node.nodeType === 4 /* CDATA */) {
      raw += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1 /* element */ && !first) continue;
    const tag = first ? '' : (node.nodeName.toLowerCase().split(':').pop() ?? '');
    first = false;
    if (SKIPPED.has(tag)) continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    if (BLOCKS.has(tag)) {
      flush();
      stack.push({ node, leave: { block, level } });
      block = tag;
      const h = /^h([1-6])$/.exec(tag);
      if (h !== null) level = Number(h[1]);
    }
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k];
      if (child !== undefined) stack.push({ node: child, leave: null });
    }
  }
  flush();
  return lines;
}
