// @vitest-environment jsdom
import { it } from 'vitest';
import { parse, fixtureText, fixtureBytes } from '../fixtures/feeds/load.ts';
import { decodeBytes } from '../../src/core/decode.ts';
it('dump', () => {
  for (const n of ['substack.xml','podlove.xml','odd-prefixes.xml','traps.xml','atom-podcast.xml','atom-news.xml','sloppy.xml','truncated.xml','html-page.html','latin1.xml','utf16le-bom.xml']) {
    const text = n.includes('16') || n.includes('latin') ? decodeBytes(fixtureBytes(n)).text : fixtureText(n);
    console.log(n, JSON.stringify(parse(text), null, 1));
  }
});
