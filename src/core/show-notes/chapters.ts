// A chapter list inside show notes: lines that start with a time (`00:05:17 Title`,
// `(05:17) Title`, `[1:02:03] Title`, `57:00 - Title`), under a Chapters/Timestamps heading or as
// a run of three or more; never the transcript's lines, never times in the middle of prose.
import type { Chapter, ParseIssue, ParseResult } from '../model.ts';
import { readClock } from '../text/timestamps.ts';
import type { ParseHtml } from '../text/html-lines.ts';
import { readNotesStructure, sparseShortLines, type NotesStructure } from './structure.ts';
import { countLabels, splitLabel } from '../text/speaker-label.ts';
import { formatClock } from '../time.ts';
import { longestAscending, resolveClockTimes, type TimedLine } from '../text/timed-line.ts';

interface Run {
  lines: number[];
  /** Under a Chapters/Timestamps heading. */
  headed: boolean;
}

const LEADING_SEPARATORS = /^[\s\-–—:|.·•~>)\]*]+/;

/** The title after the time: separators dropped, and a range's end time (`00:00 - 05:17 Intro`). */
export function chapterTitle(rest: string): string {
  let title = rest.replace(LEADING_SEPARATORS, '');
  const second = readClock(title, 0);
  if (second !== null) title = title.slice(second.length).replace(LEADING_SEPARATORS, '');
  // A loop, not /[…]+$/: that regex is quadratic on long runs of separators.
  let end = title.length;
  while (end > 0 && /[\s\-–—:|]/.test(title.charAt(end - 1))) end--;
  return title.slice(0, end).trim();
}

function isEntry(t: TimedLine | null | undefined): t is TimedLine {
  return t != null && t.prefix === '' && chapterTitle(t.rest) !== '';
}

/** Runs of chapter-like lines outside the transcript; a heading or the transcript ends a run. */
function findRuns(s: NotesStructure): Run[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  const region = s.transcript;
  for (let k = 0; k < s.lines.length; k++) {
    const inTranscript = region !== null && k >= region.from && k < region.to;
    const t = s.timed[k];
    if (inTranscript || s.heading[k] != null) {
      run = null;
      continue;
    }
    if (isEntry(t)) {
      if (run === null) {
        run = { lines: [], headed: s.section[k] === 'chapters' };
        runs.push(run);
      }
      run.lines.push(k);
    } else if (run !== null && !run.headed) {
      // Under a Chapters heading, a description line between entries does not end the list.
      run = null;
    }
  }
  return runs;
}

/** A run whose entries mostly (over half) open with a recurring `Name:` is turns, not chapters. */
function looksLikeTurns(s: NotesStructure, run: Run): boolean {
  if (sparseShortLines(s, run.lines)) return false;
  const labels = run.lines.map((k) => splitLabel(s.timed[k]?.rest ?? ''));
  const counts = countLabels(labels);
  const recurring = labels.filter((l) => l !== null && (counts.get(l.name) ?? 0) >= 2).length;
  return recurring * 2 > run.lines.length;
}

function pickRun(s: NotesStructure): Run | null {
  let best: Run | null = null;
  for (const run of findRuns(s)) {
    if (run.lines.length < (run.headed ? 2 : 3)) continue;
    if (!run.headed && looksLikeTurns(s, run)) continue;
    if (
      best === null ||
      (run.headed && !best.headed) ||
      (run.headed === best.headed && run.lines.length > best.lines.length)
    ) {
      best = run;
    }
  }
  return best;
}

/** The lines `[from, to)` the chapter list was read from, its heading included, or null (#14). */
export function chaptersSpan(s: NotesStructure): { from: number; to: number } | null {
  const run = pickRun(s);
  const first = run?.lines[0];
  const last = run?.lines[run.lines.length - 1];
  if (first === undefined || last === undefined) return null;
  return { from: s.heading[first - 1] === 'chapters' ? first - 1 : first, to: last + 1 };
}

/** Chapters from an already read notes structure (see `findNotesChapters`). */
export function chaptersFromStructure(
  s: NotesStructure,
  duration: number | null,
): ParseResult<Chapter[]> {
  const errors: ParseIssue[] = [];
  const run = pickRun(s);
  if (run === null) return { value: [], errors };
  const d = duration !== null && Number.isFinite(duration) && duration > 0 ? duration : null;
  const entries = run.lines.map((k) => s.timed[k]).filter((t): t is TimedLine => t != null);
  const { seconds } = resolveClockTimes(
    entries.map((t) => t.clock),
    d,
  );
  const candidates: Chapter[] = [];
  const past: Chapter[] = [];
  entries.forEach((t, k) => {
    const start = seconds[k] ?? 0;
    const chapter: Chapter = { start, title: chapterTitle(t.rest) };
    if (d !== null && start >= d) past.push(chapter);
    else candidates.push(chapter);
  });
  const keep = new Set(longestAscending(candidates.map((c) => c.start)));
  const chapters = candidates.filter((_, k) => keep.has(k));
  const outOfOrder = candidates.filter((_, k) => !keep.has(k));
  if (past.length > 0 && d !== null) {
    const first = past[0];
    const at = `"${first?.title ?? ''}" at ${formatClock(first?.start ?? 0)}; the episode is ${formatClock(d)} long`;
    errors.push({
      message:
        past.length === 1
          ? `A chapter in the show notes starts after the episode ends (${at}); it was left out.`
          : `${past.length} chapters in the show notes start after the episode ends (first ${at}); they were left out.`,
    });
  }
  if (outOfOrder.length > 0) {
    const first = outOfOrder[0];
    const at = `"${first?.title ?? ''}" at ${formatClock(first?.start ?? 0)}`;
    errors.push({
      message:
        outOfOrder.length === 1
          ? `A chapter in the show notes is out of order (${at}); it was left out.`
          : `${outOfOrder.length} chapters in the show notes are out of order (first ${at}); they were left out.`,
    });
  }
  return { value: chapters, errors };
}

/**
 * Finds a chapter list in show notes HTML. `X:YY` times are read as minutes:seconds or
 * hours:minutes per list, using `duration`; chapters past the duration or out of order are
 * left out with an issue. Empty, with no issue, when the notes have no chapter list.
 */
export function findNotesChapters(
  html: string,
  parseHtml: ParseHtml,
  duration: number | null,
): ParseResult<Chapter[]> {
  return chaptersFromStructure(readNotesStructure(html, parseHtml), duration);
}
