// Time at a character offset of a turn (click-to-seek and quote times), from core/turn-time.ts.
import { describe, expect, test } from 'vitest';
import type { Turn } from '../../src/core/model.ts';
import { timeAt } from '../../src/core/turn-time.ts';
import { CUE_TURNS, PLAIN_TURN, WORD_TURNS } from './quote/fixtures.ts';

const ada = WORD_TURNS[0] as Turn;
const offsetOf = (turn: Turn, text: string) => turn.text.indexOf(text);

describe('timeAt', () => {
  test('word timing: the word at or after a start, the word before an end', () => {
    // "So the thing about archives is that nobody reads them." — 5 words over 5 s, then 5 over 5 s.
    expect(timeAt(ada, 0, 'start')).toBe(720);
    expect(timeAt(ada, offsetOf(ada, 'thing') + 2, 'start')).toBe(722); // inside "thing"
    expect(timeAt(ada, offsetOf(ada, 'thing') - 1, 'start')).toBe(722); // the space before it
    expect(timeAt(ada, offsetOf(ada, 'thing') + 5, 'end')).toBe(723); // just after "thing"
    expect(timeAt(ada, offsetOf(ada, 'thing') + 1, 'end')).toBe(723); // inside "thing"
    expect(timeAt(ada, offsetOf(ada, 'is'), 'start')).toBe(725); // second cue
    expect(timeAt(ada, offsetOf(ada, 'is') - 1, 'end')).toBe(725); // the space between cues
    expect(timeAt(ada, ada.text.length, 'end')).toBe(730);
    expect(timeAt(ada, 0, 'end')).toBe(720);
  });

  test('a word without an end ends where the next word starts', () => {
    const turn: Turn = {
      start: 0,
      end: 10,
      speaker: '',
      text: 'one two',
      cues: [
        {
          start: 0,
          end: 10,
          text: 'one two',
          offset: 0,
          words: [
            { start: 1, text: 'one', offset: 0 },
            { start: 4, text: 'two', offset: 4 },
          ],
        },
      ],
    };
    expect(timeAt(turn, 3, 'end')).toBe(4);
    expect(timeAt(turn, 7, 'end')).toBe(10); // the last word: the cue's end
  });

  test('cue timing interpolates by character inside the cue', () => {
    const a = CUE_TURNS[0] as Turn; // "0123456789 abcdefghij"
    expect(timeAt(a, 5, 'start')).toBe(15);
    expect(timeAt(a, 10, 'end')).toBe(20);
    expect(timeAt(a, 11, 'start')).toBe(30); // "a" opens the second cue
    expect(timeAt(a, 10, 'start')).toBe(30); // the joining space belongs to what follows
    expect(timeAt(a, 16, 'end')).toBe(35);
  });

  test('turn-only timing interpolates across the turn, clamped to it', () => {
    expect(timeAt(PLAIN_TURN, 25, 'start')).toBe(125);
    expect(timeAt(PLAIN_TURN, -5, 'start')).toBe(100);
    expect(timeAt(PLAIN_TURN, 500, 'end')).toBe(200);
  });

  test('never before the turn start, even when words say otherwise', () => {
    const turn: Turn = {
      start: 50,
      end: 60,
      speaker: '',
      text: 'early bird',
      cues: [
        {
          start: 48,
          end: 60,
          text: 'early bird',
          offset: 0,
          words: [
            { start: 47, end: 49, text: 'early', offset: 0 },
            { start: 55, end: 70, text: 'bird', offset: 6 },
          ],
        },
      ],
    };
    expect(timeAt(turn, 0, 'start')).toBe(50);
    expect(timeAt(turn, 10, 'end')).toBe(60);
  });
});
