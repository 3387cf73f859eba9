// Reading state shared by the transcript and the bar above it.
export class Reader {
  /** Follow mode: keep the current turn in view. Turned off when the reader scrolls by hand. */
  follow = $state(true);
  /** Bumped to ask the transcript to bring the current turn back into view. */
  recenter = $state(0);

  backToNow(): void {
    this.follow = true;
    this.recenter++;
  }
}
