// The transcript's parts that arrive just after its first view (#11): the Quote button, the line
// where the words end, and click-to-seek's code. Each is asked for once; what happens when one
// cannot be loaded is said where it is used.
import { firstView } from '../../state/first-view.ts';
import type QuotePopover from './QuotePopover.svelte';
import type TranscriptEnd from './TranscriptEnd.svelte';

export type Clicks = typeof import('./click.ts');

export class TranscriptLater {
  Popover: typeof QuotePopover | null = $state.raw(null);
  quotingFailed = false;
  End: typeof TranscriptEnd | null = $state.raw(null);
  /** The end line's code did not load: a plain line still says where the words end. */
  endFailed = $state(false);
  clicks: Clicks | null = null;

  constructor() {
    void firstView().then(() => {
      import('./QuotePopover.svelte').then(
        (m) => (this.Popover = m.default),
        () => (this.quotingFailed = true),
      );
      import('./TranscriptEnd.svelte').then(
        (m) => (this.End = m.default),
        () => (this.endFailed = true),
      );
      this.loadClicks().catch(() => {}); // asked for again by the first click
    });
  }

  loadClicks(): Promise<Clicks> {
    return import('./click.ts').then((m) => (this.clicks = m));
  }
}
