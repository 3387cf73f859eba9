// HTML transcripts (Podcasting 2.0 `text/html`): repeated `<cite>Name:</cite> <time>M:SS</time>
// <p>text</p>`, often without an `<html>` wrapper. Each `<time>` (or `<cite>`) starts a cue;
// text up to the next one is its text; ends are the next start.
import type { ParseIssue, ParseResult, SpokenCue } from '../model.ts';
import { clockSeconds, readClock } from '../text/timestamps.ts';
import { htmlToLines, type ParseHtml } from '../text/html-lines.ts';
import { parseClock } from '../time.ts';
import { finishCues, linesToCues } from '../text/timed-transcript.ts';
import { collapseKeepingBreaks } from '../text/paragraphs.ts';

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);
const INLINE = new Set(
  'a abbr b bdi bdo code data dfn em font i kbd mark q s samp small span strong sub sup u var'.split(
    ' ',
  ),
);

/** `M:SS`, `H:MM:SS`, `MMM:SS`, plain seconds; or an ISO duration (`PT1M6S`) in `datetime`. */
export function htmlTime(text: string, datetime: string | null): number | null {
  const s = text.trim();
  const clock = readClock(s, 0);
  if (clock !== null && clock.length === s.length) return clockSeconds(clock);
  const plain = parseClock(s, { commaFraction: true });
  if (plain !== null) return plain;
  const iso = /^P?T?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(
    datetime?.trim() ?? '',
  );
  if (iso !== null && (iso[1] ?? iso[2] ?? iso[3]) !== undefined) {
    return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
  }
  return datetime === null ? null : parseClock(datetime, { commaFraction: true });
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** A speaker as `<cite>` gives it: `Ada Park:` and `Ada Park :` both mean `Ada Park`. */
function citeName(text: string): string {
  return collapse(text)
    .replace(/\s*[:：]$/, '')
    .trim();
}

/** Parses an HTML transcript. Never throws. */
export function parseTranscriptHtml(html: string, parseHtml: ParseHtml): ParseResult<SpokenCue[]> {
  const errors: ParseIssue[] = [];
  let doc: Document;
  try {
    doc = parseHtml(typeof html === 'string' ? html : '');
  } catch {
    return { value: [], errors: [{ message: 'The HTML transcript could not be read.' }] };
  }
  const root: Node | null = doc.body ?? doc.documentElement;
  // No <time> markup (names in <cite> alone give no times), or only <time>s that are no clock
  // (a publish date): read it like a text transcript (`00:06 Ada: …` paragraphs).
  const asText = (): ParseResult<SpokenCue[]> => {
    const lines = root === null ? [] : htmlToLines(html, parseHtml).map((l) => l.text);
    const r = linesToCues(lines, { duration: null, where: 'in the HTML transcript' });
    if (r.value.length === 0 && r.errors.length === 0) {
      r.errors.push({
        message: 'The HTML transcript has no times, so it cannot follow the audio.',
      });
    }
    return r;
  };
  if (root === null || doc.querySelector('time') === null) return asText();
  const cues: SpokenCue[] = [];
  let speaker: string | null = null;
  let start: number | null = null;
  let opened = false;
  let current: SpokenCue | null = null;
  let lastStart = 0;
  let unreadable = 0;
  let readable = 0;
  let backwards = 0;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.nodeType === 3 || node.nodeType === 4) {
      const text = node.nodeValue ?? '';
      if (text.trim() === '') {
        // Spacing between inline elements (`<b>a</b> <i>b</i>`) still separates words.
        if (current !== null && !opened && start === null) current.text += ' ';
        continue;
      }
      if (opened || start !== null) {
        let at = start ?? lastStart;
        if (at < lastStart) {
          backwards++;
          at = lastStart;
        }
        lastStart = at;
        current = { start: at, end: at, text: '', speaker, paragraph: true };
        cues.push(current);
        speaker = null;
        start = null;
        opened = false;
      }
      if (current !== null) current.text += text;
      continue;
    }
    if (node.nodeType !== 1 && node !== root) continue;
    const tag = node.nodeName.toLowerCase();
    if (SKIPPED.has(tag)) continue;
    if (tag === 'cite') {
      speaker = citeName(node.textContent ?? '');
      opened = true;
      continue;
    }
    if (tag === 'time') {
      const el = node as Element;
      const t = htmlTime(node.textContent ?? '', el.getAttribute('datetime'));
      if (t === null) {
        unreadable++;
      } else {
        start = t;
        readable++;
      }
      continue;
    }
    // Paragraphs inside one turn are joined with a space, and kept as paragraphs (#14).
    if (current !== null && !INLINE.has(tag)) {
      current.text += ' ';
      (current.breaks ??= []).push(current.text.length);
    }
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k];
      if (child !== undefined) stack.push(child);
    }
  }
  if (readable === 0) return asText();
  if (unreadable > 0) {
    errors.push({
      message:
        unreadable === 1
          ? 'A <time> in the HTML transcript could not be read; its text was kept at the time before it.'
          : `${unreadable} <time> elements in the HTML transcript could not be read; their text was kept at the times before them.`,
    });
  }
  if (backwards > 0) {
    errors.push({
      message: `${backwards === 1 ? 'A time' : `${backwards} times`} in the HTML transcript went back before the turn above; kept in place, at the earlier time.`,
    });
  }
  for (const cue of cues) {
    const { text, breaks } = collapseKeepingBreaks(cue.text, cue.breaks ?? []);
    cue.text = text;
    if (breaks.length > 0) cue.breaks = breaks;
    else delete cue.breaks;
  }
  const value = finishCues(cues, null);
  if (value.length === 0) {
    errors.push({ message: 'The HTML transcript has no readable turns.' });
  }
  return { value, errors };
}
