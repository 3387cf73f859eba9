// @vitest-environment jsdom
// Properties of the show-notes finders and the HTML transcript parser: never throw, and
// every timeline they produce is sorted by start and within the duration when one is given.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Chapter } from '../../../src/core/model.ts';
import { findTimestampsInText } from '../../../src/core/text/timestamps.ts';
import { findNotesChapters } from '../../../src/core/show-notes/chapters.ts';
import { findNotesTranscript } from '../../../src/core/show-notes/transcript.ts';
import { parseTranscriptHtml } from '../../../src/core/transcript/html.ts';
import { checkTimeline, mutations } from './helpers.ts';

const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const NOTES = readFileSync(join(process.cwd(), 'tests/fixtures/notes/salt-marsh.html'), 'utf8');
const HTML_T = readFileSync(join(process.cwd(), 'tests/fixtures/transcripts/ferry.html'), 'utf8');

function checkChapters(chapters: Chapter[], duration: number | null): void {
  let prev = -Infinity;
  for (const c of chapters) {
    expect(c.start).toBeGreaterThanOrEqual(prev);
    expect(c.title).not.toBe('');
    if (duration !== null) expect(c.start).toBeLessThan(duration);
    prev = c.start;
  }
}

function checkNotes(html: string, duration: number | null): void {
  const chapters = findNotesChapters(html, parseHtml, duration);
  checkChapters(chapters.value, duration);
  checkTimeline(findNotesTranscript(html, parseHtml, duration), duration);
  for (const t of findTimestampsInText(html, duration)) {
    expect(/^\d{1,3}:\d\d(:\d\d)?(\.\d+)?$/.test(html.slice(t.index, t.index + t.length))).toBe(
      true,
    );
    if (duration !== null) expect(t.seconds).toBeLessThanOrEqual(duration);
  }
}

const PIECES = [
  '<p>',
  '</p>',
  '<br>',
  '<li>',
  '<h3>Transcript</h3>',
  '<h3>Chapters</h3>',
  '<strong>',
  '</strong>',
  '00:00:06 ',
  '(05:17) ',
  '[1:02:03] ',
  '9:30pm',
  '16:9',
  'Ada Park: ',
  '..',
  '—',
  '&amp;',
  '<cite>',
  '<time>',
  '</time>',
  '\n',
  '<!--',
  '<a href="t=10:00">',
  '99:99 ',
];
const duration = fc.option(fc.integer({ min: 1, max: 5 * 3600 }));

describe('show-notes finders never throw, and keep timelines sorted and within the duration', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), duration, (s, d) => {
        checkNotes(s, d);
        checkTimeline(parseTranscriptHtml(s, parseHtml));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('on strings built from show-notes fragments', () => {
    const notesish = fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 50 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(notesish, duration, (s, d) => {
        checkNotes(s, d);
        checkTimeline(parseTranscriptHtml(s, parseHtml));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('on random mutations of the Substack fixture', () => {
    fc.assert(
      fc.property(mutations(NOTES, PIECES), duration, (s, d) => checkNotes(s, d)),
      { numRuns: 80 },
    );
  }, 60_000);

  it('on random mutations of an HTML transcript', () => {
    fc.assert(
      fc.property(mutations(HTML_T, PIECES), (s) =>
        checkTimeline(parseTranscriptHtml(s, parseHtml)),
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('when the parser itself throws', () => {
    const broken = (): Document => {
      throw new Error('no parser');
    };
    expect(findNotesChapters('<p>00:00 A</p>', broken, null)).toEqual({ value: [], errors: [] });
    expect(findNotesTranscript('<p>00:00 A</p>', broken, null).value).toEqual([]);
    expect(parseTranscriptHtml('<p>x</p>', broken).errors).toHaveLength(1);
  });
});

describe('hostile sizes finish (no quadratic scans): about 1 MB each', () => {
  const big = 200_000;
  it('notes with long separator runs, non-letter runs and many Transcript headings', () => {
    const titles = `<p>00:00 A<br>01:00 ${'- '.repeat(big)}x<br>02:00 B</p>`;
    expect(findNotesChapters(titles, parseHtml, null).value).toHaveLength(3);
    expect(findNotesChapters(`<p>${'1 '.repeat(big)}a</p>`, parseHtml, null).value).toEqual([]);
    const headings = '<p>Transcript</p>'.repeat(big / 10) + '<p>00:01 Ada: hi</p>';
    expect(findNotesTranscript(headings, parseHtml, null).value).toHaveLength(1);
  }, 60_000);

  it('timestamp scanning of digit and colon runs', () => {
    expect(findTimestampsInText('1'.repeat(big * 5) + ':00', null)).toEqual([]);
    expect(findTimestampsInText('1:'.repeat(big * 2), null)).toEqual([]);
    expect(findTimestampsInText('12:34 '.repeat(big), null)).toHaveLength(big);
  }, 30_000);
});
