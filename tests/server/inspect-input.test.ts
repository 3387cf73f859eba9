// inspectInput in-process: inputs that cannot be read at all become error documents (CONTRACT.md
// "`npm run inspect`": `{ kind: "error", input, message }`, exit 1).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../../src/server/inspect/inspect.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inspect-input-'));
  await writeFile(
    join(dir, 'episode.mp3'),
    Buffer.concat([Buffer.from('ID3\x04\0', 'latin1'), Buffer.alloc(200, 7)]),
  );
  await writeFile(
    join(dir, 'frames'),
    Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(200)]),
  );
  await writeFile(
    join(dir, 'blob.bin'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  );
  await writeFile(join(dir, 'notes.txt'), 'Just some words without any times.\n');
});

describe('inputs that are not a feed, transcript or chapters file', () => {
  it.each(['episode.mp3', 'frames'])('an audio file (%s) is an error document', async (name) => {
    const doc = await inspectInput(join(dir, name));
    expect(doc).toEqual({
      kind: 'error',
      input: join(dir, name),
      message: expect.stringMatching(/audio/),
    });
  });

  it('a binary file is an error document', async () => {
    const doc = await inspectInput(join(dir, 'blob.bin'));
    expect(doc.kind).toBe('error');
    expect(doc['message']).toMatch(/binary/);
  });

  it('a plain text file is still read (as a transcript with an issue)', async () => {
    const doc = await inspectInput(join(dir, 'notes.txt'));
    expect(doc.kind).toBe('transcript');
  });
});

// Found by an audit with files Verbatim had never seen (#15).
describe('JSON that does not parse, and files declared as another format', () => {
  it('a chapters file cut short or with a trailing comma is an error document, not an empty transcript', async () => {
    await writeFile(
      join(dir, 'comma.json'),
      '{"version":"1.2.0","chapters":[{"startTime":0,"title":"A"},]}',
    );
    await writeFile(join(dir, 'cut.json'), '{"version":"1.0.0","segments":[{"startTime":1,"bo');
    for (const name of ['comma.json', 'cut.json']) {
      const doc = await inspectInput(join(dir, name));
      expect(doc).toEqual({
        kind: 'error',
        input: join(dir, name),
        message: expect.stringMatching(/not valid JSON/),
      });
    }
  });

  it('a text transcript opening with `[00:00:01]` is read as text, not refused as JSON', async () => {
    await writeFile(
      join(dir, 'bracketed.txt'),
      '[00:00:01] Ana: Hello there.\n[00:00:04] Ben: Hi.\n',
    );
    const doc = await inspectInput(join(dir, 'bracketed.txt'));
    expect(doc['issues']).toEqual([]);
    expect(doc['turns']).toEqual([
      { start: 1, end: 4, speaker: 'Ana', text: 'Hello there.' },
      expect.objectContaining({ start: 4, speaker: 'Ben', text: 'Hi.' }),
    ]);
  });

  it('--episode: a file declared as another format is read as what it is, and its issues are listed', async () => {
    await writeFile(
      join(dir, 'mislabelled.srt'),
      '1\n00:00:01,000 --> 00:00:03,000\nBob: Hello there.\n\n2\n00:00:03,000 --> 00:00:05,000\nCarol: Hi Bob.\n',
    );
    await writeFile(
      join(dir, 'unsorted.vtt'),
      'WEBVTT\n\n00:00:05.000 --> 00:00:06.000\n<v Dee>Second.\n\n00:00:01.000 --> 00:00:02.000\n<v Dee>First.\n',
    );
    await writeFile(
      join(dir, 'feed.xml'),
      `<?xml version="1.0"?><rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Mislabels</title>
<item><title>Typed wrong</title><guid>m1</guid><enclosure url="https://example.com/a.mp3" type="audio/mpeg" length="1"/>
<podcast:transcript url="mislabelled.srt" type="text/html"/></item>
<item><title>Unsorted</title><guid>m2</guid><itunes:duration>600</itunes:duration><enclosure url="https://example.com/b.mp3" type="audio/mpeg" length="1"/>
<podcast:transcript url="unsorted.vtt" type="text/vtt"/><description>00:00 Start&lt;br&gt;05:00 Middle&lt;br&gt;59:00 After the end</description></item>
</channel></rss>`,
    );
    const typed = await inspectInput(join(dir, 'feed.xml'), { episode: 'm1' });
    const t1 = (typed['episodes'] as Array<{ timeline?: { source: string; turns: unknown[] } }>)[0]!
      .timeline!;
    expect(t1.source).toBe('srt');
    // Read as SRT (as HTML it was one line of timing-line debris: ",000 --> 00:00:03,000 …").
    expect(t1.turns).toEqual([
      { start: 1, end: 5, speaker: null, text: 'Bob: Hello there. Carol: Hi Bob.' },
    ]);
    const unsorted = await inspectInput(join(dir, 'feed.xml'), { episode: 'm2' });
    expect(unsorted['issues']).toEqual([
      expect.stringMatching(/^Episode “Unsorted”: The cues were out of order/),
      expect.stringMatching(
        /^Episode “Unsorted”: A chapter in the show notes starts after the episode ends/,
      ),
    ]);
  });
});

describe('empty files and other schemes (#15, from the audit)', () => {
  it('a transcript with no cues and a chapters file with no chapters say so', async () => {
    await writeFile(join(dir, 'empty.vtt'), 'WEBVTT\n');
    await writeFile(join(dir, 'none.json'), '{"version":"1.2.0","chapters":[]}');
    expect((await inspectInput(join(dir, 'empty.vtt')))['issues']).toEqual([
      'The file has no cues.',
    ]);
    expect((await inspectInput(join(dir, 'none.json')))['issues']).toEqual([
      'The file lists no chapters.',
    ]);
  });

  it('an ftp: or file: address is refused by its scheme, not reported as a missing file', async () => {
    for (const input of ['ftp://example.com/feed.xml', 'file:///etc/passwd']) {
      expect(await inspectInput(input)).toEqual({
        kind: 'error',
        input,
        message: expect.stringMatching(/^Only http and https addresses can be read/),
      });
    }
  });
});
