// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { parseFeed } from '../../../src/core/feed/feed.ts';

const feed = (inner: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:pod="https://podcastindex.org/namespace/1.0"><channel><title>S</title>
<item><title>E</title><guid>e1</guid><enclosure url="https://a.example/e.mp3" type="audio/mpeg"/>${inner}</item>
</channel></rss>`;
const parse = (inner: string) => {
  const out = parseFeed(feed(inner), 'https://a.example/feed', {
    parseXml: (s) => new DOMParser().parseFromString(s, 'application/xml'),
  });
  if (!out.ok) throw new Error(out.message);
  return out.value.episodes[0]!;
};

describe('podcast:soundbite', () => {
  test('read by namespace URI, sorted, titles trimmed, invalid ones skipped', () => {
    const episode = parse(`
      <pod:soundbite startTime="73.5" duration="12">  The valve
        that outlived its owner </pod:soundbite>
      <pod:soundbite startTime="10" duration="8.25"/>
      <pod:soundbite startTime="-4" duration="10">negative</pod:soundbite>
      <pod:soundbite startTime="20" duration="0">empty</pod:soundbite>
      <pod:soundbite startTime="abc" duration="5">garbage</pod:soundbite>`);
    expect(episode.soundbites).toEqual([
      { start: 10, duration: 8.25, title: '' },
      { start: 73.5, duration: 12, title: 'The valve that outlived its owner' },
    ]);
  });
  test('absent when there are none', () => {
    expect(parse('').soundbites).toBeUndefined();
  });
});
