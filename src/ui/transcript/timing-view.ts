// What word timing from the audio changes on the built turns (#12), in place and only where it
// changed: a turn's data-start and clock (its audio time), a note on turns not heard in the audio,
// the unheard words (a Custom Highlight: no layout), and markers for speech the text lacks.
import type { SpeechGap } from '../../core/align/wire.ts';
import type { Turn } from '../../core/model.ts';
import { formatClock, plainSeconds } from '../../core/time.ts';
import { textRange } from './text-dom.ts';

/** A turn's clock label: an estimate says so (≈). */
function clockOf(turn: Turn): string {
  const clock = formatClock(turn.start);
  return turn.timing === 'estimated' || turn.timing === 'missing' ? `≈ ${clock}` : clock;
}

/**
 * Brings each turn element whose turn changed (by identity against `shown`) to the turn's audio
 * time; returns how many it touched. Only attributes and two short texts change: no re-render.
 */
export function retimeTurns(
  els: readonly HTMLElement[],
  turns: readonly Turn[],
  shown: readonly Turn[],
): number {
  let touched = 0;
  turns.forEach((turn, i) => {
    const el = els[i];
    if (!el || shown[i] === turn) return;
    touched++;
    const start = plainSeconds(turn.start);
    if (el.dataset.start !== start) el.dataset.start = start;
    const time = el.querySelector<HTMLElement>('.head .time');
    const clock = clockOf(turn);
    if (time && time.textContent !== clock) {
      time.textContent = clock;
      time.setAttribute('aria-label', `Jump to ${formatClock(turn.start)}`);
    }
    if (turn.timing) el.dataset.timing = turn.timing;
    else delete el.dataset.timing;
    const note = el.querySelector('.head .unheard-note');
    if (turn.timing === 'missing' && !note) {
      const span = el.ownerDocument.createElement('span');
      span.className = 'unheard-note';
      span.textContent = 'not heard in the audio';
      el.querySelector('.head')?.append(span);
    } else if (turn.timing !== 'missing') note?.remove();
  });
  return touched;
}

/** Words not heard in the audio, drawn as a Custom Highlight over the turns' text. */
export function createUnheardHighlighter(): {
  show(turns: readonly Turn[], textOf: (turn: number) => Element | null): void;
} {
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  if (!registry || typeof Highlight === 'undefined') return { show: () => {} };
  const unheard = new Highlight();
  registry.set('verbatim-unheard', unheard);
  return {
    show(turns, textOf) {
      unheard.clear();
      turns.forEach((turn, i) => {
        if (!turn.unheard?.length || turn.timing === 'missing') return; // a missing turn has its note
        const el = textOf(i);
        if (el) for (const [a, b] of turn.unheard) unheard.add(textRange(el, a, b - a));
      });
    },
  };
}

/** "0:20" for a gap's length: whole seconds, as the listener would say it. */
const span = (gap: SpeechGap) => formatClock(Math.max(1, Math.round(gap.end - gap.start)));

/**
 * Puts one marker per gap before the first turn that starts at or after the gap's end (else after
 * the last turn), removing the old ones. A marker is a button that seeks to the gap.
 */
export function placeGaps(
  els: readonly HTMLElement[],
  turns: readonly Turn[],
  gaps: readonly SpeechGap[],
  seek: (seconds: number) => void,
): HTMLElement[] {
  const host = els[0]?.parentElement?.parentElement;
  host?.querySelectorAll('.gap').forEach((el) => el.remove());
  if (!host) return [];
  return gaps.map((gap) => {
    const marker = host.ownerDocument.createElement('button');
    marker.type = 'button';
    marker.className = 'gap';
    marker.dataset.gapStart = plainSeconds(gap.start);
    marker.textContent = `Not in the transcript: ${span(gap)} of speech`;
    marker.setAttribute(
      'aria-label',
      `Not in the transcript: ${span(gap)} of speech at ${formatClock(gap.start)}. Play it`,
    );
    marker.addEventListener('click', (event) => {
      event.stopPropagation();
      seek(gap.start);
    });
    const next = turns.findIndex((t) => t.start >= gap.end - 0.5);
    const before = next >= 0 ? els[next] : undefined;
    if (before) before.before(marker);
    else els[els.length - 1]?.after(marker);
    return marker;
  });
}
