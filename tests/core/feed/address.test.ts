// The feed field accepts what people paste and type (#14).
import { describe, expect, it } from 'vitest';
import { feedAddress } from '../../../src/core/feed/address.ts';

describe('feedAddress', () => {
  it('keeps full http and https addresses', () => {
    expect(feedAddress('https://example.com/feed.xml')).toEqual({
      url: 'https://example.com/feed.xml',
      added: false,
    });
    expect(feedAddress('  http://example.com/rss ')).toEqual({
      url: 'http://example.com/rss',
      added: false,
    });
  });

  it('adds https:// to an address typed without one', () => {
    expect(feedAddress('example.com/feed')).toEqual({
      url: 'https://example.com/feed',
      added: true,
    });
    expect(feedAddress('//feeds.example.org/show')).toEqual({
      url: 'https://feeds.example.org/show',
      added: true,
    });
    expect(feedAddress('localhost:8080/feed.xml')).toEqual({
      url: 'https://localhost:8080/feed.xml',
      added: true,
    });
  });

  it('refuses what cannot be a feed address', () => {
    for (const typed of ['', 'feed', 'ftp://example.com/x', 'javascript:alert(1)', 'a b.com'])
      expect(feedAddress(typed)).toBeNull();
  });
});
