// Lines of a transcript written as text (a text/plain file, the Transcript section of show
// notes) → cues. A timed line starts a turn; untimed lines continue it, unless they open with a
// speaker's label; ends are the next turn's start.
import type { ParseIssue, ParseResult, SpokenCue } from '../model.ts';
import { countLabels, looksLikeName, splitLabel, type Label } from './speaker-label.ts';
import { formatClock } from '../time.ts';
import { parseTimedLine, resolveClockTimes, timedLabel, type TimedLine } from './timed-line.ts';

export interface TimedTranscriptOptions {
  /** Episode length in seconds, when known: turns that start after it are left out. */
  duration: number | null;
  /** Names already known to be speakers (from the feed); a label matching one is trusted once. */
  speakers?: readonly string[];
  /** Where the lines are, for issues: "in the show notes", "in the text transcript". */
  where: string;
}

/**
 * Words a second at a brisk speaking rate (180 a minute; conversation runs ~140–170). The last
 * turn of a transcript with no end time ends after this long (#14): erring short ends the turn
 * near its words, where erring long (or running to the end of the audio) kept a turn "speaking"
 * for minutes after its words and put quotes from it far from where they are heard.
 */
export const BRISK_WORDS_PER_SECOND = 3;

/** Speaking time of a text with no end time, at a brisk rate; at least one second. */
export function estimateSeconds(text: string): number {
  const words = text.split(/\s+/).filter((w) => w !== '').length;
  return Math.max(1, words / BRISK_WORDS_PER_SECOND);
}

/**
 * Sets each cue's end to the next later start (cues sharing a start share an end), the last
 * ones to where their words plausibly end (an estimate from their length, never past the
 * duration; never the end of the audio, #14); drops cues left without text, passing their speaker on.
 * Cue texts must already have their whitespace collapsed; they are only trimmed here.
 */
export function finishCues(cues: SpokenCue[], duration: number | null): SpokenCue[] {
  const kept: SpokenCue[] = [];
  let carried: string | null = null;
  for (const cue of cues) {
    const lead = cue.text.length - cue.text.trimStart().length;
    cue.text = cue.text.trim();
    if (cue.breaks) {
      const length = cue.text.length;
      cue.breaks = cue.breaks.map((b) => b - lead).filter((b) => b > 0 && b < length);
      if (cue.breaks.length === 0) delete cue.breaks;
    }
    if (cue.text === '') {
      if (cue.speaker !== null) carried = cue.speaker;
      continue;
    }
    if (cue.speaker === null && carried !== null) cue.speaker = carried;
    carried = null;
    kept.push(cue);
  }
  // The last cues (those sharing the last start) are spoken one after another: they share an end
  // estimated from all their words, so none ends past another that starts with it.
  const lastStart = kept.at(-1)?.start;
  const lastWords = kept.filter((c) => c.start === lastStart).map((c) => c.text);
  const lastEnd = (lastStart ?? 0) + estimateSeconds(lastWords.join(' '));
  let next = Infinity;
  for (let k = kept.length - 1; k >= 0; k--) {
    const cue = kept[k];
    if (cue === undefined) continue;
    const later = kept[k + 1];
    if (later !== undefined && later.start > cue.start) next = later.start;
    if (next !== Infinity) cue.end = next;
    else {
      cue.end = lastEnd;
      cue.endEstimated = true;
    }
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
    if (t !== null) return timedLabel(t);
    // A paragraph that is only a name (`<p><strong>Ada Park</strong></p>`) heads the next turn.
    // (Not `Right.` or `Okay?`: a short reply that ends a sentence is text.)
    const nameOnly = looksLikeName(l) && !/[.!?…,;]$/.test(l);
    return splitLabel(l) ?? (nameOnly ? { name: l.trim(), rest: '', form: 'colon' } : null);
  });
  const counts = countLabels(labels);
  const trusted = (l: Label): boolean => known.has(l.name) || (counts.get(l.name) ?? 0) >= 2;
  const clocks = timed.filter((t): t is TimedLine => t !== null).map((t) => t.clock);
  const { seconds } = resolveClockTimes(clocks, duration);
  const cues: SpokenCue[] = [];
  let current: SpokenCue | null = null;
  let lastStart = 0;
  let clockIndex = 0;
  // Without a single time the lines cannot follow the audio: no cues at all.
  const hasTime = timed.some((t) => t !== null);
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
      // These lines are known to be a transcript, so a name-like label on a timed line is a
      // speaker even when heard once (a caller); untimed lines need a recurring label.
      // Each timed line is a paragraph of its own, even inside one speaker's turn (#14).
      current = {
        start,
        end: start,
        text: l?.rest ?? t.rest,
        speaker: l?.name ?? null,
        paragraph: true,
      };
      cues.push(current);
    } else if (l !== null && trusted(l) && !dropping && hasTime) {
      // A new turn without its own time: it shares the previous turn's start.
      current = {
        start: lastStart,
        end: lastStart,
        text: l.rest,
        speaker: l.name,
        paragraph: true,
      };
      cues.push(current);
    } else if (current !== null && !dropping) {
      // An untimed line goes on with the turn above, as a paragraph of its own (#14).
      (current.breaks ??= []).push(current.text.length + 1);
      current.text += ' ' + line;
    }
  }
  if (past > 0 && duration !== null) {
    const at = `${formatClock(firstPast)}; the episode is ${formatClock(duration)} long`;
    errors.push({
      message:
        past === 1
          ? `A turn ${options.where} starts after the episode ends (at ${at}); it was left out.`
          : `${past} turns ${options.where} start after the episode ends (from ${at}); they were left out.`,
    });
  }
  if (backwards > 0) {
    errors.push({
      message:
        backwards === 1
          ? `A time ${options.where} goes back before the turn above it; that turn was kept in place, at the earlier time.`
          : `${backwards} times ${options.where} go back before the turns above them; those turns were kept in place, at the earlier times.`,
    });
  }
  return { value: finishCues(cues, duration), errors };
}
