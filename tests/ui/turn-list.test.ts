// @vitest-environment jsdom
// The transcript's turn elements, built without Svelte: the contract's hooks, chunks, text-only content, marks.
import { describe, expect, test } from 'vitest';
import type { Turn } from '../../src/core/model.ts';
import {
  applyMarks,
  CHUNK_TURNS,
  markText,
  renderTurns,
  sizeChunks,
} from '../../src/ui/turn-list.ts';

function turn(start: number, speaker: string, text: string): Turn {
  return {
    start,
    end: start + 1,
    speaker,
    text,
    cues: [{ start, end: start + 1, text, offset: 0 }],
  };
}

const TURNS = Array.from({ length: 60 }, (_, i) =>
  turn(i * 7.25 + 0.0004, i % 3 ? 'Ana' : '', `Line ${i} with words.`),
);

describe('renderTurns', () => {
  test('one element per turn with the contract hooks, in chunks', () => {
    const host = document.createElement('div');
    const { turnEls, chunks } = renderTurns(host, TURNS, (s) => (s === 'Ana' ? 2 : 0));
    expect(turnEls).toHaveLength(60);
    expect(chunks).toHaveLength(Math.ceil(60 / CHUNK_TURNS));
    expect(host.querySelectorAll('[data-start][data-speaker]')).toHaveLength(60);
    expect(chunks.flatMap((c) => [...c.children])).toEqual(turnEls);
    const second = turnEls[1]!;
    expect(second.dataset.start).toBe('7.25');
    expect(second.dataset.speaker).toBe('Ana');
    expect(second.style.getPropertyValue('--who')).toBe('var(--speaker-2)');
    expect(second.querySelector('.who')?.textContent).toBe('Ana');
    expect(second.querySelector('.time')?.textContent).toBe('0:07');
    expect(second.querySelector('.time')?.getAttribute('aria-label')).toBe('Jump to 0:07');
    expect(second.querySelector('.text')?.textContent).toBe('Line 1 with words.');
    // No speaker: no name shown, and data-speaker is empty.
    expect(turnEls[0]!.querySelector('.who')).toBeNull();
    expect(turnEls[0]!.dataset.speaker).toBe('');
  });

  test('rebuilding replaces the old turns', () => {
    const host = document.createElement('div');
    renderTurns(host, TURNS, () => 0);
    renderTurns(host, TURNS.slice(0, 3), () => 0);
    expect(host.querySelectorAll('[data-start]')).toHaveLength(3);
    renderTurns(host, [], () => 0);
    expect(host.childElementCount).toBe(0);
  });

  test('text from a feed stays text: markup in names and words is never parsed', () => {
    const host = document.createElement('div');
    const hostile = turn(
      1,
      '<img src=x onerror=alert(1)>',
      'a <script>alert(1)</script> & <b>b</b>',
    );
    const { turnEls } = renderTurns(host, [hostile], () => 0);
    expect(host.querySelector('img, script, b')).toBeNull();
    expect(turnEls[0]!.querySelector('.text')?.textContent).toBe(hostile.text);
    expect(turnEls[0]!.dataset.speaker).toBe(hostile.speaker);
  });
});

describe('sizeChunks', () => {
  test('a narrower column gets taller placeholders; the browser keeps real sizes once seen (auto)', () => {
    const host = document.createElement('div');
    const { chunks } = renderTurns(host, TURNS, () => 0);
    const px = (el: HTMLElement) =>
      Number(/auto (\d+)px/.exec(el.style.getPropertyValue('contain-intrinsic-block-size'))?.[1]);
    sizeChunks(chunks, TURNS, 700);
    const wide = px(chunks[0]!);
    sizeChunks(chunks, TURNS, 300);
    expect(wide).toBeGreaterThan(CHUNK_TURNS * 56);
    expect(px(chunks[0]!)).toBeGreaterThanOrEqual(wide);
    expect(px(chunks.at(-1)!)).toBeLessThan(px(chunks[0]!)); // the last chunk holds fewer turns
  });
});

describe('markText', () => {
  test('puts the quoted characters in a <mark> and takes it away again', () => {
    const host = document.createElement('div');
    const { turnEls } = renderTurns(host, [turn(0, 'A', 'one two three')], () => 0);
    const el = turnEls[0]!;
    markText(el, 'one two three', [4, 7]);
    expect(el.querySelector('mark')?.textContent).toBe('two');
    expect(el.querySelector('.text')?.textContent).toBe('one two three');
    markText(el, 'one two three', [0, 13]);
    expect(el.querySelector('.text')?.childNodes).toHaveLength(1);
    markText(el, 'one two three', null);
    expect(el.querySelector('mark')).toBeNull();
    expect(el.querySelector('.text')?.textContent).toBe('one two three');
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
