// `npm run inspect` end to end: the real command on files and loopback URLs (#15, CONTRACT.md).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Listening } from './http-helpers.ts';
import { fixture, inspect, serveFixtures } from './inspect-helpers.ts';

let server: Listening;
let base: string;
beforeAll(async () => {
  server = await serveFixtures();
  base = `http://127.0.0.1:${server.port}/`;
});
afterAll(() => server.close());

describe('npm run inspect', () => {
  test('files: one document per input, in order, each in the contract schema', async () => {
    const run = await inspect([
      fixture('lamp-room.vtt'),
      fixture('harbour.srt'),
      fixture('lamp-room-chapters.json'),
      fixture('lighthouse.xml'),
    ]);
    expect(run.code).toBe(0);
    expect(run.docs.map((d) => d.kind)).toEqual(['transcript', 'transcript', 'chapters', 'feed']);
    const [vtt, srt, chapters, feed] = run.docs;

    expect(vtt.format).toBe('vtt');
    expect(vtt.cues[0]).toEqual({
      start: 1.5,
      end: 4,
      speaker: 'Ines Varga',
      text: 'The lamp turned once every ten seconds & never stopped.',
    });
    expect(vtt.cues[1].text).toBe('Well, almost never…');
    expect(vtt.cues[2].text).toBe('Tell them about the winter <of the long fog>.');
    expect(vtt.turns.map((t: any) => [t.start, t.end, t.speaker])).toEqual([
      [1.5, 7.25, 'Ines Varga'],
      [7.25, 11, 'Tomas Reyes'],
    ]);
    expect(vtt.issues).toHaveLength(1);
    expect(vtt.issues[0]).toMatch(/^Line 13: Unreadable cue timing .*\.$/);

    expect(srt.format).toBe('srt');
    expect(srt.cues.map((c: any) => [c.speaker, c.text])).toEqual([
      ['Mara Olsen', 'Boats in, "nets" out.'],
      ['Mara Olsen', 'Same as every day.'],
      ['Pieter Hal', 'Not on Sundays.'],
      ['Mara Olsen', 'Especially not on Sundays.'],
      ['Pieter Hal', 'Agreed.'],
    ]);

    expect(chapters.chapters).toEqual([
      {
        start: 0,
        title: 'Up the stairs',
        url: 'https://keepers.example/stairs',
        img: null,
        toc: true,
      },
      { start: 12, title: 'Sponsor', url: null, img: null, toc: false },
      {
        start: 30.5,
        title: 'Oil and wicks',
        url: null,
        img: expect.stringMatching(/\/tests\/fixtures\/inspect\/images\/wick\.png$/),
        toc: true,
      },
      { start: 900, title: 'Past the end', url: null, img: null, toc: true },
    ]);
    expect(chapters.issues).toEqual([]);

    expect(feed.title).toBe('Keepers of the Light');
    expect(feed.link).toBe('https://keepers.example/');
    expect(feed.episodes.map((e: any) => e.guid)).toEqual(['keepers-2', 'keepers-1', 'keepers-0']);
    const [lamp, fog, undated] = feed.episodes;
    expect(lamp).toMatchObject({
      title: 'The lamp room',
      link: null,
      published: '2026-03-03T07:00:00.000Z',
      duration: 65,
      enclosure: {
        url: 'https://keepers.example/audio/lamp-room.mp3',
        type: 'audio/mpeg',
        length: 48213,
      },
      transcripts: [
        {
          url: expect.stringMatching(/\/tests\/fixtures\/inspect\/lamp-room\.vtt$/),
          type: 'text/vtt',
          language: 'en',
        },
      ],
      chapters: [],
      chaptersUrl: expect.stringMatching(/lamp-room-chapters\.json$/),
    });
    expect(lamp.timeline).toBeUndefined();
    expect(fog.enclosure).toEqual({
      url: 'https://keepers.example/audio/fog.mp3',
      type: 'audio/mpeg',
      length: null,
    });
    expect(fog.chapters).toEqual([
      { start: 0, title: 'Horns', url: null, img: null },
      { start: 150, title: 'Bells', url: 'https://keepers.example/bells', img: null },
    ]);
    expect(undated).toMatchObject({ published: null, duration: null, enclosure: null });
    expect(feed.issues.join(' ')).toContain('“sometime in spring” could not be read');
    for (const issue of feed.issues) expect(issue).toMatch(/^[A-Z].*[.]$/);
  }, 60_000);

  test('a loopback URL with ALLOW_PRIVATE_FEEDS=1 and --episode: the timeline from the files', async () => {
    const run = await inspect([`${base}lighthouse.xml`, '--episode', 'keepers-2'], {
      ALLOW_PRIVATE_FEEDS: '1',
    });
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(1);
    const lamp = run.docs[0]?.episodes[0];
    expect(lamp.transcripts[0].url).toBe(`${base}lamp-room.vtt`);
    expect(Object.keys(lamp.timeline)).toEqual(['source', 'turns', 'chapters']); // CONTRACT.md's keys, no more
    expect(lamp.timeline.source).toBe('vtt');
    expect(lamp.timeline.turns).toEqual([
      {
        start: 1.5,
        end: 7.25,
        speaker: 'Ines Varga',
        text: 'The lamp turned once every ten seconds & never stopped. Well, almost never…',
      },
      {
        start: 7.25,
        end: 11,
        speaker: 'Tomas Reyes',
        text: 'Tell them about the winter <of the long fog>.',
      },
    ]);
    // What the page shows: silent and past-the-end chapters are not listed.
    expect(lamp.timeline.chapters).toEqual([
      { start: 0, title: 'Up the stairs', url: 'https://keepers.example/stairs', img: null },
      { start: 30.5, title: 'Oil and wicks', url: null, img: `${base}images/wick.png` },
    ]);
    expect(run.docs[0]?.episodes[1].timeline).toBeUndefined();
  }, 60_000);

  test('--episode with show notes: the transcript and Podlove chapters the view shows', async () => {
    const run = await inspect(['--episode', 'keepers-1', fixture('lighthouse.xml')]);
    expect(run.code).toBe(0);
    const fog = run.docs[0]?.episodes[1];
    expect(fog.timeline.source).toBe('show-notes');
    expect(fog.timeline.turns.map((t: any) => [t.start, t.speaker, t.text])).toEqual([
      [2, 'Ines Varga', 'The horn sounded every thirty seconds.'],
      [9, 'Tomas Reyes', 'And the neighbours complained every thirty seconds.'],
      [15, 'Ines Varga', 'They moved away eventually.'],
    ]);
    expect(fog.timeline.chapters.map((c: any) => c.title)).toEqual(['Horns', 'Bells']);
  }, 60_000);

  test('a loopback URL without ALLOW_PRIVATE_FEEDS is refused: error document, exit 1', async () => {
    const run = await inspect([
      fixture('harbour.srt'),
      `${base}lighthouse.xml`,
      '/no/such/file',
      'http://127.0.0.1/lighthouse.xml',
    ]);
    expect(run.code).toBe(1);
    expect(run.docs.map((d) => d.kind)).toEqual(['transcript', 'error', 'error', 'error']);
    // The proxy's rules, both: only ports 80 and 443, and no loopback address on any port.
    expect(run.docs[1]).toEqual({
      kind: 'error',
      input: `${base}lighthouse.xml`,
      message: 'The proxy only connects to the standard web ports 80 and 443.',
    });
    expect(run.docs[3]).toEqual({
      kind: 'error',
      input: 'http://127.0.0.1/lighthouse.xml',
      message: expect.stringMatching(/^The address 127\.0\.0\.1 is .*not fetch from\.$/),
    });
    expect(run.docs[2]).toEqual({
      kind: 'error',
      input: '/no/such/file',
      message: 'There is no such file.',
    });
  }, 60_000);
});
