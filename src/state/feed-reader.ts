// Reading a fetched feed on the page (#11): a well-formed feed is read at once; one that fails to
// parse first loads the repair and the plain-words failures (feed.ts), which a first view of a
// healthy feed does not need. A big feed is first read in slices (feed-slices.ts, #15).
import { readWellFormedFeed } from '../core/feed/document.ts';
import type { FeedParseOutcome } from '../core/feed/feed.ts';

export const REPAIR_LOAD_FAILED =
  'This feed needs repairs before it can be read, and the code for that could not be loaded (the connection may have dropped).';

export async function readFeed(
  text: string,
  finalUrl: string,
  parseXml: (xml: string) => Document,
): Promise<FeedParseOutcome> {
  const read = readWellFormedFeed(text, finalUrl, { parseXml });
  if (read) return read;
  try {
    return (await import('../core/feed/feed.ts')).parseFeed(text, finalUrl, { parseXml });
  } catch {
    return { ok: false, reason: 'malformed', message: REPAIR_LOAD_FAILED };
  }
}
