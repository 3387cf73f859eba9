import { describe, expect, test } from 'vitest';
import { looksLikeHtmlPage } from '../../src/server/proxy.ts';

describe('an HTML page where a feed was asked for', () => {
  test('is recognised after a BOM, whitespace and comments; feeds and XHTML-free XML are not', () => {
    expect(looksLikeHtmlPage(Buffer.from('<!DOCTYPE html><html><body>Hi</body></html>'))).toBe(
      true,
    );
    expect(looksLikeHtmlPage(Buffer.from('\uFEFF  \n<!-- cms --><html lang="en">'))).toBe(true);
    expect(looksLikeHtmlPage(Buffer.from('<?xml version="1.0"?><rss version="2.0"></rss>'))).toBe(
      false,
    );
    expect(
      looksLikeHtmlPage(
        Buffer.from('<rss version="2.0"><channel><title>x</title></channel></rss>'),
      ),
    ).toBe(false);
    expect(looksLikeHtmlPage(Buffer.from(''))).toBe(false);
  });
});
