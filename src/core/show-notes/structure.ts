// Where things are in show notes: section headings (Chapters, Timestamps, Transcript…) and the
// lines that make up a transcript. Chapters and transcript finders both start from here, so a
// line is never read as both a chapter and a turn.
import { htmlToLines, type NotesLine, type ParseHtml } from '../text/html-lines.ts';
import {
  parseTimedLine,
  resolveClockTimes,
  timedLabel,
  type TimedLine,
} from '../text/timed-line.ts';

export type SectionKind = 'chapters' | 'transcript' | 'other' | 'none';

export interface NotesStructure {
  lines: NotesLine[];
  timed: Array<TimedLine | null>;
  /** For each line, the kind of the nearest section heading above it. */
  section: SectionKind[];
  /** The kind of each line that is a section heading, null for other lines. */
  heading: Array<SectionKind | null>;
  /** The transcript's lines `[from, to)`, or null when the notes hold none. */
  transcript: { from: number; to: number } | null;
  /** A Transcript heading was found, but nothing under it carries a time. */
  untimedTranscript: boolean;
}

const CHAPTERS =
  /^(?:(?:episode|show|podcast|video)\s+)?(?:chapters?|chapter markers|timestamps?|time\s?stamps|time\s?codes?|sprungmarken|kapitel(?:marken)?|zeitmarken|inhalt|chapitres|capítulos|capitoli|contents|table of contents|in this episode|topics|segments|key moments|outline|episode guide|what we (?:cover|discuss(?:ed)?))(?:\s*\([^)]*\))?$/i;
const TRANSCRIPT =
  /^(?:(?:full|complete|episode|edited|automated|auto-generated|machine-generated|ai-generated|show)\s+)*(?:transcripts?|transcription|transkript(?:ion)?|transcripción|transcrição)(?:\s+(?:of|for)\s+(?:the|this)\s+(?:episode|conversation|interview|show))?(?:\s*\([^)]*\))?$/i;

function headingKind(line: NotesLine, timed: TimedLine | null): SectionKind | null {
  if (timed !== null) return null;
  // Short lines only: also keeps the trimming regexes below linear on hostile input.
  const text =
    line.text.length > 80 ? '' : line.text.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L})]+$/u, '');
  if (text.length > 0 && text.length <= 60) {
    if (CHAPTERS.test(text)) return 'chapters';
    if (TRANSCRIPT.test(text)) return 'transcript';
  }
  return line.level > 0 ? 'other' : null;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** The lines a transcript under a heading runs over: to the next heading of its rank or above. */
function headedRegion(s: NotesStructure, at: number): { from: number; to: number } {
  const own = s.lines[at]?.level || 7;
  let to = at + 1;
  for (; to < s.lines.length; to++) {
    const kind = s.heading[to];
    if (kind === 'chapters') break;
    if (kind === 'other' && (s.lines[to]?.level ?? 0) <= own) break;
  }
  return { from: at + 1, to };
}

/**
 * Timed lines minutes apart with a few words each (`00:10:00 Topic: apples`) are a chapter list,
 * whatever labels they open with: a transcript's turns follow each other within a minute or two,
 * and say more (#15: such lists were read as turns of "Topic", or as nothing).
 */
export function sparseShortLines(s: NotesStructure, lines: readonly number[]): boolean {
  const entries = lines.map((k) => s.timed[k]).filter((t): t is TimedLine => t != null);
  if (entries.length < 2) return false;
  const { seconds } = resolveClockTimes(
    entries.map((t) => t.clock),
    null,
  );
  const gaps = seconds.slice(1).map((t, k) => t - (seconds[k] ?? 0));
  return median(gaps) >= 180 && median(entries.map((t) => t.rest.length)) < 60;
}

/**
 * Without a heading, a transcript is a stretch of timed lines whose speaker labels recur (at
 * least three such lines, by two speakers or with long text), or of long timed paragraphs.
 */
function unheadedRegion(s: NotesStructure): { from: number; to: number } | null {
  const n = s.lines.length;
  const labels = s.timed.map((t) => (t === null ? null : timedLabel(t)));
  const counts = new Map<string, number>();
  for (const l of labels) if (l !== null) counts.set(l.name, (counts.get(l.name) ?? 0) + 1);
  const hits: number[] = [];
  for (let k = 0; k < n; k++) {
    const l = labels[k];
    if (l == null || (counts.get(l.name) ?? 0) < 2) continue;
    // Labels in a list under a Chapters heading are titles ("Interview: …") unless long.
    if (s.section[k] === 'chapters' && l.rest.length < 80) continue;
    hits.push(k);
  }
  const names = new Set(hits.map((k) => labels[k]?.name));
  const lengths = hits.map((k) => labels[k]?.rest.length ?? 0);
  let picked =
    hits.length >= 3 && (names.size >= 2 || median(lengths) >= 80) && !sparseShortLines(s, hits)
      ? hits
      : [];
  if (picked.length === 0) {
    const long: number[] = [];
    for (let k = 0; k < n; k++) {
      const t = s.timed[k];
      if (t != null && t.prefix === '' && s.section[k] !== 'chapters') long.push(k);
    }
    const len = long.map((k) => s.timed[k]?.rest.length ?? 0);
    if (long.length < 3 || median(len) < 100) return null;
    picked = long;
  }
  const from = picked[0] ?? 0;
  let to = (picked[picked.length - 1] ?? 0) + 1;
  while (to < n && s.timed[to] === null && s.heading[to] === null) to++;
  let timedIn = 0;
  for (let k = from; k < to; k++) if (s.timed[k] !== null) timedIn++;
  return picked.length * 2 >= timedIn ? { from, to } : null;
}

/** Reads show notes into lines, sections and the transcript's place. Never throws. */
export function readNotesStructure(html: string, parseHtml: ParseHtml): NotesStructure {
  const lines = htmlToLines(html, parseHtml);
  const timed = lines.map((l) => parseTimedLine(l.text));
  const heading = lines.map((l, k) => headingKind(l, timed[k] ?? null));
  const section: SectionKind[] = [];
  let current: SectionKind = 'none';
  for (let k = 0; k < lines.length; k++) {
    section.push(current);
    const h = heading[k];
    if (h != null) current = h;
  }
  const s: NotesStructure = {
    lines,
    timed,
    section,
    heading,
    transcript: null,
    untimedTranscript: false,
  };
  // The first few Transcript headings only: each is a scan to the next heading.
  let tries = 0;
  for (let at = 0; at < lines.length && tries < 3; at++) {
    if (heading[at] !== 'transcript') continue;
    tries++;
    const region = headedRegion(s, at);
    if (timed.slice(region.from, region.to).some((t) => t !== null)) {
      s.transcript = region;
      return s;
    }
    // A heading over real text without times (not just a "Transcript" link) is worth a word.
    let chars = 0;
    for (let k = region.from; k < region.to; k++) chars += lines[k]?.text.length ?? 0;
    if (chars >= 400 || region.to - region.from >= 3) s.untimedTranscript = true;
  }
  s.transcript = unheadedRegion(s);
  return s;
}
