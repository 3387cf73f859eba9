// Shared transcripts and context for the quote tests.
import type { SpokenCue, Turn } from '../../../src/core/model.ts';
import type { QuoteContext } from '../../../src/core/quote/quote.ts';
import { cuesToTurns } from '../../../src/core/transcript/turns.ts';

/** A cue whose words share its time evenly (one word per space-separated piece). */
export function timedCue(speaker: string, start: number, end: number, text: string): SpokenCue {
  const pieces = text.split(' ');
  const step = (end - start) / pieces.length;
  let offset = 0;
  const words = pieces.map((piece, i) => {
    const word = { start: start + i * step, end: start + (i + 1) * step, text: piece, offset };
    offset += piece.length + 1;
    return word;
  });
  return { start, end, speaker, text, words };
}

/** Two speakers, word-timed: Ada 720–730 (two cues), Tomás 730–736. */
export const WORD_TURNS: Turn[] = cuesToTurns([
  timedCue('Ada Park', 720, 725, 'So the thing about archives'),
  timedCue('Ada Park', 725, 730, 'is that nobody reads them.'),
  timedCue('Tomás Ruiz', 730, 736, 'Until somebody does, right?'),
]);

/** Cue-timed only: each character of a cue is 1 s of its cue. */
export const CUE_TURNS: Turn[] = cuesToTurns([
  { start: 10, end: 20, speaker: 'A', text: '0123456789' },
  { start: 30, end: 40, speaker: 'A', text: 'abcdefghij' },
  { start: 40, end: 50, speaker: 'B', text: 'klmnopqrst' },
]);

/** A turn with no cues at all: 100 characters over 100 s. */
export const PLAIN_TURN: Turn = {
  start: 100,
  end: 200,
  speaker: '',
  text: 'x'.repeat(100),
  cues: [],
};

export const CONTEXT: QuoteContext = {
  feedUrl: 'https://feeds.example/show.xml',
  guid: 'ep-42',
  episodeTitle: 'Reading the archive',
  showTitle: 'Verbatim Radio',
  appBase: 'https://verbatim.example/app/',
};
