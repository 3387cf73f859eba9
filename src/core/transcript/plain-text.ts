// Plain-text transcripts (`text/plain`): `00:00:06 Ada Park: text`, `[00:06] Ada: text`,
// `Ada Park (00:00:06): text`, or a `Name 0:06` line followed by paragraphs.
import type { ParseResult, SpokenCue } from '../model.ts';
import { linesToCues } from '../text/timed-transcript.ts';

export interface TextTranscriptOptions {
  /** Episode length in seconds, when known. */
  duration?: number | null;
  /** Names known to be speakers (from the feed). */
  speakers?: readonly string[];
}

/** Splits on CRLF, LF and lone CR; trims each line and drops blank ones. */
export function textLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = raw.replace(/[\s\u00a0]+/g, ' ').trim();
    if (line !== '') out.push(line);
  }
  return out;
}

/** Parses a plain-text transcript. Never throws; without any times the value is empty. */
export function parseTranscriptText(
  input: string,
  options: TextTranscriptOptions = {},
): ParseResult<SpokenCue[]> {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : '';
  const lines = textLines(text);
  if (lines.length === 0) {
    return { value: [], errors: [{ message: 'The text transcript is empty.' }] };
  }
  const result = linesToCues(lines, {
    duration: options.duration ?? null,
    speakers: options.speakers ?? [],
    where: 'in the text transcript',
  });
  if (result.value.length === 0 && result.errors.length === 0) {
    result.errors.unshift({
      message: 'The text transcript has no times, so it cannot follow the audio; it was not used.',
    });
  }
  return result;
}
