// Words the aligner could only place by their position (#12): the server sends them with
// `estimated: true`; the page must keep showing them as estimates (≈), never as exact times.
import { describe, expect, test } from 'vitest';
import { retimeTurn } from '../../../src/core/align/retime.ts';
import { parseAlignEvent, type TurnResult } from '../../../src/core/align/wire.ts';
import { buildFineUnits, clickedTime } from '../../../src/core/fine-units.ts';
import type { Turn } from '../../../src/core/model.ts';
import { buildQuote } from '../../../src/core/quote/quote.ts';
import { timeIsEstimate } from '../../../src/core/turn-time.ts';

// "Fog rolled in. Boats stayed home." — the second sentence was not found in the audio.
const TEXT = 'Fog rolled in. Boats stayed home.';
const TURN: Turn = {
  start: 5,
  end: 9,
  speaker: 'Ines',
  text: TEXT,
  cues: [{ start: 5, end: 9, text: TEXT, offset: 0 }],
};
const EVENT = JSON.stringify({
  index: 0,
  start: 20,
  end: 23,
  status: 'shifted',
  words: [
    { from: 0, to: 3, start: 20, end: 20.3 },
    { from: 4, to: 10, start: 20.3, end: 20.7 },
    { from: 11, to: 13, start: 20.7, end: 20.9 },
    { from: 15, to: 20, start: 21.2, end: 21.6, estimated: true },
    { from: 21, to: 27, start: 21.6, end: 22.1, estimated: true },
    { from: 28, to: 32, start: 22.1, end: 22.5, estimated: true },
  ],
});

function aligned(): Turn {
  const event = parseAlignEvent('turn', EVENT).value;
  if (event?.type !== 'turn') throw new Error('not a turn');
  return retimeTurn(TURN, event.turn as TurnResult);
}

const CONTEXT = {
  feedUrl: 'https://x.test/feed.xml',
  guid: 'g',
  episodeTitle: 'E',
  showTitle: 'S',
  appBase: 'https://app.test/',
};

describe('estimated words from the aligner (#12)', () => {
  test('the protocol keeps the flag; only on the words that carry it', () => {
    const event = parseAlignEvent('turn', EVENT).value;
    expect(event?.type === 'turn' && event.turn.words.map((w) => w.estimated ?? false)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  test('retimed words keep it: found words are exact, placed ones are estimates', () => {
    const words = aligned().cues[0]?.words ?? [];
    expect(words.map((w) => [w.text, w.estimated ?? false])).toEqual([
      ['Fog', false],
      ['rolled', false],
      ['in', false],
      ['Boats', true],
      ['stayed', true],
      ['home', true],
    ]);
  });

  test('a quote of found words is exact; one touching a placed word says ≈', () => {
    const turn = aligned();
    const exact = buildQuote([turn], { turn: 0, offset: 0 }, { turn: 0, offset: 13 }, CONTEXT);
    expect(exact).toMatchObject({ start: 20, end: 20.9 });
    expect(exact?.estimated).toBeUndefined();
    const guess = buildQuote([turn], { turn: 0, offset: 4 }, { turn: 0, offset: 27 }, CONTEXT);
    expect(guess).toMatchObject({ start: 20.3, end: 22.1, estimated: true });
    expect(timeIsEstimate(turn, 15, 'start')).toBe(true);
    expect(timeIsEstimate(turn, 4, 'start')).toBe(false);
  });

  test('highlight and click treat a placed word as an estimate', () => {
    const turn = aligned();
    const units = buildFineUnits([turn]);
    expect(units.map((u) => u.estimated ?? false)).toEqual([false, false, false, true, true, true]);
    expect(clickedTime(turn, 22)).toEqual({ start: 21.6, estimate: true });
    expect(clickedTime(turn, 5)).toEqual({ start: 20.3, estimate: false });
  });

  test('a turn the aligner did not find at all: every time in it is an estimate', () => {
    const turn: Turn = { ...TURN, timing: 'estimated' };
    expect(timeIsEstimate(turn, 0, 'start')).toBe(true);
    expect(
      buildQuote([turn], { turn: 0, offset: 0 }, { turn: 0, offset: 3 }, CONTEXT)?.estimated,
    ).toBe(true);
  });
});
