// Reading state shared by the transcript and the bars around it. Anyone may ask; the transcript
// view, attached while it is on the page, carries the requests out (#11: no counters or events
// on `document` as side channels).

import { ReadingLook } from './reading-look.svelte.ts';
import type { Store } from './storage.ts';

/** What the transcript view does on request. */
export interface TranscriptView {
  /** Brings the current turn into view now, follow mode or not. */
  revealCurrent(): void;
  /** Quotes the words selected in the transcript, if any. */
  quoteSelection(): void;
}

export class Reader {
  /** Text size, line width and typeface of the transcript, persisted (#14). */
  readonly look: ReadingLook;
  #follow = $state(true);
  #view: TranscriptView | null = null;

  constructor(store: Store | null = null) {
    this.look = new ReadingLook(store);
  }

  /** Follow mode: keep the current turn in view. Paused when the reader scrolls or reads a search match. */
  get follow(): boolean {
    return this.#follow;
  }
  /** The reader moved away from the audio (scrolled by hand, went to a match): stop pulling them back. */
  pauseFollow(): void {
    this.#follow = false;
  }
  /** Follows the audio again and brings the current turn into view. */
  backToNow(): void {
    this.#follow = true;
    this.#view?.revealCurrent();
  }
  /** Quotes the transcript's selected words (the Q shortcut). */
  quoteSelection(): void {
    this.#view?.quoteSelection();
  }
  /** Connects the transcript view; returns the function that disconnects it. */
  attach(view: TranscriptView): () => void {
    this.#view = view;
    return () => {
      if (this.#view === view) this.#view = null;
    };
  }
}
