// A big feed's first rows on screen (#15): the rest of the feed is taken in, decoded and read only
// once the episode list shows its first items and a frame is painted, so that work never holds
// the list back. EpisodeList says when its rows are in the page.
let shown = (): void => {};

/**
 * Settles once the episode list has rows in the page and a frame is painted after that; at most
 * half a second, for a list whose code failed or a tab in the background (it paints no frames).
 */
export function rowsPainted(): Promise<void> {
  return new Promise((done) => {
    setTimeout(done, 500);
    shown = () => {
      shown = () => {};
      requestAnimationFrame(() => setTimeout(done));
    };
  });
}

/** The episode list has rows in the page (EpisodeList, after each update). */
export function rowsInPage(): void {
  shown();
}
