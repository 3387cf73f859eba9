// Seek targets asked of the engine and not yet confirmed (#13). howler queues seeks made while its
// play() is pending, so the element confirms an older target after a newer one was asked: that
// confirmation must not end the pending seek, or skips pressed in a row are lost (L × 8 from 12:00
// landed at 13:31, not 14:00).

/** How far (seconds) a confirmed seek may land from its target and still be that seek. */
const SLACK_S = 0.25;

export class SeekTargets {
  #asked: number[] = [];

  ask(target: number): void {
    this.#asked.push(target);
  }
  clear(): void {
    this.#asked = [];
  }
  /** True when `position` confirms a target asked before `pending` (not the engine clamping it). */
  isOlder(position: number, pending: number | null): boolean {
    if (pending === null || Math.abs(position - pending) <= SLACK_S) return false;
    return this.#asked.some((asked) => Math.abs(position - asked) <= SLACK_S);
  }
}
