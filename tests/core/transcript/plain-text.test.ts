import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscriptText } from '../../../src/core/transcript/plain-text.ts';

const fixture = (name: string): string =>
  readFileSync(join(process.cwd(), 'tests/fixtures/transcripts', name), 'utf8');

describe('parseTranscriptText', () => {
  it('reads 00:00:06 Name:, [00:06] Name: and Name (00:00:06): lines, skipping the title', () => {
    const r = parseTranscriptText(fixture('ferry.txt'));
    expect(r.errors).toEqual([]);
    expect(r.value.map(({ start, end, text, speaker }) => ({ start, end, text, speaker }))).toEqual(
      [
        {
          start: 1,
          end: 4,
          text: 'Morning. The ferry is late again, so we have time.',
          speaker: 'Juno Maret',
        },
        { start: 4, end: 7, text: 'Time for what, exactly?', speaker: 'Pell Okafor' },
        {
          start: 7,
          end: 13,
          text: 'For the gull census. We do it every spring.',
          speaker: 'Juno Maret',
        },
        { start: 13, end: 15, text: 'Forty-one and one very rude one.', speaker: 'Pell Okafor' },
      ],
    );
  });

  it('reads Descript-style name-and-time lines followed by text, with CRLF', () => {
    const r = parseTranscriptText(
      'Speaker 1  0:03\r\nHello there.\r\n\r\nSpeaker 2  0:07\r\nHi.\r\n',
    );
    expect(r.value.map((c) => [c.start, c.speaker, c.text])).toEqual([
      [3, 'Speaker 1', 'Hello there.'],
      [7, 'Speaker 2', 'Hi.'],
    ]);
  });

  it('ends the last cue where its words end at a brisk rate, not at the end of the audio (#14)', () => {
    const r = parseTranscriptText('00:00:10 Ada: a\n00:00:20 Ada: six words at three a second', {
      duration: 3000,
    });
    expect(r.value.at(-1)).toMatchObject({ start: 20, end: 22 });
    // Never past the audio's end, though.
    const short = parseTranscriptText(
      '00:00:10 Ada: a\n00:00:20 Ada: six words at three a second',
      {
        duration: 21,
      },
    );
    expect(short.value.at(-1)).toMatchObject({ start: 20, end: 21 });
  });

  it('says there are no times, and gives nothing, for untimed text', () => {
    expect(parseTranscriptText('Ada: Hello.\nBen: Hi.\nAda: Bye.')).toMatchInlineSnapshot(`
      {
        "errors": [
          {
            "message": "The text transcript has no times, so it cannot follow the audio; it was not used.",
          },
        ],
        "value": [],
      }
    `);
  });

  it('says when the file is empty', () => {
    expect(parseTranscriptText(' \n\r\n').errors).toMatchInlineSnapshot(`
      [
        {
          "message": "The text transcript is empty.",
        },
      ]
    `);
  });
});
