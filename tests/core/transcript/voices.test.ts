// Several voices in one WebVTT cue (#15): each voice's words go to that speaker, in turns of their
// own; a start known only by the words' place in the cue is an estimate, and says so.
import { describe, expect, it } from 'vitest';
import { parseTranscriptFile } from '../../../src/core/transcript/read.ts';
import { readTranscript } from '../../../src/state/readers.ts';

const vtt = (...cues: string[]) => `WEBVTT\n\n${cues.join('\n\n')}\n`;
const brief = (turns: Array<{ start: number; speaker: string; text: string; timing?: string }>) =>
  turns.map((t) => [Number(t.start.toFixed(3)), t.speaker, t.text, t.timing ?? 'as published']);

describe('a WebVTT cue with several voices', () => {
  it('becomes a turn per voice; dialogue dashes go; later starts are estimated by place', () => {
    const file = vtt(
      '00:00:00.500 --> 00:00:01.000\n<v Ada>Shall we?',
      '00:00:01.000 --> 00:00:03.100\n- <v Ada>Ready?</v>\n- <v Bo>Ready.</v> <v Ada>Go.',
      '00:00:04.000 --> 00:00:05.000\n<v Bo>After you.',
    );
    expect(brief(parseTranscriptFile(file, 'vtt').value)).toEqual([
      [0.5, 'Ada', 'Shall we? Ready?', 'as published'],
      [2.1, 'Bo', 'Ready.', 'estimated'], // 11 of the cue's 21 characters into its 2.1 s
      [2.8, 'Ada', 'Go.', 'estimated'],
      [4, 'Bo', 'After you.', 'as published'],
    ]);
  });

  it('a cue with word times stays whole: its words keep their times', () => {
    const file = vtt(
      '00:00:10.000 --> 00:00:14.000\n<v Ada>Left <00:00:11.000>or</v> <v Bo><00:00:12.500>right?',
    );
    const turns = parseTranscriptFile(file, 'vtt').value;
    expect(brief(turns)).toEqual([[10, 'Ada', 'Left or right?', 'as published']]);
    expect(turns[0]?.cues[0]?.words?.map((w) => [w.text, w.start])).toEqual([
      ['Left', 10],
      ['or', 11],
      ['right?', 12.5],
    ]);
  });

  it('keeps a minus sign and an interrupting dash; a voice with no words is skipped', () => {
    const file = vtt(
      '00:00:00.000 --> 00:00:04.000\n<v Ada>-</v> <v Bo>How cold?</v> <v Ada>-40 out there, and I was going to—</v> <v Bo>Stop.',
    );
    expect(brief(parseTranscriptFile(file, 'vtt').value)).toEqual([
      [0, 'Bo', 'How cold?', 'as published'], // the first voice with words starts with the cue
      [0.923, 'Ada', '-40 out there, and I was going to—', 'estimated'], // 12 of 52 characters into 4 s
      [3.615, 'Bo', 'Stop.', 'estimated'], // 47 of 52
    ]);
  });

  it('a long run of spaces and dashes between voices is read in linear time', () => {
    const file = vtt(`00:00:01.000 --> 00:00:02.000\n<v A>x</v> <v B>${'- '.repeat(200_000)}y`);
    const began = performance.now();
    const turns = parseTranscriptFile(file, 'vtt').value;
    expect(performance.now() - began).toBeLessThan(2000);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['A', 'x'],
      ['B', 'y'],
    ]);
  });

  it('the page reads such a file with the full reader, the same turns', async () => {
    const file = vtt('00:00:01.000 --> 00:00:03.000\n<v Ada>One.</v> <v Bo>Two.');
    const read = await readTranscript(file, 'vtt');
    expect(brief(read!.value)).toEqual(brief(parseTranscriptFile(file, 'vtt').value));
    expect(read!.value.map((t) => t.speaker)).toEqual(['Ada', 'Bo']);
  });

  it('one voice, or the same voice twice, is one cue as before', () => {
    const file = vtt('00:00:01.000 --> 00:00:03.000\n<v Ada>One.</v> <v Ada>Still me.');
    expect(brief(parseTranscriptFile(file, 'vtt').value)).toEqual([
      [1, 'Ada', 'One. Still me.', 'as published'],
    ]);
  });
});

describe('a WebVTT file that names its speakers as `Name:`, without <v>', () => {
  const file = vtt(
    '00:00:01.000 --> 00:00:02.000\nADA: Is the kettle on?',
    '00:00:02.500 --> 00:00:04.000\nBO: It has been on since noon.',
    '00:00:04.500 --> 00:00:05.000\nADA: Then pour.',
    '00:00:05.500 --> 00:00:07.000\nNote: this line is a caption, not a speaker.',
    '00:00:07.500 --> 00:00:08.000\nBO: Careful.',
  );

  it('reads a recurring label as the speaker, as in SRT; a label seen once stays text', () => {
    expect(brief(parseTranscriptFile(file, 'vtt').value)).toEqual([
      [1, 'ADA', 'Is the kettle on?', 'as published'],
      [2.5, 'BO', 'It has been on since noon.', 'as published'],
      [4.5, 'ADA', 'Then pour. Note: this line is a caption, not a speaker.', 'as published'],
      [7.5, 'BO', 'Careful.', 'as published'],
    ]);
  });

  it('the page reads it the same', async () => {
    const turns = (await readTranscript(file, 'vtt'))!.value;
    expect(turns.map((t) => t.speaker)).toEqual(['ADA', 'BO', 'ADA', 'BO']);
    expect(brief(turns)).toEqual(brief(parseTranscriptFile(file, 'vtt').value));
  });

  it('a bracketed sound that recurs is not a speaker', () => {
    const captions = vtt(
      '00:00:01.000 --> 00:00:02.000\n[Upbeat Music]',
      '00:00:02.000 --> 00:00:03.000\nWelcome back.',
      '00:00:03.000 --> 00:00:04.000\n[Upbeat Music]',
    );
    expect(parseTranscriptFile(captions, 'vtt').value.map((t) => t.speaker)).toEqual(['']);
  });

  it('a file with <v> speakers keeps its text as written', () => {
    const named = vtt(
      '00:00:01.000 --> 00:00:02.000\n<v Ada>BO: said so.',
      '00:00:03.000 --> 00:00:04.000\n<v Ada>BO: again.',
    );
    expect(brief(parseTranscriptFile(named, 'vtt').value)).toEqual([
      [1, 'Ada', 'BO: said so. BO: again.', 'as published'],
    ]);
  });
});
