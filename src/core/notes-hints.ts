// Does an episode's show notes hold a transcript or chapters? A cheap guess for the episode
// list's badges (#14), made without parsing HTML into a document: the full reader
// (show-notes/) runs only on the episode that is opened.
import { parseTimedLine, timedLabel } from './text/timed-line.ts';

export interface NotesHints {
  transcript: boolean;
  chapters: boolean;
}

const NONE: NotesHints = { transcript: false, chapters: false };
const BREAKS = /<(?:br|hr)\b[^>]*>|<\/(?:p|li|h[1-6]|div|blockquote|tr|dt|dd)\s*>/gi;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const TRANSCRIPT_HEADING = /^(?:[a-z-]+\s+){0,2}transcript(?:ion)?s?\b.{0,30}$/i;
/** Below this many clock-like times the notes can hold neither. */
const MIN_TIMES = 2;

function textLines(html: string): string[] {
  return html
    .replace(BREAKS, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** A guess, from the notes' timed lines, at whether they hold a transcript and chapters. Never throws. */
export function notesHints(html: string): NotesHints {
  if (!html || (html.match(/\d:\d\d/g)?.length ?? 0) < MIN_TIMES) return NONE;
  const lines = textLines(html);
  const timed = lines.map((line) => (line.length > 2000 ? null : parseTimedLine(line)));
  const names = timed.map((t) => (t === null ? null : (timedLabel(t)?.name ?? null)));
  const counts = new Map<string, number>();
  for (const name of names) if (name !== null) counts.set(name, (counts.get(name) ?? 0) + 1);
  const heading = lines.findIndex(
    (line, k) => timed[k] === null && line.length <= 60 && TRANSCRIPT_HEADING.test(line),
  );
  let turns = 0;
  let chapters = 0;
  for (let k = 0; k < lines.length; k++) {
    if (timed[k] === null) continue;
    const name = names[k];
    const inTranscript = heading >= 0 && k > heading;
    if (inTranscript || (name != null && (counts.get(name) ?? 0) >= 2)) turns++;
    else chapters++;
  }
  return {
    transcript: (heading >= 0 && turns > 0) || turns >= 3,
    chapters: chapters >= 2,
  };
}
