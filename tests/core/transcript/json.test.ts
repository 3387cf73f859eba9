import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscriptJson } from '../../../src/core/transcript/json.ts';
import { cuesToTurns } from '../../../src/core/transcript/turns.ts';
import { loadFullEntities } from '../../../src/core/transcript/entities.ts';

const fixture = (name: string): string =>
  readFileSync(join(process.cwd(), 'tests/fixtures/transcripts', name), 'utf8');

describe('parseTranscriptJson: segments', () => {
  it('reads segment-level timing, numeric strings and a missing speaker (inherits)', () => {
    const r = parseTranscriptJson(fixture('ferry.json'));
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual([
      {
        start: 1.2,
        end: 4,
        text: 'Morning. The ferry is late again, so we have time.',
        speaker: 'Juno Maret',
      },
      { start: 4, end: 7.5, text: 'Time for what, exactly?', speaker: null },
      { start: 7.5, end: 10, text: 'For the gull census.', speaker: 'Pell Okafor' },
      { start: 13.25, end: 16, text: 'Forty-one and one very rude one.', speaker: 'Juno Maret' },
    ]);
    expect(cuesToTurns(r.value).map((t) => [t.speaker, t.start, t.end])).toEqual([
      ['Juno Maret', 1.2, 7.5],
      ['Pell Okafor', 7.5, 10],
      ['Juno Maret', 13.25, 16],
    ]);
  });

  it('accepts a top-level array of segments', () => {
    const r = parseTranscriptJson('[{"startTime":0.5,"endTime":1,"body":"Bare array."}]');
    expect(r.value).toEqual([{ start: 0.5, end: 1, text: 'Bare array.', speaker: null }]);
  });

  it('fills a missing end from the next start and sorts out-of-order segments', () => {
    const r = parseTranscriptJson(
      JSON.stringify({
        segments: [
          { startTime: 9, body: 'Second words here.' },
          { startTime: 2, body: 'First words here.' },
        ],
      }),
    );
    expect(r.value.map((c) => [c.start, c.end, c.text])).toEqual([
      [2, 9, 'First words here.'],
      [9, 9, 'Second words here.'],
    ]);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "message": "The segments were out of order; they were sorted by start time.",
        },
      ]
    `);
  });
});

describe('parseTranscriptJson: word-level segments', () => {
  const r = parseTranscriptJson(fixture('ferry-words.json'));

  it('groups words into cues at sentence ends, speaker changes and long pauses', () => {
    expect(r.errors).toEqual([]);
    expect(r.value.map((c) => [c.speaker, c.start, c.end, c.text])).toEqual([
      ['Juno Maret', 1.2, 1.62, 'Morning.'],
      ['Juno Maret', 1.7, 4, 'The ferry is late again, so we have time.'],
      ['Pell Okafor', 4.3, 5.2, 'Time for what?'],
      ['Pell Okafor', 7.5, 7.9, 'Oh.'],
      ['Juno Maret', 8.1, 8.9, 'Gulls again'],
      ['Juno Maret', 11, 11.5, 'probably.'],
    ]);
  });

  it('keeps each word with its start, and the offsets stay right through cuesToTurns', () => {
    const cue = r.value[1];
    expect(cue?.words?.slice(0, 3)).toEqual([
      { start: 1.7, end: 1.85, text: 'The', offset: 0 },
      { start: 1.85, end: 2.3, text: 'ferry', offset: 4 },
      { start: 2.3, end: 2.41, text: 'is', offset: 10 },
    ]);
    const turns = cuesToTurns(r.value);
    expect(turns.map((t) => t.speaker)).toEqual(['Juno Maret', 'Pell Okafor', 'Juno Maret']);
    for (const turn of turns) {
      for (const c of turn.cues) {
        for (const w of c.words ?? []) {
          expect(turn.text.slice(w.offset, w.offset + w.text.length)).toBe(w.text);
        }
      }
    }
    const so = turns[0]?.cues[1]?.words?.find((w) => w.text === 'so');
    expect(so).toMatchObject({ start: 3.2, offset: (turns[0]?.text.indexOf(' so ') ?? -2) + 1 });
  });

  it('splits a long sentence after 15 words', () => {
    const words = Array.from({ length: 20 }, (_, k) => ({
      speaker: 'Ola Brant',
      startTime: k * 0.3,
      endTime: k * 0.3 + 0.25,
      body: `w${k}`,
    }));
    const cues = parseTranscriptJson(JSON.stringify({ segments: words })).value;
    expect(cues.map((c) => c.words?.length)).toEqual([15, 5]);
  });
});

describe('parseTranscriptJson: issues', () => {
  it('says when the file is not JSON', () => {
    expect(parseTranscriptJson('<html>nope</html>')).toMatchInlineSnapshot(`
      {
        "errors": [
          {
            "message": "The transcript file is not valid JSON.",
          },
        ],
        "value": [],
      }
    `);
  });

  it('says when there is no segments list', () => {
    expect(parseTranscriptJson('{"version":"1.0.0"}').errors).toMatchInlineSnapshot(`
      [
        {
          "message": "The transcript file has no "segments" list.",
        },
      ]
    `);
  });

  it('skips segments without a start time or text', () => {
    const r = parseTranscriptJson(
      '{"segments":[{"startTime":"soon","body":"x"},{"startTime":1},null,{"startTime":2,"body":"Kept."}]}',
    );
    expect(r.value.map((c) => c.text)).toEqual(['Kept.']);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "message": "3 segments without a start time or text were skipped.",
        },
      ]
    `);
  });
});

describe('parseTranscriptJson: what the listener reads (#15)', () => {
  it('decodes character references and drops markup in bodies, as the other formats do', async () => {
    await loadFullEntities(); // as the page and inspect do when a file uses `&mdash;`
    const { value } = parseTranscriptJson(
      JSON.stringify({
        segments: [
          {
            startTime: 0,
            endTime: 2,
            speaker: 'Ines',
            body: 'Salt &amp; Stone &mdash; <i>live</i>',
          },
          { startTime: 2, endTime: 3, speaker: 'Ines', body: 'x < y, and that&rsquo;s fine' },
        ],
      }),
    );
    expect(value.map((c) => c.text)).toEqual(['Salt & Stone — live', 'x < y, and that’s fine']);
  });

  it('reads clock-string times (`00:01:05.5`)', () => {
    const { value, errors } = parseTranscriptJson(
      '{"segments":[{"startTime":"00:00:01.500","endTime":"00:00:03","body":"One."},{"startTime":"1:05","body":"Two."}]}',
    );
    expect(errors).toEqual([]);
    expect(value.map((c) => [c.start, c.text])).toEqual([
      [1.5, 'One.'],
      [65, 'Two.'],
    ]);
  });
});
