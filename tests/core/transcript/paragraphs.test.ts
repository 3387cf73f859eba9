// @vitest-environment jsdom
// Paragraphs inside turns (#14): the source's breaks survive into the turn, cues are grouped.
import { describe, expect, it } from 'vitest';
import type { SpokenCue, Turn } from '../../../src/core/model.ts';
import { findNotesTranscript } from '../../../src/core/show-notes/transcript.ts';
import { collapseKeepingBreaks } from '../../../src/core/text/paragraphs.ts';
import { parseTranscriptHtml } from '../../../src/core/transcript/html.ts';
import { cuesToTurns } from '../../../src/core/transcript/turns.ts';

const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
/** The turn's paragraphs as text. */
const paragraphs = (turn: Turn): string[] => {
  const at = [0, ...(turn.paragraphs ?? []), turn.text.length];
  return at.slice(1).map((end, k) => turn.text.slice(at[k], end).trim());
};

describe('paragraphs inside turns (#14)', () => {
  it('keeps the show notes’ untimed paragraphs as paragraphs of the turn above', () => {
    const html = `<h3>Transcript</h3>
      <p>[00:00:06] <strong>Ada Park:</strong> First paragraph.</p>
      <p>Second paragraph, same turn.</p><p>  Third.  </p>
      <p>[00:00:40] <strong>Cy Dunn:</strong> Next.</p>
      <p>[00:00:50] <strong>Cy Dunn:</strong> A timed paragraph by the same speaker.</p>`;
    const turns = cuesToTurns(findNotesTranscript(html, parseHtml, null).value);
    expect(turns.map(paragraphs)).toEqual([
      ['First paragraph.', 'Second paragraph, same turn.', 'Third.'],
      ['Next.', 'A timed paragraph by the same speaker.'],
    ]);
    expect(turns[0]!.text).toBe('First paragraph. Second paragraph, same turn. Third.');
  });

  it('keeps an HTML transcript’s <p>s inside one turn', () => {
    const html =
      '<cite>Ada:</cite><time>0:01</time><p>One.</p><p>Two,\n  still two.</p><cite>Ben:</cite><time>0:09</time><p>Three.</p>';
    const turns = cuesToTurns(parseTranscriptHtml(html, parseHtml).value);
    expect(turns.map(paragraphs)).toEqual([['One.', 'Two, still two.'], ['Three.']]);
  });

  it('groups cues without paragraphs at sentence ends once a paragraph is long, and at pauses', () => {
    const sentence = 'This sentence is about forty characters.';
    const cues: SpokenCue[] = [];
    for (let k = 0; k < 12; k++)
      cues.push({ start: k * 3, end: k * 3 + 2.9, text: sentence, speaker: 'Ada' });
    // A long pause before the last cue.
    cues.push({ start: 60, end: 62, text: 'After a pause.', speaker: 'Ada' });
    const [turn] = cuesToTurns(cues);
    const paras = paragraphs(turn!);
    expect(paras.length).toBe(3);
    expect(paras[0]!.length).toBeGreaterThanOrEqual(360);
    expect(paras.at(-1)).toBe('After a pause.');
  });

  it('keeps one paragraph for a short turn of cues', () => {
    const [turn] = cuesToTurns([
      { start: 0, end: 2, text: 'Hello there.', speaker: 'Ada' },
      { start: 2, end: 4, text: 'How are you?', speaker: 'Ada' },
    ]);
    expect(turn!.paragraphs).toBeUndefined();
  });

  it('moves breaks through whitespace collapsing', () => {
    expect(collapseKeepingBreaks('  One.  \n\n  Two.\n Three. ', [8, 17])).toEqual({
      text: 'One. Two. Three.',
      breaks: [5, 10],
    });
    expect(collapseKeepingBreaks('One.', [0, 4])).toEqual({ text: 'One.', breaks: [] });
  });
});
