// The transcript's turns, built straight into the DOM from one cloned template per turn. A long
// transcript is one big static list: Svelte's per-item bookkeeping cost ~100 ms for a 3-hour
// episode's 776 turns, cloning costs ~15 ms. Text goes in as text, never as markup. Turns sit in
// chunks the browser may skip while off screen (`content-visibility: auto`), so the first layout
// only measures the chunks in view.
import { formatClock, plainSeconds } from '../core/time.ts';
import type { Turn } from '../core/model.ts';

/** Turns per chunk: few chunks for the browser to watch, small ones so most text can be skipped. */
export const CHUNK_TURNS = 24;

const TURN_HTML =
  '<div class="turn"><div class="head"><span class="who"></span><button type="button" class="time"></button></div><p class="text"></p></div>';

let template: HTMLElement | null = null;

/** The turn template, owned by `doc` (a <template>'s own content lives in another, inert document). */
function turnTemplate(doc: Document): HTMLElement {
  if (template?.ownerDocument !== doc) {
    const t = doc.createElement('template');
    t.innerHTML = TURN_HTML;
    template = doc.importNode(t.content.firstElementChild as HTMLElement, true);
  }
  return template;
}

export interface TurnList {
  /** One element per turn, in transcript order. */
  turnEls: HTMLElement[];
  chunks: HTMLElement[];
}

/** Replaces `host`'s children with the turns; `hue` picks a speaker's colour (0–3). */
export function renderTurns(
  host: HTMLElement,
  turns: readonly Turn[],
  hue: (speaker: string) => number,
): TurnList {
  const doc = host.ownerDocument;
  const proto = turnTemplate(doc);
  const turnEls: HTMLElement[] = [];
  const chunks: HTMLElement[] = [];
  const frag = doc.createDocumentFragment();
  let chunk: HTMLElement | null = null;
  turns.forEach((turn, i) => {
    if (i % CHUNK_TURNS === 0) {
      chunk = doc.createElement('div');
      chunk.className = 'chunk';
      chunks.push(chunk);
      frag.append(chunk);
    }
    const el = proto.cloneNode(true) as HTMLElement;
    el.dataset.start = plainSeconds(turn.start);
    el.dataset.speaker = turn.speaker;
    el.style.setProperty('--who', `var(--speaker-${hue(turn.speaker)})`);
    const head = el.firstElementChild as HTMLElement;
    const who = head.firstElementChild as HTMLElement;
    const time = head.lastElementChild as HTMLElement;
    if (turn.speaker) who.textContent = turn.speaker;
    else who.remove();
    const clock = formatClock(turn.start);
    time.textContent = clock;
    time.setAttribute('aria-label', `Jump to ${clock}`);
    (el.lastElementChild as HTMLElement).textContent = turn.text;
    chunk?.append(el);
    turnEls.push(el);
  });
  host.replaceChildren(frag);
  return { turnEls, chunks };
}

/**
 * Sets each chunk's placeholder height for a column `width` px wide, used until the browser has
 * laid the chunk out once (`auto` then remembers the real one): the speaker line and padding
 * (~56 px a turn), then ~30 px a line at ~0.5 em a character.
 */
export function sizeChunks(
  chunks: readonly HTMLElement[],
  turns: readonly Turn[],
  width: number,
): void {
  const perLine = Math.max(20, Math.floor(width / 9.1));
  chunks.forEach((chunk, c) => {
    let px = 0;
    for (const turn of turns.slice(c * CHUNK_TURNS, (c + 1) * CHUNK_TURNS))
      px += 56 + Math.ceil(turn.text.length / perLine) * 30;
    chunk.style.setProperty('contain-intrinsic-block-size', `auto ${px}px`);
  });
}

/** Shows characters [from, to) of a turn's text in a `<mark>` (a quoted passage), or plain when `range` is null. */
export function markText(turnEl: HTMLElement, text: string, range: [number, number] | null): void {
  const p = turnEl.querySelector('.text');
  if (!p) return;
  if (!range) {
    if (p.childNodes.length !== 1 || p.firstChild?.nodeType !== Node.TEXT_NODE)
      p.textContent = text;
    return;
  }
  const mark = p.ownerDocument.createElement('mark');
  mark.textContent = text.slice(range[0], range[1]);
  p.replaceChildren(
    ...[text.slice(0, range[0]), mark, text.slice(range[1])].filter((part) => part !== ''),
  );
}

/**
 * Moves the quote <mark>s from `shown` to `wanted` ([from, to) per turn), touching only turns whose
 * range changed: re-marking replaces a turn's text nodes, which empties highlight ranges in it.
 * Returns true when any turn changed.
 */
export function applyMarks(
  turnEls: readonly HTMLElement[],
  turns: readonly Turn[],
  shown: ReadonlyMap<number, [number, number]>,
  wanted: ReadonlyMap<number, [number, number]>,
): boolean {
  let changed = false;
  const set = (i: number, range: [number, number] | null) => {
    const el = turnEls[i];
    if (!el) return;
    markText(el, turns[i]?.text ?? '', range);
    changed = true;
  };
  for (const i of shown.keys()) if (!wanted.has(i)) set(i, null);
  for (const [i, range] of wanted) {
    const was = shown.get(i);
    if (!was || was[0] !== range[0] || was[1] !== range[1]) set(i, range);
  }
  return changed;
}
