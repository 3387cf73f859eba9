// @vitest-environment jsdom
// The episode list's cheap guess (#14) agrees with the full show-notes reader on real-shaped notes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notesHints } from '../../src/core/notes-hints.ts';
import { readShowNotes } from '../../src/core/show-notes/transcript.ts';
import { parseFeed } from '../../src/core/feed/feed.ts';

const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml');
const read = (path: string) => readFileSync(join(process.cwd(), path), 'utf8');

function fullReader(html: string): { transcript: boolean; chapters: boolean } {
  const { chapters, transcript } = readShowNotes(html, parseHtml, null);
  return { transcript: transcript.value.length > 0, chapters: chapters.value.length > 0 };
}

describe('notesHints', () => {
  it('finds a transcript under a heading and a timestamp list', () => {
    const html =
      '<p>Timestamps</p><ul><li>(00:00) Cold open</li><li>(00:09) The kitchen</li></ul>' +
      '<h3>Transcript</h3><p>00:00:01 Ada Park: Hello.</p><p>00:00:09 Ben Ode: Hi.</p>';
    expect(notesHints(html)).toEqual({ transcript: true, chapters: true });
  });

  it('finds a transcript without a heading from recurring speaker labels', () => {
    const html =
      '<p>[00:00:06] <strong>Ada Park:</strong> Welcome.</p><p>[00:00:12] <strong>Ben Ode:</strong> Thanks.</p>' +
      '<p>[00:00:20] <strong>Ada Park:</strong> So.</p><p>[00:00:31] <strong>Ben Ode:</strong> Yes.</p>';
    expect(notesHints(html)).toEqual({ transcript: true, chapters: false });
    expect(fullReader(html)).toEqual({ transcript: true, chapters: false });
  });

  it('is quiet for notes with no times or a single time', () => {
    expect(notesHints('<p>A walk through a market.</p>')).toEqual({
      transcript: false,
      chapters: false,
    });
    expect(notesHints('<p>The sponsor read is at 10:00.</p>')).toEqual({
      transcript: false,
      chapters: false,
    });
    expect(notesHints('')).toEqual({ transcript: false, chapters: false });
  });

  it('decodes entities and splits at <br>', () => {
    const html = '<p>00:00&nbsp;Intro<br>04:10 Kelp &amp; otters<br/>09:30 Goodbye</p>';
    expect(notesHints(html)).toEqual({ transcript: false, chapters: true });
  });

  it('agrees with the full reader on the fixtures', () => {
    const samples = [read('tests/fixtures/notes/salt-marsh.html')];
    for (const feed of ['tests/fixtures/e2e/sources.xml', 'tests/fixtures/feeds/substack.xml']) {
      const result = parseFeed(read(feed), 'https://example.com/feed', { parseXml });
      if (result.ok) samples.push(...result.value.episodes.map((e) => e.notesHtml));
    }
    expect(samples.length).toBeGreaterThan(3);
    for (const html of samples) expect(notesHints(html)).toEqual(fullReader(html));
  });
});
