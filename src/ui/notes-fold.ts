// Folds away the parts of the show notes the page already shows (#14): a transcript or chapter
// list written into the notes was a second copy of the whole transcript (27,776 px on a long
// interview). Each part is found by its first and last line's text (show-notes/ reports them),
// hidden, and replaced by a line saying where it is shown, with a button to unfold it.
import type { UsedNotes } from '../state/episode-sources.ts';

const BLOCKS = 'p,li,h1,h2,h3,h4,h5,h6,div,blockquote,pre,dd,dt,td,th,figcaption,section';
const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();

/** The blocks that hold text directly, in document order. */
function leafBlocks(body: Element): Element[] {
  return [...body.querySelectorAll(BLOCKS)].filter((el) => el.querySelector(BLOCKS) === null);
}

/** The children of the nearest common ancestor of `a` and `b` that hold them, and that ancestor. */
function siblingsBetween(body: Element, a: Element, b: Element): Element[] {
  let top: Element = a;
  while (top.parentElement && top.parentElement !== body && !top.parentElement.contains(b))
    top = top.parentElement;
  const parent = top.parentElement ?? body;
  let end: Element = b;
  while (end.parentElement && end.parentElement !== parent) end = end.parentElement;
  const out: Element[] = [];
  for (let el: Element | null = top; el; el = el.nextElementSibling) {
    out.push(el);
    if (el === end) break;
  }
  return out;
}

const SAID: Record<UsedNotes['part'], string> = {
  transcript: 'The transcript from these notes is shown in the Transcript.',
  chapters: 'The chapter list from these notes is shown in Chapters.',
};

/** Hides each used part of the rendered notes behind a line and a Show button. Returns how many were folded. */
export function foldUsedNotes(body: HTMLElement, used: readonly UsedNotes[]): number {
  body.querySelectorAll('.notes-fold').forEach((el) => el.remove());
  let folded = 0;
  for (const { part, span } of used) {
    const leaves = leafBlocks(body);
    const first = norm(span.first);
    const last = norm(span.last);
    const i = leaves.findIndex(
      (el) => !el.closest('.notes-fold') && norm(el.textContent).includes(first),
    );
    const j = leaves.findIndex((el, k) => k >= i && norm(el.textContent).includes(last));
    if (i < 0 || j < 0) continue;
    const hidden = siblingsBetween(body, leaves[i]!, leaves[j]!);
    for (const el of hidden) el.setAttribute('hidden', '');
    hidden[0]!.before(foldLine(body.ownerDocument, part, hidden));
    folded++;
  }
  return folded;
}

function foldLine(doc: Document, part: UsedNotes['part'], hidden: Element[]): HTMLElement {
  const line = doc.createElement('p');
  line.className = 'notes-fold';
  const said = doc.createElement('span');
  said.textContent = SAID[part];
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Show it here';
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    for (const el of hidden) el.toggleAttribute('hidden', !open);
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Fold it away' : 'Show it here';
  });
  line.append(said, ' ', button);
  return line;
}
