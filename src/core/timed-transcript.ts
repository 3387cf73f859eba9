// Lines of a transcript written as text (a text/plain file, the Transcript section of show
// notes) → cues. A timed line starts a turn; untimed lines continue it, unless they open with a
// speaker's label; ends are the next turn's start.
import type { ParseIssue, ParseResult, SpokenCue } from './model.ts';
import { countLabels, splitLabel, type Label } from './speaker-label.ts';
import { formatClock } from './time.ts';
import { parseTimedLine, resolveClockTimes, type TimedLine } from './timed-line.ts';

export interface TimedTranscriptOptions {
  /** Episode length in seconds, when known: turns that start after it are left out. */
  duration: number | null;
  /** Names already known to be speakers (from the feed); a label matching one is trusted once. */
  speakers?: readonly string[];
  /** What to call the source in issues ("The show notes", "The text transcript"). */
  source: string;
}

/** Rough speaking time of a text with no end time: 0.4 s a word, at least one second. */
export function estimateSeconds(text: string): number {
  const words = text.split(/\s+/).filter((w) => w !== '').length;
  return Math.max(1, words * 0.4);
}

/** The label after the time (`00:06 Ada: …`), also behind a dash (`00:06 - Ada: …`). */
function labelAfterTime(rest: string): Label | null {
  return splitLabel(rest) ?? (/^[-–—|]\s/.test(rest) ? splitLabel(rest.slice(2)) : null);
}

/**
 * Sets each cue's end to the next later start (cues sharing a start share an end), the last
 * ones to the duration or an estimate; drops cues left without text, passing their speaker on.
 */
export function finishCues(cues: SpokenCue[], duration: number | null): SpokenCue[] {
  const kept: SpokenCue[] = [];
  let carried: string | null = null;
  for (const cue of cues) {
    cue.text = cue.text.replace(/\s+/g, ' ').trim();
    if (cue.text === '') {
      if (cue.speaker !== null) carried = cue.speaker;
      continue;
    }
    if (cue.speaker === null && carried !== null) cue.speaker = carried;
    carried = null;
    kept.push(cue);
  }
  let next = Infinity;
  for (let k = kept.length - 1; k >= 0; k--) {
    const cue = kept[k];
    if (cue === undefined) continue;
    const later = kept[k + 1];
    if (later !== undefined && later.start > cue.start) next = later.start;
    if (next !== Infinity) cue.end = next;
    else if (duration !== null && duration > cue.start) cue.end = duration;
    else cue.end = cue.start + estimateSeconds(cue.text);
    if (duration !== null && cue.end > duration) cue.end = Math.max(cue.start, duration);
  }
  return kept;
}

/** Reads transcript lines into cues sorted by start; never throws. */
export function linesToCues(
  lines: readonly string[],
  options: TimedTranscriptOptions,
): ParseResult<SpokenCue[]> {
  const errors: ParseIssue[] = [];
  const d = options.duration;
  const duration = d !== null && Number.isFinite(d) && d > 0 ? d : null;
  const known = new Set(options.speakers ?? []);
  const timed: Array<TimedLine | null> = lines.map((l) => parseTimedLine(l));
  const labels: Array<Label | null> = lines.map((l, k) => {
    const t = timed[k];
    if (t === undefined) return null;
    if (t === null) return splitLabel(l);
    if (t.prefix !== '') return { name: t.prefix, rest: t.rest, form: 'colon' };
    return labelAfterTime(t.rest);
  });
  const counts = countLabels(labels);
  const trusted = (l: Label): boolean => known.has(l.name) || (counts.get(l.name) ?? 0) >= 2;
  // When most timed lines carry a trusted label, a one-off name-like label on a timed line
  // (a caller heard once) is a speaker too; in other documents it may be a title ("Note:").
  let timedCount = 0;
  let labelled = 0;
  for (let k = 0; k < lines.length; k++) {
    const t = timed[k];
    if (t === null || t === undefined) continue;
    timedCount++;
    const l = labels[k];
    if (l != null && (t.prefix !== '' || trusted(l))) labelled++;
  }
  const labelledMode = labelled * 2 >= timedCount && labelled > 0;
  const clocks = timed.filter((t): t is TimedLine => t !== null).map((t) => t.clock);
  const { seconds } = resolveClockTimes(clocks, duration);
  const cues: SpokenCue[] = [];
  let current: SpokenCue | null = null;
  let lastStart = 0;
  let clockIndex = 0;
  let dropping = false;
  let past = 0;
  let backwards = 0;
  let firstPast = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] ?? '';
    const t = timed[k] ?? null;
    const l = labels[k] ?? null;
    if (t !== null) {
      let start = seconds[clockIndex++] ?? 0;
      if (duration !== null && start >= duration) {
        if (past++ === 0) firstPast = start;
        dropping = true;
        current = null;
        continue;
      }
      if (start < lastStart) {
        backwards++;
        start = lastStart;
      }
      dropping = false;
      lastStart = start;
      const speaker = l !== null && (t.prefix !== '' || trusted(l) || labelledMode) ? l : null;
      current = { start, end: start, text: speaker?.rest ?? t.rest, speaker: speaker?.name ?? null };
      cues.push(current);
    } else if (l !== null && trusted(l) && !dropping && (timedCount > 0 || current !== null)) {
      // A new turn without its own time: it shares the previous turn's start.
      current = { start: lastStart, end: lastStart, text: l.rest, speaker: l.name };
      cues.push(current);
    } else if (current !== null && !dropping) {
      current.text += ' ' + line;
    }
  }
  if (past > 0 && duration !== null) {
    const s = past === 1 ? '' : 's';
    errors.push({
      message: `${options.source} ${past === 1 ? 'has a turn' : `have ${past} turns`} starting after the episode ends (${formatClock(firstPast)} of ${formatClock(duration)}); ${past === 1 ? 'it was' : 'they were'} left out${s === '' ? '' : ''}.`,
    });
  }
  if (backwards > 0) {
    errors.push({
      message: `${options.source} ${backwards === 1 ? 'has a time' : `have ${backwards} times`} earlier than the turn before; ${backwards === 1 ? 'that turn was' : 'those turns were'} kept in place, at the earlier turn's time.`,
    });
  }
  return { value: finishCues(cues, duration), errors };
}
