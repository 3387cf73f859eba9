// The one web-address check (#11): feed links, chapter links, deep links, the feed form.
import { describe, expect, it } from 'vitest';
import { httpUrl } from '../../src/core/url.ts';

describe('httpUrl', () => {
  it.each([
    ['https://example.com/feed.xml', 'https://example.com/feed.xml'],
    ['  http://example.com/a b  ', 'http://example.com/a%20b'],
    ['HTTPS://Example.com', 'https://example.com/'],
  ])('keeps the absolute http(s) address %j', (raw, expected) => {
    expect(httpUrl(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    'ftp://example.com/x',
    'file:///etc/passwd',
    '/relative/without/base',
    'example.com/feed',
    '',
    '   ',
    'http://',
  ])('refuses %j without a base', (raw) => {
    expect(httpUrl(raw)).toBeNull();
  });

  it('refuses what is not a string (untyped JSON)', () => {
    expect(httpUrl(42)).toBeNull();
    expect(httpUrl(null)).toBeNull();
    expect(httpUrl({ href: 'https://example.com/' })).toBeNull();
  });

  it('resolves relative addresses against a base, still only http(s)', () => {
    expect(httpUrl('ep/1.mp3', 'https://example.com/show/feed.xml')).toBe(
      'https://example.com/show/ep/1.mp3',
    );
    expect(httpUrl('//cdn.example.net/a.mp3', 'https://example.com/feed')).toBe(
      'https://cdn.example.net/a.mp3',
    );
    expect(httpUrl('javascript:void(0)', 'https://example.com/feed')).toBeNull();
  });

  it('gives root-relative results against a relative base (the demo feed)', () => {
    expect(httpUrl('audio.mp3', '/demo/feed.xml')).toBe('/demo/audio.mp3');
    expect(httpUrl('https://example.com/x', '/demo/feed.xml')).toBe('https://example.com/x');
  });

  it('alternating bases each resolve against their own (the base is parsed once per feed, #15)', () => {
    const a = 'https://a.example.com/show/feed.xml';
    const b = 'https://b.example.org/other/';
    expect(httpUrl('1.mp3', a)).toBe('https://a.example.com/show/1.mp3');
    expect(httpUrl('1.mp3', b)).toBe('https://b.example.org/other/1.mp3');
    expect(httpUrl('../2.mp3', a)).toBe('https://a.example.com/2.mp3');
    expect(httpUrl('3.mp3', a)).toBe('https://a.example.com/show/3.mp3');
  });
});
