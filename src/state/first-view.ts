// The first view (#11): the page asks for code the first transcript turn does not need (side
// panels, pictures, howler, the chapters reader, lock-screen controls) only once that turn is
// painted, so the first turn waits for nothing but its own code. Open until the app holds it
// (tests and `npm run inspect` never wait).
let gate: Promise<void> = Promise.resolve();
let open = (): void => {};

/**
 * The page starts: code loaded through `firstView()` waits until the returned function is called
 * (the first view is in the DOM) and a frame is painted after that.
 */
export function holdForFirstView(): () => void {
  gate = new Promise((done) => (open = done));
  return firstViewShown;
}

/** Settles once the first view has been painted (at once unless held). */
export function firstView(): Promise<void> {
  return gate;
}

/**
 * The first turns are in the DOM, or the episode settled without any: open the gate after the
 * next frame is painted. The timer covers a tab in the background, which paints no frames.
 */
function firstViewShown(): void {
  requestAnimationFrame(() => setTimeout(open));
  setTimeout(open, 500);
}
