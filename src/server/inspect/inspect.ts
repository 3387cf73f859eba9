// One inspect input → its JSON document (CONTRACT.md, "`npm run inspect` output"; #15). Runs
// the page's own parsers and source sequence; only reading files and URLs is Node's.
import { parseChaptersJson } from '../../core/chapters/json.ts';
import type { ParseIssue } from '../../core/model.ts';
import { parseFeed } from '../../core/feed/feed.ts';
import { parseTranscriptFile } from '../../core/transcript/read.ts';
import { prepareEntities } from '../../core/transcript/entities.ts';
import { loadEpisodeTimeline } from '../../state/episode-sources.ts';
import type { Fetched } from '../../state/fetcher.ts';
import { detectInput } from './detect.ts';
import { parseHtml, parseXml } from './dom.ts';
import {
  chaptersDocument,
  errorDocument,
  feedDocument,
  sentence,
  timelineJson,
  transcriptDocument,
} from './documents.ts';
import { readInput } from './read-input.ts';

export interface InspectOptions {
  /** The guid of the episode whose timeline to add (feeds only). */
  episode?: string;
  /** The listener's language, for choosing among transcripts. */
  language?: string;
}

export type InspectDocument = Record<string, unknown> & { kind: string };

async function feedOf(fetched: Fetched, input: string, options: InspectOptions) {
  const result = parseFeed(fetched.text, fetched.finalUrl, { parseXml });
  if (!result.ok) return errorDocument(input, result.message);
  const doc = feedDocument(result.value, result.errors);
  if (options.episode === undefined) return doc;
  const at = result.value.episodes.findIndex((e) => e.guid === options.episode);
  const episode = result.value.episodes[at];
  const json = doc.episodes[at];
  if (!episode || !json) {
    doc.issues.push(sentence(`No episode has the guid “${options.episode}”`));
    return doc;
  }
  const problems: string[] = [];
  const timeline = await loadEpisodeTimeline(episode, {
    fetch: (url, kind) => readInput(url, kind),
    parseHtml,
    language: options.language ?? 'en',
    report: (message) => problems.push(message),
  });
  json.timeline = timelineJson(timeline);
  doc.issues.push(
    ...[...problems, ...timeline.issues].map((p) => sentence(`Episode “${episode.title}”: ${p}`)),
  );
  return doc;
}

/** A file that read to nothing, with no problem to say why, gets `none` as its issue. */
const saidEmpty = (found: unknown[], errors: ParseIssue[], none: string): ParseIssue[] =>
  found.length === 0 && errors.length === 0 ? [{ message: none }] : errors;

/** Reads, detects and parses one input. Never throws: failures become error documents. */
export async function inspectInput(
  input: string,
  options: InspectOptions = {},
): Promise<InspectDocument> {
  let fetched: Fetched;
  try {
    fetched = await readInput(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'The input could not be read.';
    return errorDocument(input, message);
  }
  try {
    const what = detectInput(fetched.text, fetched.contentType, fetched.finalUrl);
    if (what.kind === 'unreadable') return errorDocument(input, what.message);
    if (what.kind === 'feed') return await feedOf(fetched, input, options);
    if (what.kind === 'chapters') {
      const { value, errors } = parseChaptersJson(fetched.text, fetched.finalUrl, {
        includeSilent: true,
      });
      return chaptersDocument(value, saidEmpty(value, errors, 'The file lists no chapters.'));
    }
    await prepareEntities(fetched.text);
    const { value, errors } = parseTranscriptFile(fetched.text, what.format, parseHtml);
    return transcriptDocument(
      what.format,
      value,
      saidEmpty(value, errors, 'The file has no cues.'),
    );
  } catch {
    // Parsers never throw; this is a last guard so one input cannot end the run.
    return errorDocument(input, 'The input could not be read: something unexpected failed.');
  }
}
