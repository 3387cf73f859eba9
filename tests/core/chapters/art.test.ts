// The current chapter's image (#14): silent chapters' artwork counts, a chapter without one ends it.
import { describe, expect, it } from 'vitest';
import { artAt, artTimeline } from '../../../src/core/chapters/art.ts';
import { parseChaptersJson } from '../../../src/core/chapters/json.ts';

const FILE = JSON.stringify({
  version: '1.2.0',
  chapters: [
    { startTime: 0, title: 'Opening', img: 'a.jpg', url: 'https://example.com/a' },
    { startTime: 30, toc: false, img: 'silent.jpg' },
    { startTime: 60, title: 'No picture' },
    { startTime: 90, title: 'Last', img: 'c.jpg' },
  ],
});

describe('chapter artwork', () => {
  const base = 'https://example.com/ep/chapters.json';
  const value = { chapters: parseChaptersJson(FILE, base).value };
  const art = artTimeline(parseChaptersJson(FILE, base, { includeSilent: true }).value);

  it('lists only toc chapters but keeps the silent one’s image, resolved against the file', () => {
    expect(value.chapters.map((c) => c.title)).toEqual(['Opening', 'No picture', 'Last']);
    expect(value.chapters[0]?.url).toBe('https://example.com/a');
    expect(art.map((a) => a.img)).toEqual([
      'https://example.com/ep/a.jpg',
      'https://example.com/ep/silent.jpg',
      'https://example.com/ep/c.jpg',
    ]);
  });

  it('shows the image of the last chapter begun, silent or listed', () => {
    expect(artAt(art, value.chapters, 10)).toBe('https://example.com/ep/a.jpg');
    expect(artAt(art, value.chapters, 45)).toBe('https://example.com/ep/silent.jpg');
    expect(artAt(art, value.chapters, 70)).toBeUndefined();
    expect(artAt(art, value.chapters, 95)).toBe('https://example.com/ep/c.jpg');
  });

  it('works from listed chapters alone (Podlove, show notes)', () => {
    const chapters = [
      { start: 0, title: 'A', img: 'https://x.test/a.png' },
      { start: 5, title: 'B' },
    ];
    expect(artAt(artTimeline(chapters), chapters, 2)).toBe('https://x.test/a.png');
    expect(artAt(artTimeline(chapters), chapters, 6)).toBeUndefined();
    expect(artAt([], [], 6)).toBeUndefined();
  });
});
