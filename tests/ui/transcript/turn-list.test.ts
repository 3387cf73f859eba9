// @vitest-environment jsdom
// The transcript's turn elements, built without Svelte: the contract's hooks, chunks, text-only content.
import { describe, expect, test } from 'vitest';
import type { Turn } from '../../../src/core/model.ts';
import {
  CHUNK_TURNS,
  renderTurns,
  sizeChunks,
  speakerHues,
} from '../../../src/ui/transcript/turn-list.ts';

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

describe('speakerHues', () => {
  test('a colour per speaker in order of first appearance, four colours round', () => {
    const names = ['A', '', 'B', 'A', 'C', 'D', 'E'];
    const hues = speakerHues(names.map((name, i) => turn(i, name, 'x')));
    expect([...hues]).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 2],
      ['D', 3],
      ['E', 0],
    ]);
  });
});
