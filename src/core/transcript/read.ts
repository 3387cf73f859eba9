// Turns a transcript file of any kind into speaker turns: every reader behind one call, for
// `npm run inspect` and tests. The page reads WebVTT at once and loads this on demand (#11).
import type { ParseResult, SourceKind, SpokenCue, Turn } from '../model.ts';
import type { ParseHtml } from '../text/html-lines.ts';
import { labelledCues, parseSrt } from './srt.ts';
import { parseTranscriptHtml } from './html.ts';
import { parseTranscriptJson } from './json.ts';
import { parseTranscriptText } from './plain-text.ts';
import { contentKind } from './source.ts';
import { cuesToTurns } from './turns.ts';
import { markEstimated, splitVoices } from './voices.ts';
import { parseVtt } from './vtt.ts';

function cues(text: string, declared: SourceKind, parseHtml?: ParseHtml): ParseResult<SpokenCue[]> {
  const kind = contentKind(declared, text);
  switch (kind) {
    case 'vtt': {
      const { value, errors } = parseVtt(text);
      return { value: splitVoices(labelledCues(value)), errors };
    }
    case 'srt':
      return parseSrt(text);
    case 'json':
      return parseTranscriptJson(text);
    case 'html':
      if (parseHtml === undefined) {
        return { value: [], errors: [{ message: 'HTML transcripts need an HTML parser here.' }] };
      }
      return parseTranscriptHtml(text, parseHtml);
    case 'text':
      return parseTranscriptText(text);
    default:
      return {
        value: [],
        errors: [{ message: `Transcripts of this type (${kind}) are not read yet.` }],
      };
  }
}

/**
 * Parses a transcript file of the given kind into turns. HTML transcripts need `parseHtml`
 * (the browser's DOMParser with 'text/html'); without it they give an issue and no turns.
 */
export function parseTranscriptFile(
  text: string,
  kind: SourceKind,
  parseHtml?: ParseHtml,
): ParseResult<Turn[]> {
  const { value, errors } = cues(typeof text === 'string' ? text : '', kind, parseHtml);
  return { value: markEstimated(cuesToTurns(value), value), errors };
}
