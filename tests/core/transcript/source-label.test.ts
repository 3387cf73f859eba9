// Where the transcript came from, in the listener's words (#11).
import { expect, it } from 'vitest';
import { sourceLabel } from '../../../src/core/transcript/source.ts';

it('names each transcript source', () => {
  expect(sourceLabel('vtt')).toBe("publisher's WebVTT file");
  expect(sourceLabel('srt')).toBe("publisher's SRT file");
  expect(sourceLabel('json')).toBe("publisher's JSON transcript");
  expect(sourceLabel('html')).toBe("publisher's HTML transcript");
  expect(sourceLabel('text')).toBe("publisher's text transcript");
  expect(sourceLabel('show-notes')).toBe('show notes');
  expect(sourceLabel('none')).toBe('none');
});
