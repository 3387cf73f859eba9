// The seek bar's scale: the audio's duration, else the feed's, else ≈ where the transcript ends, so
// a deep link's position shows on the bar before the browser has read the audio (iPhones read none
// before Play).
import { describe, expect, test } from 'vitest';
import type { Chapter, Turn } from '../../src/core/model.ts';
import { percentAt, seekScale } from '../../src/ui/seek-scale.ts';

const turn = (start: number, end: number): Turn =>
  ({ start, end, speaker: '', text: 'Words.', cues: [] }) as unknown as Turn;
const chapter = (start: number): Chapter => ({ start, title: 'A chapter' }) as Chapter;

function app(options: {
  audio?: number | null;
  feed?: number | null;
  turns?: Turn[];
  chapters?: Chapter[];
  position?: number;
  audioFile?: boolean;
}) {
  return {
    player: {
      duration: options.audio ?? null,
      turns: options.turns ?? [],
      chapters: options.chapters ?? [],
      shownPosition: options.position ?? 0,
    },
    library: {
      episode: {
        duration: options.feed ?? null,
        enclosure: options.audioFile === false ? null : { url: 'https://example.test/a.mp3' },
      },
    },
  } as unknown as Parameters<typeof seekScale>[0];
}

describe('seekScale', () => {
  test("the audio's duration wins, then the feed's; neither is an estimate", () => {
    const turns = [turn(0, 10), turn(10, 2266)];
    expect(seekScale(app({ audio: 2929.6, feed: 3000, turns }))).toEqual({
      max: 2929.6,
      estimated: false,
    });
    expect(seekScale(app({ feed: 3000, turns }))).toEqual({ max: 3000, estimated: false });
  });

  test('with no duration, ≈ the end of the transcript or the last chapter, marked as estimated', () => {
    expect(seekScale(app({ turns: [turn(0, 10), turn(10, 2266)] }))).toEqual({
      max: 2266,
      estimated: true,
    });
    expect(
      seekScale(
        app({ turns: [turn(0, 10), turn(10, 2266)], chapters: [chapter(0), chapter(2400)] }),
      ),
    ).toEqual({ max: 2400, estimated: true });
  });

  test('never ends before the position: a deep link past the transcript sits at the end, not beyond', () => {
    const scale = seekScale(app({ turns: [turn(0, 2266)], position: 2700 }));
    expect(scale).toEqual({ max: 2700, estimated: true });
    expect(percentAt(2700, scale.max)).toBe(100);
  });

  test('nothing to go by, or no audio to seek in: no bar yet', () => {
    expect(seekScale(app({}))).toEqual({ max: 0, estimated: false });
    expect(seekScale(app({ feed: 0 }))).toEqual({ max: 0, estimated: false });
    // A deep link's position alone is no scale: the bar would be full, and End would go nowhere.
    expect(seekScale(app({ position: 600 }))).toEqual({ max: 0, estimated: false });
    expect(seekScale(app({ turns: [turn(0, 2266)], audioFile: false }))).toEqual({
      max: 0,
      estimated: false,
    });
  });
});
