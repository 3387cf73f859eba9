// The parts of howler's internals the engine reads or sets (howler-engine.ts): not its public API,
// so kept here, typed, in one place.

export interface HowlInternals {
  _sounds?: Array<{ _node?: HTMLAudioElement; _seek?: number; _ended?: boolean }>;
  _sprite?: Record<string, [number, number]>;
  _duration?: number;
}

/**
 * Where howler's sound starts playing. A new sound counts as "ended", and howler's play() gives
 * an ended sound a fresh start at 0:00: a Play pressed while loading then played the opening
 * before the load's seek moved it (the highlight left a deep link's turn; CI under load).
 */
export function hold(sound: { _seek?: number; _ended?: boolean }, at: number): void {
  sound._seek = at;
  sound._ended = false;
}
