// The transcript's turns, built straight into the DOM from one cloned template per turn. A long
// transcript is one big static list: Svelte's per-item bookkeeping cost ~100 ms for a 3-hour
// episode's 776 turns, cloning costs ~15 ms. Text goes in as text, never as markup. Turns sit in
// chunks the browser may skip while off screen (`content-visibility: auto`), so the first layout
// only measures the chunks in view.
import { formatClock, plainSeconds } from '../../core/time.ts';
import type { Turn } from '../../core/model.ts';
import { fillText } from './paragraph-dom.ts';

/** Turns per chunk: few chunks for the browser to watch, small ones so most text can be skipped. */
export const CHUNK_TURNS = 24;

const TURN_HTML =
  '<div class="turn"><div class="head"><span class="who"></span><button type="button" class="time"></button></div><div class="text"></div></div>';

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
    // A second voice's start inside one WebVTT cue is estimated (#15), and says so.
    time.textContent = turn.timing === 'estimated' ? `≈ ${clock}` : clock;
    time.setAttribute('aria-label', `Jump to ${clock}`);
    fillText(el.lastElementChild as HTMLElement, turn, null);
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

/** A colour (0–3) per speaker, in order of first appearance. */
export function speakerHues(turns: readonly Turn[]): Map<string, number> {
  const hues = new Map<string, number>();
  for (const turn of turns) {
    if (turn.speaker && !hues.has(turn.speaker)) hues.set(turn.speaker, hues.size % 4);
  }
  return hues;
}
