// A big feed's first rows on screen (#15): the rest of the feed is taken in, decoded and read only
// once the episode list shows its first items and a frame is painted, so that work never holds
// the list back. EpisodeList says when its rows are in the page; the fetcher waits half a second at
// most (fetcher.ts, PREFIX_WAIT_MS), for a list whose code failed.
let shown = (): void => {};

/**
 * Settles once the episode list has rows in the page and a frame is painted after that; at once in
 * a tab in the background, which paints no frames.
 */
export function rowsPainted(): Promise<void> {
  return new Promise((done) => {
    if (document.hidden) return done();
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
