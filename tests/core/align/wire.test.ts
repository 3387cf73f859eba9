// The word-timing protocol's events as the page reads them (#12): usable ones in, broken ones out.
import { describe, expect, test } from 'vitest';
import { alignRequest, parseAlignEvent } from '../../../src/core/align/wire.ts';
import { EventStreamReader } from '../../../src/core/align/event-stream.ts';
import type { Turn } from '../../../src/core/model.ts';

const turn = (start: number, end: number, text: string): Turn => ({
  start,
  end,
  speaker: 'A',
  text,
  cues: [{ start, end, text, offset: 0 }],
});

describe('alignRequest', () => {
  test('sends published times and the text as shown; an unknown or empty end is null', () => {
    const request = alignRequest('https://x.test/a.mp3', 'en', 12.5, [
      turn(0, 4, 'Hello there.'),
      turn(4, 4, 'Bye.'),
    ]);
    expect(request).toEqual({
      audio: 'https://x.test/a.mp3',
      language: 'en',
      focus: 12.5,
      turns: [
        { start: 0, end: 4, text: 'Hello there.' },
        { start: 4, end: null, text: 'Bye.' },
      ],
    });
    expect(alignRequest('a', null, NaN, []).focus).toBe(0);
  });
});

describe('parseAlignEvent', () => {
  test('reads a turn and drops only its unusable words', () => {
    const data = JSON.stringify({
      index: 2,
      start: 30.5,
      end: 33,
      status: 'shifted',
      words: [
        { from: 0, to: 5, start: 30.5, end: 30.9 },
        { from: 6, to: 6, start: 31, end: 31.2 },
        { from: 7, to: 12, start: -1, end: 31.6 },
        { from: 13, to: 17, start: 32, end: 32.4 },
      ],
    });
    const { value, errors } = parseAlignEvent('turn', data);
    expect(value).toEqual({
      type: 'turn',
      turn: {
        index: 2,
        start: 30.5,
        end: 33,
        status: 'shifted',
        words: [
          { from: 0, to: 5, start: 30.5, end: 30.9 },
          { from: 13, to: 17, start: 32, end: 32.4 },
        ],
      },
    });
    expect(errors).toHaveLength(2);
  });

  test('meta, gap, progress, done and error', () => {
    expect(
      parseAlignEvent('meta', '{"duration":61.2,"audio":{"url":"u","length":900,"etag":"\\"e\\""}}')
        .value,
    ).toEqual({
      type: 'meta',
      meta: { duration: 61.2, audio: { url: 'u', length: 900, etag: '"e"' } },
    });
    expect(parseAlignEvent('gap', '{"start":20,"end":40}').value).toEqual({
      type: 'gap',
      gap: { start: 20, end: 40 },
    });
    expect(parseAlignEvent('progress', '{"done":12,"total":10}').value).toEqual({
      type: 'progress',
      done: 10,
      total: 10,
    });
    expect(parseAlignEvent('done', '{}').value).toEqual({ type: 'done' });
    expect(
      parseAlignEvent('error', '{"code":"no-speech","message":"No speech in the audio."}').value,
    ).toEqual({ type: 'error', code: 'no-speech', message: 'No speech in the audio.' });
    expect(parseAlignEvent('error', '{}').value).toMatchObject({ type: 'error', code: 'unknown' });
  });

  test('never throws: bad JSON, bad fields and unknown events give null', () => {
    expect(parseAlignEvent('turn', '{nope').value).toBeNull();
    expect(parseAlignEvent('turn', '{nope').errors[0]?.message).toMatch(/not JSON/);
    expect(parseAlignEvent('turn', '{"index":1,"start":2,"status":"great"}').value).toBeNull();
    expect(parseAlignEvent('turn', '[1,2]').value).toBeNull();
    expect(parseAlignEvent('meta', '{"duration":0}').value).toBeNull();
    expect(parseAlignEvent('gap', '{"start":5,"end":5}').value).toBeNull();
    expect(parseAlignEvent('wobble', '{}')).toEqual({ value: null, errors: [] });
  });
});

describe('EventStreamReader', () => {
  test('events split anywhere across chunks, CRLF, comments and multi-line data', () => {
    const reader = new EventStreamReader();
    const text =
      '\ufeff: hello\r\nevent: turn\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: done\ndata: {}\n\ndata: x\n\n';
    const out = [];
    for (let i = 0; i < text.length; i += 3) out.push(...reader.push(text.slice(i, i + 3)));
    expect(out).toEqual([
      { type: 'turn', data: '{"a":\n1}' },
      { type: 'done', data: '{}' },
      { type: 'message', data: 'x' },
    ]);
  });

  test('an event without data is not dispatched, and its type does not leak into the next', () => {
    const reader = new EventStreamReader();
    expect(reader.push('event: meta\n\ndata: y\n\n')).toEqual([{ type: 'message', data: 'y' }]);
  });
});
