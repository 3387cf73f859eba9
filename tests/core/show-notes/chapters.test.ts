// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNotesChapters } from '../../../src/core/show-notes/chapters.ts';
import { findNotesTranscript } from '../../../src/core/show-notes/transcript.ts';

const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const notes = (name: string): string =>
  readFileSync(join(process.cwd(), 'tests/fixtures/notes', name), 'utf8');

/** [start, title] pairs of the chapters found. */
function chapters(html: string, duration: number | null = null): Array<[number, string]> {
  return findNotesChapters(html, parseHtml, duration).value.map((c) => [c.start, c.title]);
}

const HOUR = 3600;

describe('findNotesChapters: the forms lists are written in', () => {
  it('00:00:00 Title lines in <li>', () => {
    const html = '<ul><li>00:00:00 Intro</li><li>00:05:17 Kelp</li><li>00:31:02 Otters</li></ul>';
    expect(chapters(html)).toEqual([
      [0, 'Intro'],
      [317, 'Kelp'],
      [1862, 'Otters'],
    ]);
  });

  it('* 00:05:17 Title bullets in newline-separated text', () => {
    const html = 'Chapters\n* 00:00:00 Intro\n* 00:05:17 Kelp forests\n* 00:31:02 Otters';
    expect(chapters(html)).toEqual([
      [0, 'Intro'],
      [317, 'Kelp forests'],
      [1862, 'Otters'],
    ]);
  });

  it('(05:17) Title in <p> split by <br>', () => {
    const html = '<p>(00:00) Intro<br>(05:17) Kelp<br>(31:02) Otters</p>';
    expect(chapters(html)).toEqual([
      [0, 'Intro'],
      [317, 'Kelp'],
      [1862, 'Otters'],
    ]);
  });

  it('**00:05:17** Title, as Markdown leaves it', () => {
    const html = '<p>**00:00:00** Intro<br>**00:05:17** Kelp<br>**00:31:02** Otters</p>';
    expect(chapters(html)).toEqual([
      [0, 'Intro'],
      [317, 'Kelp'],
      [1862, 'Otters'],
    ]);
  });

  it('[1:02:03] Title', () => {
    const html = '<p>[0:00:00] Intro</p><p>[0:40:00] Middle</p><p>[1:02:03] Late</p>';
    expect(chapters(html)).toEqual([
      [0, 'Intro'],
      [2400, 'Middle'],
      [3723, 'Late'],
    ]);
  });

  it('00:00 - Title and (00:00) - Title, with en and em dashes', () => {
    expect(chapters('<p>00:00 - Intro<br>04:10 – Nets<br>09:30 — Knots</p>')).toEqual([
      [0, 'Intro'],
      [250, 'Nets'],
      [570, 'Knots'],
    ]);
    expect(chapters('<p>(00:00) - Intro<br>(04:10) – Nets<br>(09:30) — Knots</p>')).toEqual([
      [0, 'Intro'],
      [250, 'Nets'],
      [570, 'Knots'],
    ]);
  });

  it('<strong>57:00</strong> - Title', () => {
    const html =
      '<p><strong>00:00</strong> - Hello</p><p><strong>21:30</strong> - Rope</p><p><strong>57:00</strong> - Goodbye</p>';
    expect(chapters(html)).toEqual([
      [0, 'Hello'],
      [1290, 'Rope'],
      [3420, 'Goodbye'],
    ]);
  });

  it('single-digit hours (0:37:29 Title)', () => {
    const html = '<p>0:00:00 Start<br>0:37:29 Mid<br>1:05:00 End</p>';
    expect(chapters(html)).toEqual([
      [0, 'Start'],
      [2249, 'Mid'],
      [3900, 'End'],
    ]);
  });

  it('mixed widths in one list: (04:56) then (01:03:39)', () => {
    const html =
      '<h3>Chapters</h3><ul><li>(00:00) A</li><li>(04:56) B</li><li>(01:03:39) C</li></ul>';
    expect(chapters(html)).toEqual([
      [0, 'A'],
      [296, 'B'],
      [3819, 'C'],
    ]);
  });

  it('decodes entities in titles', () => {
    const html =
      '<p>00:00 Salt &amp; pepper<br>10:00 Caf&eacute; &#8220;culture&#8221;<br>20:00 Q&amp;A</p>';
    expect(chapters(html)).toEqual([
      [0, 'Salt & pepper'],
      [600, 'Café “culture”'],
      [1200, 'Q&A'],
    ]);
  });

  it('takes two entries under a Chapters, Timestamps, Sprungmarken or Kapitel heading', () => {
    for (const heading of [
      '<h2>Chapters</h2>',
      '<p><strong>Timestamps:</strong></p>',
      '<p>Sprungmarken</p>',
      '<h4>Kapitel</h4>',
    ]) {
      expect(chapters(`${heading}<p>00:00 Anfang<br>12:00 Ende</p>`)).toEqual([
        [0, 'Anfang'],
        [720, 'Ende'],
      ]);
    }
  });

  it('keeps description lines under a heading from ending the list', () => {
    const html =
      '<h3>Timecodes</h3><p>00:00 Intro</p><p>We say hello.</p><p>08:00 Weather</p><p>Rain.</p><p>15:00 Tides</p>';
    expect(chapters(html)).toEqual([
      [0, 'Intro'],
      [480, 'Weather'],
      [900, 'Tides'],
    ]);
  });

  it('reads a range (00:00 - 05:17 Title) by its start', () => {
    expect(
      chapters('<p>00:00 - 05:17 Intro<br>05:17 - 20:00 Kelp<br>20:00 - 31:02 Otters</p>'),
    ).toEqual([
      [0, 'Intro'],
      [317, 'Kelp'],
      [1200, 'Otters'],
    ]);
  });
});

describe('findNotesChapters: traps', () => {
  it('a title with a colon is a chapter, not a speaker (00:12:40 Part two: the rebuild)', () => {
    const html =
      '<p>00:00:00 Part one: the ruin<br>00:12:40 Part two: the rebuild<br>00:30:00 Part three: the flood</p>';
    expect(chapters(html)).toEqual([
      [0, 'Part one: the ruin'],
      [760, 'Part two: the rebuild'],
      [1800, 'Part three: the flood'],
    ]);
  });

  it('times in prose are not chapters (sponsor read at 10:00, a 16:9 screen, 9:30pm)', () => {
    const html = `<p>The sponsor read at 10:00 is short.</p>
      <p>We watched it on a 16:9 screen.</p><p>Doors at 9:30pm.</p>
      <p>9:30pm doors</p><p>10:15pm first band</p><p>11:00pm last orders</p>`;
    expect(chapters(html)).toEqual([]);
  });

  it('times inside link URLs are not chapters', () => {
    const html = `<p><a href="https://v.example.com/w?t=01:00">first link</a></p>
      <p><a href="https://v.example.com/w?t=02:00">second link</a></p>
      <p><a href="https://v.example.com/w?t=03:00">third link</a></p>`;
    expect(chapters(html)).toEqual([]);
  });

  it('timestamp links as the visible text do count', () => {
    const html = `<p><a href="https://v.example.com/w?t=0">00:00</a> Intro</p>
      <p><a href="https://v.example.com/w?t=65">01:05</a> Waves</p>
      <p><a href="https://v.example.com/w?t=130">02:10</a> Sand</p>`;
    expect(chapters(html)).toEqual([
      [0, 'Intro'],
      [65, 'Waves'],
      [130, 'Sand'],
    ]);
  });

  it('two unheaded timed lines are not a list', () => {
    expect(chapters('<p>00:00 Hello</p><p>05:00 World</p>')).toEqual([]);
  });

  it('a run of speaker turns is not a chapter list', () => {
    const html =
      '<p>00:00 Ama Reyes: hi</p><p>00:10 Tove Lund: hello</p><p>00:20 Ama Reyes: right</p>';
    expect(chapters(html)).toEqual([]);
  });
});

describe('findNotesChapters: minutes:seconds or hours:minutes', () => {
  it('reads X:YY as MM:SS when that stays ascending and within the duration', () => {
    expect(chapters('<p>0:00 A<br>5:30 B<br>12:45 C</p>', HOUR)).toEqual([
      [0, 'A'],
      [330, 'B'],
      [765, 'C'],
    ]);
  });

  it('reads X:YY as H:MM when MM:SS would squeeze the list into the first minutes of a 3-hour show', () => {
    expect(chapters('<p>0:00 A<br>0:40 B<br>1:25 C<br>2:45 D</p>', 3 * HOUR)).toEqual([
      [0, 'A'],
      [2400, 'B'],
      [5100, 'C'],
      [9900, 'D'],
    ]);
  });

  it('keeps MM:SS for the same list when the duration is unknown or short', () => {
    expect(chapters('<p>0:00 A<br>0:40 B<br>1:25 C<br>2:45 D</p>', null)).toEqual([
      [0, 'A'],
      [40, 'B'],
      [85, 'C'],
      [165, 'D'],
    ]);
    expect(chapters('<p>0:00 A<br>0:40 B<br>1:25 C<br>2:45 D</p>', 600)).toHaveLength(4);
  });

  it('reads later entries as H:MM when only that keeps the order (45:10 then 1:05)', () => {
    expect(chapters('<p>00:00 A<br>20:00 B<br>45:10 C<br>1:05 D<br>1:40 E</p>', 2 * HOUR)).toEqual([
      [0, 'A'],
      [1200, 'B'],
      [2710, 'C'],
      [3900, 'D'],
      [6000, 'E'],
    ]);
  });
});

describe('findNotesChapters: duration and order', () => {
  it('drops times past the duration, and says so', () => {
    const r = findNotesChapters(
      '<p>00:00 A<br>20:00 B<br>45:00 C<br>1:10:00 D</p>',
      parseHtml,
      50 * 60,
    );
    expect(r.value.map((c) => c.title)).toEqual(['A', 'B', 'C']);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "message": "A chapter in the show notes starts after the episode ends ("D" at 1:10:00; the episode is 50:00 long); it was left out.",
        },
      ]
    `);
  });

  it('drops an out-of-order outlier, and says so', () => {
    const r = findNotesChapters(
      '<p>00:00 A<br>10:00 B<br>15:00 C<br>05:00 Typo<br>30:00 D</p>',
      parseHtml,
      null,
    );
    expect(r.value.map((c) => c.title)).toEqual(['A', 'B', 'C', 'D']);
    expect(r.errors).toMatchInlineSnapshot(`
      [
        {
          "message": "A chapter in the show notes is out of order ("Typo" at 5:00); it was left out.",
        },
      ]
    `);
  });

  it('returns nothing, with no issue, for notes without a chapter list', () => {
    expect(findNotesChapters('<p>Just a nice episode.</p>', parseHtml, 100)).toEqual({
      value: [],
      errors: [],
    });
  });
});

describe('findNotesChapters: the Substack fixture', () => {
  it('finds the Timestamps list and ignores links, prose and the transcript', () => {
    const r = findNotesChapters(notes('salt-marsh.html'), parseHtml, 4380);
    expect(r.errors).toEqual([]);
    expect(r.value.map((c) => [c.start, c.title])).toEqual([
      [0, 'Intro'],
      [161, 'How a salt marsh breathes'],
      [598, 'Tidewater Boots'],
      [680, 'Part two: the dyke comes down'],
      [1625, 'Counting snails at low tide'],
      [2670, 'Why the eelgrass came back'],
      [3492, 'Listener questions with Bea'],
      [4127, 'What’s next & thank-yous'],
    ]);
  });

  it('drops the last chapter when the audio turns out shorter', () => {
    const r = findNotesChapters(notes('salt-marsh.html'), parseHtml, 4000);
    expect(r.value).toHaveLength(7);
    expect(r.errors).toHaveLength(1);
  });
});

// Found by an audit with unseen notes (#15): titles that open with a label were read as turns of
// that "speaker", or as nothing at all.
describe('findNotesChapters: titles with a shared `Label:`', () => {
  it('a list minutes apart with a few words per line is chapters, whatever labels it repeats', () => {
    const html =
      '<p>00:00:00 Intro: welcome<br>00:10:00 Topic: apples<br>00:20:00 Topic: pears<br>00:30:00 Topic: plums<br>00:40:00 Outro: goodbye</p>';
    expect(chapters(html, 45 * 60)).toEqual([
      [0, 'Intro: welcome'],
      [600, 'Topic: apples'],
      [1200, 'Topic: pears'],
      [1800, 'Topic: plums'],
      [2400, 'Outro: goodbye'],
    ]);
    const twoLabels =
      '<p>00:00:00 Review: new shears<br>00:10:00 Interview: a grower<br>00:20:00 Review: a ladder<br>00:30:00 Interview: a beekeeper</p>';
    expect(chapters(twoLabels, 40 * 60).map(([start]) => start)).toEqual([0, 600, 1200, 1800]);
    expect(findNotesTranscript(twoLabels, parseHtml, 40 * 60).value).toEqual([]);
  });

  it('turns seconds apart with the same labels are still a transcript', () => {
    const html =
      '<p>00:00:05 Review: so, the new shears.<br>00:00:21 Interview: they cut clean?<br>00:00:40 Review: like butter.<br>00:01:02 Interview: good to hear.</p>';
    expect(findNotesTranscript(html, parseHtml, 120).value.map((c) => c.speaker)).toEqual([
      'Review',
      'Interview',
      'Review',
      'Interview',
    ]);
    expect(chapters(html, 120)).toEqual([]);
  });
});
