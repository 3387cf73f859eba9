// Quote any passage: times, selections and links from core/quote.ts.
import { describe, expect, test } from 'vitest';
import type { Turn } from '../../../src/core/model.ts';
import { buildQuote, pointAtLabel, type TextPoint } from '../../../src/core/quote/quote.ts';
import { cuesToTurns } from '../../../src/core/transcript/turns.ts';
import { CONTEXT, CUE_TURNS, PLAIN_TURN, timedCue, WORD_TURNS } from './fixtures.ts';

const DEPS = { now: () => 1_700_000_000_000, random: () => 0.5 };

const at = (turn: number, offset: number): TextPoint => ({ turn, offset });
const ada = WORD_TURNS[0] as Turn;
const offsetOf = (turn: Turn, text: string) => turn.text.indexOf(text);

describe('buildQuote', () => {
  const quote = (from: TextPoint, to: TextPoint, turns = WORD_TURNS, context = CONTEXT) =>
    buildQuote(turns, from, to, context, DEPS);

  test('a selection inside one turn keeps exactly the selected characters', () => {
    const from = offsetOf(ada, 'thing') + 2;
    const q = quote(at(0, from), at(0, offsetOf(ada, 'nobody') + 6));
    expect(q).toMatchObject({
      text: 'ing about archives is that nobody',
      speakers: ['Ada Park'],
      start: 722,
      end: 728,
    });
    expect(q?.segments).toEqual([
      { speaker: 'Ada Park', text: 'ing about archives is that nobody', start: 722 },
    ]);
  });

  test('a selection across turns records one segment per turn', () => {
    const q = quote(at(0, offsetOf(ada, 'nobody')), at(1, 'Until somebody'.length));
    expect(q?.text).toBe('nobody reads them. Until somebody');
    expect(q?.speakers).toEqual(['Ada Park', 'Tomás Ruiz']);
    expect(q?.segments).toEqual([
      { speaker: 'Ada Park', text: 'nobody reads them.', start: 727 },
      { speaker: 'Tomás Ruiz', text: 'Until somebody', start: 730 },
    ]);
    expect([q?.start, q?.end]).toEqual([727, 733]);
  });

  test('a reversed selection is the same quote', () => {
    const forward = quote(at(0, 3), at(1, 5));
    expect(quote(at(1, 5), at(0, 3))).toEqual(forward);
    expect(quote(at(0, 9), at(0, 3))).toEqual(quote(at(0, 3), at(0, 9)));
  });

  test('from offset 0 to the end of the text, and a repeated speaker counted once', () => {
    const turns = cuesToTurns([
      timedCue('A', 0, 4, 'one two'),
      timedCue('B', 4, 8, 'three'),
      timedCue('A', 8, 12, 'four'),
    ]);
    const q = quote(at(0, 0), at(2, 4), turns);
    expect(q).toMatchObject({
      text: 'one two three four',
      speakers: ['A', 'B'],
      start: 0,
      end: 12,
    });
  });

  test('an end mapped from a speaker label ends the previous turn', () => {
    const end = pointAtLabel(WORD_TURNS, 1, 'end');
    expect(end).toEqual({ turn: 0, offset: ada.text.length });
    expect(pointAtLabel(WORD_TURNS, 1, 'start')).toEqual({ turn: 1, offset: 0 });
    expect(pointAtLabel(WORD_TURNS, 0, 'end')).toEqual({ turn: 0, offset: 0 });
    expect(quote(at(0, offsetOf(ada, 'them.')), end)).toMatchObject({
      text: 'them.',
      speakers: ['Ada Park'],
      end: 730,
    });
  });

  test('a selection ending at offset 0 of a turn leaves that turn out', () => {
    const q = quote(at(0, offsetOf(ada, 'them.')), at(1, 0));
    expect(q).toMatchObject({ text: 'them.', speakers: ['Ada Park'], start: 729, end: 730 });
  });

  test('whitespace is tidied and nothing else changes', () => {
    const turn: Turn = {
      start: 0,
      end: 10,
      speaker: '',
      text: '  Well,\n\tso  —  “quoted”  ',
      cues: [],
    };
    expect(quote(at(0, 0), at(0, turn.text.length), [turn])?.text).toBe('Well, so — “quoted”');
    expect(quote(at(0, 0), at(0, 2), [turn])).toBeNull();
    expect(quote(at(0, 3), at(0, 3))).toBeNull();
    expect(quote(at(5, 0), at(6, 2))).toBeNull();
  });

  test('punctuation alone between two words collapses to one instant', () => {
    const words = [
      { start: 1, end: 2, text: 'yes', offset: 0 },
      { start: 3, end: 4, text: 'no', offset: 5 },
    ];
    const turn: Turn = {
      start: 0,
      end: 5,
      speaker: '',
      text: 'yes, no',
      cues: [{ start: 0, end: 5, text: 'yes, no', offset: 0, words }],
    };
    const q = quote(at(0, 3), at(0, 5), [turn]); // ", " with the space trimmed
    expect(q?.text).toBe(',');
    expect(q?.start).toBe(q?.end);
  });

  test('the link carries feed, episode, t and end', () => {
    const q = quote(at(0, offsetOf(ada, 'thing')), at(1, 5));
    const url = new URL(q?.link ?? '');
    expect(url.origin + url.pathname).toBe('https://verbatim.example/app/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      feed: CONTEXT.feedUrl,
      episode: 'ep-42',
      t: '722',
      end: '731.5',
    });
    const bare = quote(at(0, 0), at(0, 2), WORD_TURNS, {
      ...CONTEXT,
      feedUrl: undefined,
      guid: undefined,
    });
    expect(bare?.link).toBe('https://verbatim.example/app/?t=720&end=721');
    expect(bare).not.toHaveProperty('feedUrl');
    const broken = quote(at(0, 0), at(0, 2), WORD_TURNS, { ...CONTEXT, appBase: 'not a url' });
    expect(broken?.link).toBe('');
  });

  test('times are audio times: the listener’s timing offset is added', () => {
    const q = quote(at(0, 0), at(0, 2), WORD_TURNS, { ...CONTEXT, offset: 1.5 });
    expect([q?.start, q?.end, q?.segments[0]?.start]).toEqual([721.5, 722.5, 721.5]);
    expect(q?.link).toContain('t=721.5&end=722.5');
  });

  test('id and createdAt come from the injected clock and randomness', () => {
    const q = quote(at(0, 0), at(0, 2));
    expect(q?.createdAt).toBe(1_700_000_000_000);
    expect(q?.id).toBe(
      `${(1_700_000_000_000).toString(36)}-${Math.floor(0.5 * 36 ** 8).toString(36)}`,
    );
    const other = buildQuote(WORD_TURNS, at(0, 0), at(0, 2), CONTEXT, {
      now: DEPS.now,
      random: () => 0.25,
    });
    expect(other?.id).not.toBe(q?.id);
  });
});

describe('estimated times are marked (#14)', () => {
  test('word times are exact; a selection on cue edges is exact; inside a cue it is an estimate', () => {
    expect(buildQuote(WORD_TURNS, at(0, 3), at(0, 12), CONTEXT, DEPS)?.estimated).toBeUndefined();
    const cues = CUE_TURNS[0] as Turn; // "0123456789 abcdefghij"
    expect(buildQuote(CUE_TURNS, at(0, 0), at(0, 10), CONTEXT, DEPS)?.estimated).toBeUndefined();
    expect(buildQuote(CUE_TURNS, at(0, 3), at(0, 10), CONTEXT, DEPS)?.estimated).toBe(true);
    expect(buildQuote(CUE_TURNS, at(0, 11), at(0, 15), CONTEXT, DEPS)?.estimated).toBe(true);
    expect(cues.text).toBe('0123456789 abcdefghij');
  });

  test('inside a long turn with one time for the whole turn, it is an estimate', () => {
    const q = buildQuote([PLAIN_TURN], at(0, 40), at(0, 60), CONTEXT, DEPS)!;
    expect(q.estimated).toBe(true);
    expect(q.start).toBe(140);
  });
});
