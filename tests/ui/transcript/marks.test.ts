// @vitest-environment jsdom
// Quoted words in <mark>: which characters a quote's times name, and moving the marks in place.
import { describe, expect, test } from 'vitest';
import type { Turn } from '../../../src/core/model.ts';
import { applyMarks, markText } from '../../../src/ui/transcript/marks.ts';
import { quoteMarks } from '../../../src/ui/transcript/quote-marks.ts';
import { renderTurns } from '../../../src/ui/transcript/turn-list.ts';

function turn(start: number, speaker: string, text: string): Turn {
  return {
    start,
    end: start + 1,
    speaker,
    text,
    cues: [{ start, end: start + 1, text, offset: 0 }],
  };
}

describe('markText', () => {
  test('puts the quoted characters in a <mark> and takes it away again', () => {
    const host = document.createElement('div');
    const t = turn(0, 'A', 'one two three');
    const { turnEls } = renderTurns(host, [t], () => 0);
    const el = turnEls[0]!;
    markText(el, t, [4, 7]);
    expect(el.querySelector('mark')?.textContent).toBe('two');
    expect(el.querySelector('.text')?.textContent).toBe('one two three');
    markText(el, t, [0, 13]);
    expect(el.querySelector('.text p')?.childNodes).toHaveLength(1);
    markText(el, t, null);
    expect(el.querySelector('mark')).toBeNull();
    expect(el.querySelector('.text')?.textContent).toBe('one two three');
  });

  test('marks across paragraphs, one <mark> per paragraph, text unchanged (#14)', () => {
    const host = document.createElement('div');
    const t = { ...turn(0, 'A', 'First para. Second para. Third.'), paragraphs: [12, 25] };
    const { turnEls } = renderTurns(host, [t], () => 0);
    const el = turnEls[0]!;
    expect([...el.querySelectorAll('.text p')].map((p) => p.textContent)).toEqual([
      'First para. ',
      'Second para. ',
      'Third.',
    ]);
    markText(el, t, [6, 30]);
    expect([...el.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'para. ',
      'Second para. ',
      'Third',
    ]);
    expect(el.querySelector('.text')?.textContent).toBe(t.text);
  });
});

describe('applyMarks', () => {
  test('touches only turns whose quoted range changed, so ranges in the others stay alive', () => {
    const turns = [
      turn(0, 'A', 'one two three'),
      turn(1, 'B', 'four five six'),
      turn(2, 'A', 'seven'),
    ];
    const host = document.createElement('div');
    const { turnEls } = renderTurns(host, turns, () => 0);
    const first = new Map<number, [number, number]>([
      [0, [4, 13]],
      [1, [0, 4]],
    ]);
    expect(applyMarks(turnEls, turns, new Map(), first)).toBe(true);
    expect(turnEls.map((el) => el.querySelector('mark')?.textContent ?? null)).toEqual([
      'two three',
      'four',
      null,
    ]);
    // A live range inside turn 0's marked words.
    const range = document.createRange();
    range.selectNodeContents(turnEls[0]!.querySelector('mark')!);
    expect(applyMarks(turnEls, turns, first, new Map(first))).toBe(false);
    expect(range.toString()).toBe('two three');
    // Turn 1's range moves and turn 2 joins; turn 0 is left alone.
    const second = new Map<number, [number, number]>([
      [0, [4, 13]],
      [1, [0, 9]],
      [2, [0, 5]],
    ]);
    expect(applyMarks(turnEls, turns, first, second)).toBe(true);
    expect(range.toString()).toBe('two three');
    expect(turnEls.map((el) => el.querySelector('mark')?.textContent ?? null)).toEqual([
      'two three',
      'four five',
      'seven',
    ]);
    expect(applyMarks(turnEls, turns, second, new Map())).toBe(true);
    expect(host.querySelector('mark')).toBeNull();
  });
});

describe('quoteMarks', () => {
  const turns = [
    turn(0, 'A', 'one two three'),
    turn(10, 'B', 'four five six'),
    turn(20, 'A', 'seven'),
  ];
  test('nothing quoted, nothing marked', () => {
    expect(quoteMarks(turns, null).size).toBe(0);
  });
  test('a range over two turns marks the end of one and the start of the next', () => {
    const marks = quoteMarks(turns, { start: 0, end: 10.5 });
    expect(marks.get(0)?.[1]).toBe(13);
    expect(marks.get(1)?.[0]).toBe(0);
    expect(marks.has(2)).toBe(false);
  });
});
