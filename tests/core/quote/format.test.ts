// Quote any passage: what the clipboard and the export carry (core/quote-format.ts).
import { describe, expect, test } from 'vitest';
import type { Turn } from '../../../src/core/model.ts';
import { buildQuote, type Quote } from '../../../src/core/quote/quote.ts';
import {
  escapeMarkdown,
  exportMarkdown,
  quoteHtml,
  quoteSoundbite,
  quoteText,
} from '../../../src/core/quote/format.ts';
import { CONTEXT, WORD_TURNS } from './fixtures.ts';

const DEPS = { now: () => 1_700_000_000_000, random: () => 0.5 };
const ada = WORD_TURNS[0] as Turn;

function quote(from: number, to: number, toTurn = 0): Quote {
  const q = buildQuote(
    WORD_TURNS,
    { turn: 0, offset: from },
    { turn: toTurn, offset: to },
    CONTEXT,
    DEPS,
  );
  if (!q) throw new Error('no quote');
  return q;
}

const ONE = quote(ada.text.indexOf('nobody'), ada.text.length);
const TWO = quote(ada.text.indexOf('nobody'), 'Until somebody'.length, 1);

/** A quote whose every field is hostile to HTML, Markdown and XML. */
const HOSTILE: Quote = {
  ...ONE,
  text: '<script>alert("x")</script> & *bold* _it_ [link](javascript:x) `code` ~~gone~~ &amp; \u0001',
  speakers: ['Ada <b>Park</b>'],
  episodeTitle: 'Q&A: "Quotes" <i>',
  showTitle: "It's # [show]",
};

describe('quoteText', () => {
  test('plain text: words, speaker, episode, show, time and link on one line', () => {
    expect(quoteText(ONE)).toMatchInlineSnapshot(
      `"“nobody reads them.” — Ada Park, “Reading the archive” (Verbatim Radio), 12:07 https://verbatim.example/app/?feed=https%3A%2F%2Ffeeds.example%2Fshow.xml&episode=ep-42&t=727&end=730"`,
    );
    expect(quoteText(TWO, 'plain')).toMatchInlineSnapshot(
      `"“nobody reads them. Until somebody” — Ada Park, Tomás Ruiz, “Reading the archive” (Verbatim Radio), 12:07 https://verbatim.example/app/?feed=https%3A%2F%2Ffeeds.example%2Fshow.xml&episode=ep-42&t=727&end=733"`,
    );
  });

  test('plain text leaves out what is unknown', () => {
    const bare: Quote = { ...ONE, speakers: [], showTitle: '', link: '' };
    expect(quoteText(bare)).toMatchInlineSnapshot(
      `"“nobody reads them.” — “Reading the archive”, 12:07"`,
    );
    expect(quoteText({ ...bare, episodeTitle: '', showTitle: 'Show' })).toMatchInlineSnapshot(
      `"“nobody reads them.” — Show, 12:07"`,
    );
  });

  test('markdown: a blockquote with the attribution and a linked time', () => {
    expect(quoteText(TWO, 'markdown')).toMatchInlineSnapshot(`
      "> “nobody reads them. Until somebody”
      >
      > — Ada Park, Tomás Ruiz, “Reading the archive” (Verbatim Radio), [12:07](https://verbatim.example/app/?feed=https%3A%2F%2Ffeeds.example%2Fshow.xml&episode=ep-42&t=727&end=733)"
    `);
  });

  test('markdown escapes what would change the meaning of the words', () => {
    expect(quoteText(HOSTILE, 'markdown')).toMatchInlineSnapshot(`
      "> “\\<script\\>alert("x")\\</script\\> & \\*bold\\* \\_it\\_ \\[link\\](javascript:x) \\\`code\\\` \\~\\~gone\\~\\~ \\&amp; ”
      >
      > — Ada \\<b\\>Park\\</b\\>, “Q&A: "Quotes" \\<i\\>” (It's # \\[show\\]), [12:07](https://verbatim.example/app/?feed=https%3A%2F%2Ffeeds.example%2Fshow.xml&episode=ep-42&t=727&end=730)"
    `);
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('a - b 12. c')).toBe('a - b 12. c');
    expect(escapeMarkdown('Q&A &copy; &#169;')).toBe('Q&A \\&copy; \\&#169;');
  });

  test('markdown link destinations cannot be closed early', () => {
    const q = { ...ONE, link: 'https://verbatim.example/a (b)/?t=1' };
    expect(quoteText(q, 'markdown')).toContain('(https://verbatim.example/a%20%28b%29/?t=1)');
  });
});

describe('an estimated time says so (#14)', () => {
  test('≈ before the clock in the text, the link label and the HTML', () => {
    const q = { ...ONE, estimated: true };
    expect(quoteText(q)).toContain(', ≈ ');
    expect(quoteText(q, 'markdown')).toMatch(/\[≈ \d+:\d\d\]\(/);
    expect(quoteHtml(q)).toMatch(/>≈ \d+:\d\d<\/a>/);
    expect(quoteText(ONE)).not.toContain('≈');
  });
});

describe('quoteHtml', () => {
  test('a blockquote with a cite and the link', () => {
    expect(quoteHtml(ONE)).toMatchInlineSnapshot(
      `"<blockquote cite="https://verbatim.example/app/?feed=https%3A%2F%2Ffeeds.example%2Fshow.xml&amp;episode=ep-42&amp;t=727&amp;end=730"><p>“nobody reads them.”</p><p>— Ada Park, <cite>“Reading the archive” (Verbatim Radio)</cite>, <a href="https://verbatim.example/app/?feed=https%3A%2F%2Ffeeds.example%2Fshow.xml&amp;episode=ep-42&amp;t=727&amp;end=730">12:07</a></p></blockquote>"`,
    );
  });

  test('every piece of text is escaped', () => {
    const html = quoteHtml(HOSTILE);
    expect(html).toMatchInlineSnapshot(
      `"<blockquote cite="https://verbatim.example/app/?feed=https%3A%2F%2Ffeeds.example%2Fshow.xml&amp;episode=ep-42&amp;t=727&amp;end=730"><p>“&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *bold* _it_ [link](javascript:x) \`code\` ~~gone~~ &amp;amp; ”</p><p>— Ada &lt;b&gt;Park&lt;/b&gt;, <cite>“Q&amp;A: &quot;Quotes&quot; &lt;i&gt;” (It&#39;s # [show])</cite>, <a href="https://verbatim.example/app/?feed=https%3A%2F%2Ffeeds.example%2Fshow.xml&amp;episode=ep-42&amp;t=727&amp;end=730">12:07</a></p></blockquote>"`,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
  });

  test('a link that is not http(s) is not linked', () => {
    const html = quoteHtml({ ...ONE, link: 'javascript:alert(1)' });
    expect(html).not.toContain('javascript');
    expect(html).not.toContain('<a ');
  });
});

describe('quoteSoundbite', () => {
  test('start time, duration and the words as the title', () => {
    expect(quoteSoundbite(ONE)).toMatchInlineSnapshot(
      `"<podcast:soundbite startTime="727.0" duration="3.0">nobody reads them.</podcast:soundbite>"`,
    );
    expect(quoteSoundbite({ ...ONE, start: 12.3456, end: 20 })).toContain(
      'startTime="12.346" duration="7.654"',
    );
  });

  test('hostile text is XML-escaped and control characters dropped', () => {
    expect(quoteSoundbite(HOSTILE)).toMatchInlineSnapshot(
      `"<podcast:soundbite startTime="727.0" duration="3.0">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *bold* _it_ [link](javascript:x) \`code\` ~~gone~~ &amp;amp; </podcast:soundbite>"`,
    );
  });
});

describe('exportMarkdown', () => {
  test('a heading, then each quote as a blockquote in the order given', () => {
    expect(exportMarkdown([TWO, ONE])).toMatchInlineSnapshot(`
      "# Saved quotes

      > “nobody reads them. Until somebody”
      >
      > — Ada Park, Tomás Ruiz, “Reading the archive” (Verbatim Radio), [12:07](https://verbatim.example/app/?feed=https%3A%2F%2Ffeeds.example%2Fshow.xml&episode=ep-42&t=727&end=733)

      > “nobody reads them.”
      >
      > — Ada Park, “Reading the archive” (Verbatim Radio), [12:07](https://verbatim.example/app/?feed=https%3A%2F%2Ffeeds.example%2Fshow.xml&episode=ep-42&t=727&end=730)
      "
    `);
  });

  test('an empty export says so', () => {
    expect(exportMarkdown([])).toMatchInlineSnapshot(`
      "# Saved quotes

      No quotes saved yet.
      "
    `);
  });
});
