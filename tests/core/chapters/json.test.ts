// podcast:chapters titles are plain text: escapes a publisher's CMS added are read as characters.
import { describe, expect, it } from 'vitest';
import { parseChaptersJson } from '../../../src/core/chapters/json.ts';

const titles = (...chapters: Array<{ startTime: number; title: string }>) =>
  parseChaptersJson(JSON.stringify({ version: '1.2.0', chapters })).value.map((c) => c.title);

describe('JSON chapter titles', () => {
  it('decode character references a CMS escaped into them', () => {
    expect(
      titles(
        { startTime: 0, title: 'Q&amp;A with listeners' },
        { startTime: 60, title: 'Tools &mdash; old &amp; new' },
        { startTime: 120, title: 'Caf&eacute; &#8220;reviews&#x201D;' },
      ),
    ).toEqual(['Q&A with listeners', 'Tools — old & new', 'Café “reviews”']);
  });

  it('keep an ampersand, angle brackets and unknown names as written; collapse whitespace', () => {
    expect(
      titles(
        { startTime: 0, title: 'AT&T and R&D' },
        { startTime: 60, title: 'When x < y > z' },
        { startTime: 120, title: '  &notaname;   stays\n' },
      ),
    ).toEqual(['AT&T and R&D', 'When x < y > z', '&notaname; stays']);
  });
});
