// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNotesChapters } from '../../../src/core/show-notes/chapters.ts';
import { findNotesTranscript, readShowNotes } from '../../../src/core/show-notes/transcript.ts';
import { cuesToTurns } from '../../../src/core/transcript/turns.ts';

const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const notes = (name: string): string =>
  readFileSync(join(process.cwd(), 'tests/fixtures/notes', name), 'utf8');

/** [start, speaker, text] of each cue found. */
function cues(
  html: string,
  duration: number | null = null,
): Array<[number, string | null, string]> {
  return findNotesTranscript(html, parseHtml, duration).value.map((c) => [
    c.start,
    c.speaker,
    c.text,
  ]);
}

describe('findNotesTranscript: the forms turns are written in', () => {
  it('00:00:06 Ada Park: text', () => {
    const html = '<h3>Transcript</h3><p>00:00:06 Ada Park: Hello.</p><p>00:00:09 Cy Dunn: Hi.</p>';
    expect(cues(html)).toEqual([
      [6, 'Ada Park', 'Hello.'],
      [9, 'Cy Dunn', 'Hi.'],
    ]);
  });

  it('[00:00:06] <strong>Ada Park:</strong> text', () => {
    const html =
      '<h3>Transcript</h3><p>[00:00:06] <strong>Ada Park:</strong> Hello.</p><p>[00:00:09] <strong>Cy Dunn:</strong> Hi.</p>';
    expect(cues(html)).toEqual([
      [6, 'Ada Park', 'Hello.'],
      [9, 'Cy Dunn', 'Hi.'],
    ]);
  });

  it('<strong>Ada Park</strong> [00:00:06]: text', () => {
    const html =
      '<h3>Transcript</h3><p><strong>Ada Park</strong> [00:00:06]: Hello.</p><p><strong>Cy Dunn</strong> [00:00:09]: Hi.</p>';
    expect(cues(html)).toEqual([
      [6, 'Ada Park', 'Hello.'],
      [9, 'Cy Dunn', 'Hi.'],
    ]);
  });

  it('Ada Park (00:06): text, and <strong>Ada Park:</strong> [00:00:06] text', () => {
    expect(
      cues('<h3>Transcript</h3><p>Ada Park (00:06): Hello.</p><p>Cy Dunn (00:09): Hi.</p>'),
    ).toEqual([
      [6, 'Ada Park', 'Hello.'],
      [9, 'Cy Dunn', 'Hi.'],
    ]);
    expect(
      cues(
        '<h3>Transcript</h3><p><strong>Ada Park:</strong> [00:00:06] Hello.</p><p><strong>Cy Dunn:</strong> [00:00:09] Hi.</p>',
      ),
    ).toEqual([
      [6, 'Ada Park', 'Hello.'],
      [9, 'Cy Dunn', 'Hi.'],
    ]);
  });

  it('a paragraph holding only the name, then the timed text', () => {
    const html = `<h3>Transcript</h3><p><strong>Ada Park</strong></p><p>[00:00:06] Hello.</p>
      <p><strong>Cy Dunn</strong></p><p>[00:00:09] Hi.</p><p><strong>Ada Park</strong></p><p>[00:00:12] Bye.</p>
      <p><strong>Cy Dunn</strong></p><p>[00:00:15] Bye then.</p>`;
    expect(cues(html)).toEqual([
      [6, 'Ada Park', 'Hello.'],
      [9, 'Cy Dunn', 'Hi.'],
      [12, 'Ada Park', 'Bye.'],
      [15, 'Cy Dunn', 'Bye then.'],
    ]);
  });

  it('a name-and-time line followed by its paragraphs (Ada Park 0:06)', () => {
    const html =
      '<h3>Transcript</h3><p>Ada Park 0:06</p><p>Hello.</p><p>Cy Dunn 0:09</p><p>Hi.</p><p>Still me.</p>';
    expect(cues(html)).toEqual([
      [6, 'Ada Park', 'Hello.'],
      [9, 'Cy Dunn', 'Hi. Still me.'],
    ]);
  });
});

describe('findNotesTranscript: a speaker written with a long title (#14)', () => {
  const title = 'Professor Emerita of Urban History at the Old Harbour University';
  const want = [
    [6, 'Ada Park', 'Hello.'],
    [60, title, 'Hi there.'],
    [120, 'Ada Park', 'Next.'],
  ];
  it.each([
    ['paragraphs', (l: string[]) => l.map((x) => `<p>${x}</p>`).join('')],
    ['<br> breaks', (l: string[]) => `<p>${l.join('<br>')}</p>`],
    ['newlines', (l: string[]) => `<p>${l.join('\n')}</p>`],
  ])('keeps its time, and the next turns, in %s: Title (00:01:00): text', (_, join) => {
    const lines = [
      'Ada Park (00:00:06): Hello.',
      `${title} (00:01:00): Hi there.`,
      'Ada Park (00:02:00): Next.',
    ];
    expect(cues(`<h3>Transcript</h3>${join(lines)}`)).toEqual(want);
  });

  it("is that turn's speaker after the time too: [00:01:00] Title: text", () => {
    const html = `<h3>Transcript</h3><p>[00:00:06] Ada Park: Hello.</p><p>[00:01:00] ${title}: Hi there.</p><p>[00:02:00] Ada Park: Next.</p>`;
    expect(cues(html)).toEqual(want);
  });

  it('does not take a sentence with a colon after a time for a title', () => {
    const html =
      '<h3>Transcript</h3><p>[00:00:06] Ada Park: Hello.</p><p>[00:01:00] So here is what I think about it: yes.</p>';
    expect(cues(html)[1]).toEqual([60, null, 'So here is what I think about it: yes.']);
  });
});

describe('findNotesTranscript: turns', () => {
  it('appends untimed paragraphs to the turn above', () => {
    const html = `<h3>Transcript</h3><p>[00:00:06] Ada Park: First paragraph.</p>
      <p>Second paragraph, same turn.</p><p>Third.</p><p>[00:00:40] Cy Dunn: Next.</p>`;
    expect(cues(html)).toEqual([
      [6, 'Ada Park', 'First paragraph. Second paragraph, same turn. Third.'],
      [40, 'Cy Dunn', 'Next.'],
    ]);
  });

  it('keeps two turns that share a start time, both ending at the next time', () => {
    const html =
      '<h3>Transcript</h3><p>00:01:00 Ada Park: Yes.</p><p>00:01:00 Cy Dunn: No.</p><p>00:01:05 Ada Park: Fine.</p>';
    const r = findNotesTranscript(html, parseHtml, null);
    expect(r.value.map((c) => [c.start, c.end, c.speaker])).toEqual([
      [60, 65, 'Ada Park'],
      [60, 65, 'Cy Dunn'],
      [65, 66, 'Ada Park'],
    ]);
    expect(cuesToTurns(r.value)).toHaveLength(3);
  });

  it('keeps turns that begin with .. or — where the speaker was cut off', () => {
    const html = `<h3>Transcript</h3><p>00:00:01 Ada Park: So I said—</p>
      <p>00:00:03 Cy Dunn: ..and then?</p><p>00:00:05 Ada Park: —and then nothing.</p><p>00:00:07 .. right.</p>`;
    expect(cues(html)).toEqual([
      [1, 'Ada Park', 'So I said—'],
      [3, 'Cy Dunn', '..and then?'],
      [5, 'Ada Park', '—and then nothing.'],
      [7, null, '.. right.'],
    ]);
  });

  it('ends the last turn where its words end (not the duration), and leaves out turns past it', () => {
    const html =
      '<h3>Transcript</h3><p>00:00:01 Ada Park: In.</p><p>00:00:50 Cy Dunn: In too.</p><p>00:02:00 Ada Park: Out.</p><p>Still out.</p>';
    const r = findNotesTranscript(html, parseHtml, 100);
    expect(r.value.map((c) => [c.start, c.end, c.text])).toEqual([
      [1, 50, 'In.'],
      [50, 51, 'In too.'],
    ]);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "message": "A turn in the show notes starts after the episode ends (at 2:00; the episode is 1:40 long); it was left out.",
        },
      ]
    `);
  });

  it('keeps a turn whose time goes backwards in place, and says so', () => {
    const html =
      '<h3>Transcript</h3><p>00:00:10 Ada Park: A.</p><p>00:00:05 Cy Dunn: B.</p><p>00:00:20 Ada Park: C.</p>';
    const r = findNotesTranscript(html, parseHtml, null);
    expect(r.value.map((c) => [c.start, c.text])).toEqual([
      [10, 'A.'],
      [10, 'B.'],
      [20, 'C.'],
    ]);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "message": "A time in the show notes goes back before the turn above it; that turn was kept in place, at the earlier time.",
        },
      ]
    `);
  });

  it('does not take recurring short replies (Right.) for speaker names', () => {
    const html = `<h3>Transcript</h3><p>00:00:01 Ada Park: Ready?</p><p>Right.</p>
      <p>00:00:04 Cy Dunn: Go.</p><p>Right.</p><p>00:00:07 Ada Park: Done.</p>`;
    expect(cues(html).map((c) => c[2])).toEqual(['Ready? Right.', 'Go. Right.', 'Done.']);
  });

  it('does not take a one-off Note: in a continuation paragraph for a speaker', () => {
    const html =
      '<h3>Transcript</h3><p>00:00:01 Ada Park: Hi.</p><p>Note: this was recorded outside.</p><p>00:00:09 Cy Dunn: Yes.</p><p>00:00:12 Ada Park: Windy.</p>';
    expect(cues(html)[0]).toEqual([1, 'Ada Park', 'Hi. Note: this was recorded outside.']);
  });

  it('takes a caller heard once for a speaker when the other turns are labelled', () => {
    const html =
      '<h3>Transcript</h3><p>00:00:01 Ada Park: Hi.</p><p>00:00:05 Cy Dunn: Yes.</p><p>00:00:09 Caller: A question.</p><p>00:00:15 Ada Park: Go on.</p>';
    expect(cues(html).map((c) => c[1])).toEqual(['Ada Park', 'Cy Dunn', 'Caller', 'Ada Park']);
  });

  it('says nothing about a lone "Transcript" link', () => {
    const html =
      '<p>Chapters and more below.</p><p><a href="https://example.com/t">Transcript</a></p><p>Thanks!</p>';
    expect(findNotesTranscript(html, parseHtml, null)).toEqual({ value: [], errors: [] });
  });

  it('says when a Transcript section has no times', () => {
    const html = '<h3>Transcript</h3><p>Ada: Hello.</p><p>Ben: Hi.</p><p>Ada: So, ropes.</p>';
    expect(findNotesTranscript(html, parseHtml, null)).toMatchInlineSnapshot(`
      {
        "errors": [
          {
            "message": "The show notes have a transcript, but without times, so it cannot follow the audio.",
          },
        ],
        "value": [],
      }
    `);
  });
});

describe('findNotesTranscript: without a heading, and beside chapters', () => {
  it('finds turns whose speakers recur even without a Transcript heading', () => {
    const html = `<p>A chat about ropes.</p><p>00:00:02 Ada Park: Knots first.</p>
      <p>00:00:08 Cy Dunn: Always knots.</p><p>00:00:15 Ada Park: Bowline.</p>
      <p>00:00:21 Cy Dunn: Sheet bend.</p><p>Thanks for listening!</p>`;
    expect(cues(html)).toEqual([
      [2, 'Ada Park', 'Knots first.'],
      [8, 'Cy Dunn', 'Always knots.'],
      [15, 'Ada Park', 'Bowline.'],
      [21, 'Cy Dunn', 'Sheet bend. Thanks for listening!'],
    ]);
  });

  it('does not take a chapter list whose titles share a label (Interview:) for a transcript', () => {
    const html =
      '<p>00:00 Intro<br>05:00 Interview: Ada Park<br>25:00 Interview: Cy Dunn<br>50:00 Outro</p>';
    expect(findNotesTranscript(html, parseHtml, null)).toEqual({ value: [], errors: [] });
    expect(findNotesChapters(html, parseHtml, null).value.map((c) => c.title)).toEqual([
      'Intro',
      'Interview: Ada Park',
      'Interview: Cy Dunn',
      'Outro',
    ]);
  });

  it('returns nothing, with no issue, for a chapter list with colon titles', () => {
    const html =
      '<p>00:00:00 Part one: the ruin<br>00:12:40 Part two: the rebuild<br>00:30:00 Part three: the flood</p>';
    expect(findNotesTranscript(html, parseHtml, null)).toEqual({ value: [], errors: [] });
  });

  it('keeps chapters and transcript apart in one document', () => {
    const html = `<h3>Chapters</h3><p>00:00 Intro<br>01:00 Part two: knots<br>02:00 Bye</p>
      <h3>Transcript</h3><p>00:00:05 Ada Park: Part two: knots is next.</p><p>00:01:00 Cy Dunn: Knots.</p><p>00:02:00 Ada Park: Bye.</p>`;
    const r = readShowNotes(html, parseHtml, 200);
    expect(r.chapters.value.map((c) => c.title)).toEqual(['Intro', 'Part two: knots', 'Bye']);
    expect(r.transcript.value.map((c) => [c.start, c.speaker])).toEqual([
      [5, 'Ada Park'],
      [60, 'Cy Dunn'],
      [120, 'Ada Park'],
    ]);
  });

  it('finds an unheaded chapter list right after an unheaded transcript, and the transcript', () => {
    const html = `<p>00:00:02 Ada Park: Knots first.</p><p>00:00:08 Cy Dunn: Always knots.</p>
      <p>00:00:15 Ada Park: Bowline.</p><p>00:00:21 Cy Dunn: Sheet bend.</p>
      <p>00:00 Knots<br>00:15 Bowline<br>00:21 Bends</p>`;
    expect(findNotesChapters(html, parseHtml, null).value.map((c) => c.title)).toEqual([
      'Knots',
      'Bowline',
      'Bends',
    ]);
    expect(cues(html)).toHaveLength(4);
  });
});

describe('findNotesTranscript: the Substack fixture', () => {
  const r = findNotesTranscript(notes('salt-marsh.html'), parseHtml, 4380);
  const turns = cuesToTurns(r.value);

  it('reads every turn, with no issues', () => {
    expect(r.errors).toEqual([]);
    expect(r.value).toHaveLength(21);
    expect(turns).toHaveLength(19);
    expect(new Set(turns.map((t) => t.speaker))).toEqual(
      new Set(['Marisol Quint', 'Oren Halvorsen', 'Bea Lindqvist']),
    );
  });

  it('skips the note under the heading, joins continuation paragraphs and keeps shared starts', () => {
    expect(turns[0]?.text.startsWith('Welcome to Field Notes.')).toBe(true);
    expect(turns[3]?.text).toContain(
      'like a lung that is very slow and very patient. If you put your ear',
    );
    expect(turns.slice(4, 6).map((t) => [t.start, t.speaker])).toEqual([
      [255, 'Marisol Quint'],
      [255, 'Oren Halvorsen'],
    ]);
    expect(turns.find((t) => t.start === 842)?.text).toBe('..and the farmers?');
    expect(turns.some((t) => t.text.includes('—sorry, the other thing'))).toBe(true);
  });

  it('is sorted, within the duration, and ends the last turn where its words end (#14)', () => {
    for (let k = 1; k < r.value.length; k++) {
      expect(r.value[k]?.start).toBeGreaterThanOrEqual(r.value[k - 1]?.start ?? 0);
    }
    const last = r.value.at(-1)!;
    const words = last.text.split(/\s+/).length;
    expect(last).toMatchObject({ start: 4127, end: 4127 + words / 3 });
    expect(last.end).toBeLessThan(4380);
  });
});

describe('readShowNotes: the lines each part was read from (#14)', () => {
  it('reports the chapter list and the transcript with their headings, for folding them away', () => {
    const html = `<p>About this episode.</p><h3>Chapters</h3><ul><li>(00:00) Start</li><li>(01:00) Middle</li></ul>
      <h3>Transcript</h3><p>[00:00:06] Ada Park: Hello.</p><p>More from Ada.</p><p>[00:00:40] Cy Dunn: Bye.</p>
      <h3>Credits</h3><p>Made by us.</p>`;
    const { used } = readShowNotes(html, parseHtml, null);
    expect(used.chapters).toEqual({ from: 1, to: 4, first: 'Chapters', last: '(01:00) Middle' });
    expect(used.transcript).toEqual({
      from: 4,
      to: 8,
      first: 'Transcript',
      last: '[00:00:40] Cy Dunn: Bye.',
    });
  });

  it('reports nothing for notes without either', () => {
    expect(readShowNotes('<p>Just words.</p>', parseHtml, null).used).toEqual({
      chapters: null,
      transcript: null,
    });
  });
});
