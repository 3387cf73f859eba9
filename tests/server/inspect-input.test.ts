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
