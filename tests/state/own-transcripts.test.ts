// The listener's own transcript (#15): what is kept per episode, which transcript shows, and how
// refused files, corrupt storage and a listener who moved on are handled.
import { describe, expect, test } from 'vitest';
import type { FoundTranscript } from '../../src/state/episode-sources.ts';
import {
  MAX_TRANSCRIPT_BYTES,
  fileKind,
  fileSize,
  isOwnRecord,
  ownKey,
  showsOwn,
} from '../../src/state/own-transcript-file.ts';
import { OwnTranscripts } from '../../src/state/own-transcripts.svelte.ts';
import { Store, type KeyValueStore, type StoreIssue } from '../../src/state/storage.ts';

class MemoryStorage implements KeyValueStore {
  readonly data = new Map<string, string>();
  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

const FEED = 'https://example.test/feed.xml';
const MINE = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Wren Hollis>Low water at noon, they said.

00:00:05.000 --> 00:00:08.000
<v Juno Pell>They always say noon.
`;
const SRT = `1
00:00:02,000 --> 00:00:03,000
Wren Hollis: A second file.
`;
const PUBLISHED: FoundTranscript = {
  turns: [{ start: 0, end: 2, speaker: 'Host', text: 'Hello.', cues: [] }],
  source: 'srt',
  issues: [],
  language: 'en',
};

function setup(storage = new MemoryStorage()) {
  const issues: StoreIssue[] = [];
  const store = new Store(storage, (issue) => issues.push(issue));
  const shown: Array<FoundTranscript | null> = [];
  const alerts: string[] = [];
  const own = new OwnTranscripts(
    store,
    { showTranscript: (found) => shown.push(found), alert: (m) => alerts.push(m) },
    null,
  );
  return { storage, store, own, shown, alerts, issues };
}

const file = (text: string, name = 'mine.vtt', type = 'text/vtt') =>
  new File([text], name, { type });

describe('own transcript files', () => {
  test('kind from type and name; a web page saved as text is HTML', () => {
    expect(fileKind('a.vtt', '', '')).toBe('vtt');
    expect(fileKind('a.SRT', '', '')).toBe('srt');
    expect(fileKind('a', 'application/json', '')).toBe('json');
    expect(fileKind('a.txt', 'text/plain', '<!DOCTYPE html><p>x</p>')).toBe('html');
    expect(fileKind('a.txt', 'text/plain', '00:01 Wren: hi')).toBe('text');
  });

  test("the listener's file shows when chosen or when it is the only one", () => {
    expect(showsOwn(true, false, undefined)).toBe(true);
    expect(showsOwn(true, true, undefined)).toBe(false); // the publisher's is the default
    expect(showsOwn(true, true, 'own')).toBe(true);
    expect(showsOwn(true, true, 'publisher')).toBe(false);
    expect(showsOwn(false, true, 'own')).toBe(false);
    expect(showsOwn(false, false, 'own')).toBe(false);
  });

  test('sizes in words; records checked for shape and size', () => {
    expect(fileSize(820_400)).toBe('820 KB');
    expect(fileSize(3_400_000)).toBe('3.4 MB');
    const good = { name: 'a.vtt', kind: 'vtt', text: 'WEBVTT', at: 1 };
    expect(isOwnRecord(good)).toBe(true);
    expect(isOwnRecord({ ...good, kind: 'psc' })).toBe(false);
    expect(isOwnRecord({ ...good, text: 'x'.repeat(MAX_TRANSCRIPT_BYTES + 1) })).toBe(false);
    expect(isOwnRecord({ ...good, at: '1' })).toBe(false);
  });
});

describe('OwnTranscripts', () => {
  test('added, shown, kept per episode, read again on the next visit', async () => {
    const { storage, own, shown } = setup();
    await own.open(FEED, 'ep1');
    expect(own.choose(null)).toBeNull();
    expect(await own.add(file(MINE))).toBe(true);
    expect(shown.at(-1)?.turns.map((t) => [t.start, t.speaker])).toEqual([
      [1, 'Wren Hollis'],
      [5, 'Juno Pell'],
    ]);
    expect(own.label).toBe('your WebVTT file “mine.vtt”');

    const next = setup(storage);
    await next.own.open(FEED, 'ep1');
    expect(next.own.choose(null)?.turns).toHaveLength(2);
    // Another episode has none.
    await next.own.open(FEED, 'ep2');
    expect(next.own.file).toBeNull();
    expect(next.own.choose(PUBLISHED)).toBe(PUBLISHED);
  });

  test("the publisher's stays the default; the listener's pick is kept", async () => {
    const { storage, own, shown } = setup();
    storage.setItem(
      `verbatim:v1:${ownKey(FEED, 'ep1')}`,
      JSON.stringify({ name: 'mine.vtt', kind: 'vtt', text: MINE, at: 1 }),
    );
    await own.open(FEED, 'ep1');
    expect(own.choose(PUBLISHED)).toBe(PUBLISHED);
    own.use('own');
    expect(shown.at(-1)?.source).toBe('vtt');
    expect(own.showing).toBe(true);

    const next = setup(storage);
    await next.own.open(FEED, 'ep1');
    expect(next.own.choose(PUBLISHED)?.source).toBe('vtt');
    next.own.use('publisher');
    expect(next.shown.at(-1)).toBe(PUBLISHED);
    const third = setup(storage);
    await third.own.open(FEED, 'ep1');
    expect(third.own.choose(PUBLISHED)).toBe(PUBLISHED);
  });

  test('too big or unreadable: refused in words, nothing kept, what was shown stays', async () => {
    const { storage, own, alerts, shown } = setup();
    await own.open(FEED, 'ep1');
    own.choose(PUBLISHED);
    const big = file('x'.repeat(MAX_TRANSCRIPT_BYTES + 1));
    expect(await own.add(big)).toBe(false);
    expect(alerts.at(-1)).toBe(
      "“mine.vtt” is 1.0 MB: transcripts of up to 1.0 MB can be added. Nothing was added. The publisher's transcript is still shown.",
    );
    expect(await own.add(file('no times here at all', 'notes.txt', 'text/plain'))).toBe(false);
    expect(alerts.at(-1)).toMatch(/^No timed transcript could be read from “notes.txt”/);
    expect(storage.data.size).toBe(0);
    expect(shown).toEqual([]);
    // A good file, then a bad replacement: the good one is said to be kept.
    await own.add(file(MINE));
    await own.add(file('garbage', 'b.json', 'application/json'));
    expect(alerts.at(-1)).toMatch(/Nothing was added\. Your transcript “mine.vtt” is kept\.$/);
    expect(own.file?.name).toBe('mine.vtt');
  });

  test('corrupt storage is skipped once, other saved data untouched', async () => {
    const storage = new MemoryStorage();
    storage.setItem(`verbatim:v1:${ownKey(FEED, 'ep1')}`, '{"name": broken');
    storage.setItem('verbatim:v1:reading-look', '{"size":"large"}');
    const { own, issues } = setup(storage);
    await own.open(FEED, 'ep1');
    expect(own.file).toBeNull();
    expect(own.choose(PUBLISHED)).toBe(PUBLISHED);
    expect(issues.map((i) => i.kind)).toEqual(['corrupt']);
    expect(storage.data.get('verbatim:v1:reading-look')).toBe('{"size":"large"}');
  });

  test('a kept file that no longer reads is said, not shown', async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      `verbatim:v1:${ownKey(FEED, 'ep1')}`,
      JSON.stringify({ name: 'old.srt', kind: 'srt', text: 'nothing timed', at: 1 }),
    );
    const { own, alerts } = setup(storage);
    await own.open(FEED, 'ep1');
    expect(own.file).toBeNull();
    expect(alerts).toEqual([
      'Your transcript “old.srt” could not be read again, so it is not shown. The episode still plays.',
    ]);
  });

  test('removed, then undone', async () => {
    const { storage, own, shown } = setup();
    await own.open(FEED, 'ep1');
    own.choose(PUBLISHED);
    await own.add(file(SRT, 'second.srt', ''));
    expect(shown.at(-1)?.source).toBe('srt');
    expect(shown.at(-1)?.turns[0]?.start).toBe(2);
    const undo = own.remove();
    expect(shown.at(-1)).toBe(PUBLISHED);
    expect(storage.data.size).toBe(0);
    undo();
    expect(own.file?.name).toBe('second.srt');
    expect(own.showing).toBe(true);
    expect(storage.data.has(`verbatim:v1:${ownKey(FEED, 'ep1')}`)).toBe(true);
  });

  test('a listener who moved on: the late read of the old episode is dropped', async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      `verbatim:v1:${ownKey(FEED, 'ep1')}`,
      JSON.stringify({ name: 'one.vtt', kind: 'vtt', text: MINE, at: 1 }),
    );
    const { own } = setup(storage);
    const first = own.open(FEED, 'ep1');
    const second = own.open(FEED, 'ep2');
    await Promise.all([first, second]);
    expect(own.file).toBeNull();
  });
});
