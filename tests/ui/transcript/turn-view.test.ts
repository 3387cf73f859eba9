// @vitest-environment jsdom
// The built turns and what is drawn on them: one current turn, marks moved in place, a rebuild forgets both.
import { describe, expect, test } from 'vitest';
import type { Turn } from '../../../src/core/model.ts';
import { TurnView } from '../../../src/ui/transcript/turn-view.ts';

const turn = (start: number, text: string): Turn => ({
  start,
  end: start + 1,
  speaker: 'A',
  text,
  cues: [{ start, end: start + 1, text, offset: 0 }],
});
const TURNS = [turn(0, 'one two'), turn(5, 'three four'), turn(9, 'five')];
const current = (host: HTMLElement) =>
  [...host.querySelectorAll('[aria-current="true"]')].map(
    (el) => (el as HTMLElement).dataset.start,
  );

describe('TurnView', () => {
  test('one current turn at a time; setCurrent says when it changed', () => {
    const host = document.createElement('div');
    const view = new TurnView();
    view.build(host, TURNS);
    expect(view.setCurrent(1)).toBe(view.els[1]);
    expect(view.setCurrent(1)).toBeNull(); // unchanged: nothing to reveal
    expect(view.setCurrent(2)).toBe(view.els[2]);
    expect(current(host)).toEqual(['9']);
    expect(view.setCurrent(-1)).toBeNull();
    expect(current(host)).toEqual([]);
    expect(view.current).toBeNull();
  });

  test('a rebuild starts over: the same turn is current again on the new elements', () => {
    const host = document.createElement('div');
    const view = new TurnView();
    const els = view.els;
    view.build(host, TURNS);
    view.setCurrent(1);
    view.mark(TURNS, new Map([[0, [0, 3]]]));
    view.build(host, TURNS);
    expect(view.els).toBe(els); // the array QuotePopover holds stays valid
    expect(view.setCurrent(1)).toBe(view.els[1]);
    // The old marks are gone with the old elements; marking again draws them.
    expect(view.mark(TURNS, new Map([[0, [0, 3]]]))).toBe(true);
    expect(view.textOf(0)?.querySelector('mark')?.textContent).toBe('one');
  });
});
