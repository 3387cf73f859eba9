// Holds what the first turn does not need until it is painted (#11, first-view.ts): the page
// calls this while App initialises.
import { holdForFirstView } from './first-view.ts';

export { firstView } from './first-view.ts';

/** `ready`: the first turns are in the DOM, or the episode settled without any. */
export function holdUntilFirstView(ready: () => boolean): void {
  const shown = holdForFirstView();
  $effect(() => {
    if (ready()) shown();
  });
}
