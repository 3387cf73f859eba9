// The audio's failure named by its real cause (#14): a dropped connection is not a format problem.
import { describe, expect, it } from 'vitest';
import { audioFailureMessage } from '../../src/core/audio-failure.ts';

describe('audioFailureMessage', () => {
  it('a server that cannot be reached is a dropped connection, whatever the media code says', () => {
    for (const code of [2, 4, null])
      expect(audioFailureMessage(code, { kind: 'unreachable' })).toBe(
        "The connection to the audio dropped: the publisher's server cannot be reached.",
      );
  });

  it('names the HTTP status when the server answers with an error', () => {
    const status = (s: number) => audioFailureMessage(4, { kind: 'status', status: s, type: '' });
    expect(status(404)).toBe("The audio file is no longer on the publisher's server (404).");
    expect(status(403)).toBe("The publisher's server refused to send the audio (403).");
    expect(status(503)).toBe("The publisher's server failed while sending the audio (503).");
    expect(status(429)).toBe("The publisher's server would not send the audio (429).");
  });

  it('tells a page from audio, and a decode failure from an unplayable format', () => {
    const ok = (type: string) => ({ kind: 'status' as const, status: 200, type });
    expect(audioFailureMessage(4, ok('text/html; charset=utf-8'))).toBe(
      'The audio address leads to a page (text/html), not to an audio file.',
    );
    expect(audioFailureMessage(4, ok('audio/x-weird'))).toBe(
      "This browser cannot play the audio's format (audio/x-weird).",
    );
    expect(audioFailureMessage(3, ok('audio/mpeg'))).toBe(
      'The audio file is damaged: this browser could not decode it.',
    );
    expect(audioFailureMessage(2, { kind: 'opaque' })).toBe(
      'The connection dropped while the audio was loading.',
    );
    expect(audioFailureMessage(4, { kind: 'opaque' })).toMatch(/^The publisher's server answered/);
    expect(audioFailureMessage(null, { kind: 'unknown' })).toBe('The audio could not be played.');
  });
});
