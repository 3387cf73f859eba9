// Where the chapters came from, in the listener's words, labelled by the chapters feature (#11).
import { expect, it } from 'vitest';
import { chaptersSourceLabel } from '../../../src/core/chapters/source-label.ts';

it('names each chapters source', () => {
  expect(chaptersSourceLabel('podcast-chapters')).toBe("publisher's chapters file");
  expect(chaptersSourceLabel('psc')).toBe('chapters in the feed');
  expect(chaptersSourceLabel('show-notes')).toBe('show notes');
  expect(chaptersSourceLabel('none')).toBe('none');
});
