// The readers loaded on demand (#11): WebVTT is read at once, the others arrive by import(); a
// reader that cannot be loaded is said in words and the episode still plays.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Episode } from '../../src/core/model.ts';

const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ada>Hello there.\n';
const SRT = '1\n00:00:01,000 --> 00:00:04,000\nAda: Hello there.\n';

function episode(): Episode {
  return {
    guid: 'ep-1',
    title: 'One',
    transcripts: [{ url: 'https://example.com/t.srt', type: 'application/x-subrip' }],
    notesHtml: '',
  } as unknown as Episode;
}

afterEach(() => {
  vi.doUnmock('../../src/core/transcript/read.ts');
  vi.resetModules();
});

describe('readTranscript', () => {
  it('reads WebVTT, even served as plain text, and the other kinds through their loaded reader', async () => {
    const { readTranscript } = await import('../../src/state/readers.ts');
    expect((await readTranscript(VTT, 'vtt'))?.value[0]?.speaker).toBe('Ada');
    expect((await readTranscript(VTT, 'text'))?.value[0]?.text).toBe('Hello there.');
    expect((await readTranscript(SRT, 'srt'))?.value[0]?.text).toContain('Hello there.');
  });

  it('gives null, not a throw, when a reader cannot be loaded; WebVTT still reads', async () => {
    vi.doMock('../../src/core/transcript/read.ts', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { readTranscript } = await import('../../src/state/readers.ts');
    await expect(readTranscript(SRT, 'srt')).resolves.toBeNull();
    expect((await readTranscript(VTT, 'vtt'))?.value).toHaveLength(1);
  });

  it('says in words that the transcript could not be read, and the episode still plays', async () => {
    vi.doMock('../../src/core/transcript/read.ts', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { findTranscript } = await import('../../src/state/episode-sources.ts');
    const reports: string[] = [];
    const found = await findTranscript(episode(), {
      fetch: async (url) => ({ text: SRT, finalUrl: url, contentType: 'application/x-subrip' }),
      parseHtml: null,
      language: 'en',
      report: (message) => reports.push(message),
    });
    expect(found).toBeNull();
    expect(reports).toEqual([
      'The transcript file could not be read: its reader did not load (the connection may have dropped). The episode still plays.',
    ]);
  });
});
