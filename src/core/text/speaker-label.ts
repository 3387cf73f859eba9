// Speaker labels as transcripts write them (`Ada Park: text`, `>> ADA: text`, `[Ada] text`).
// A label is only a candidate here; callers decide (by recurrence, a known speaker or the
// structure of the document) whether it really names a speaker.

/** Lower-case words that may sit inside a name (`Ana de la Cruz`, `Jan van Dijk`). */
const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'der',
  'den',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'zu',
  'bin',
  'ibn',
  'al',
  'el',
  'ten',
  'ter',
  'y',
  'e',
  'of',
]);

/** A name word: a capital letter, then letters, marks, apostrophes, hyphens or dots. */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

/** Bracketed sound descriptions that look like names in SRT: `[Music]`, `[Laughter]`. */
const SOUNDS =
  /^(?:music|laughter|laughs|laughing|applause|inaudible|crosstalk|silence|sighs?|chuckles?|noise|static|pause|intro|outro|theme|jingle|ad|advert|break|cough(?:s|ing)?|beep|ding|bell|unintelligible|foreign|singing|cheering|cheers)$/i;

/**
 * True when `label` looks like a person's name or a role: 1 to 4 words, each capitalised
 * (particles like `de`/`van` aside), letters only but for a trailing number (`Speaker 2`).
 */
export function looksLikeName(label: string): boolean {
  const s = label.trim();
  if (s.length === 0 || s.length > 40) return false;
  const words = s.split(/\s+/);
  if (words.length > 4) return false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] ?? '';
    if (NAME_WORD.test(w)) continue;
    if (k > 0 && PARTICLES.has(w)) continue;
    if (k > 0 && k === words.length - 1 && /^\d{1,3}$/.test(w)) continue;
    return false;
  }
  return true;
}

/** Small words a title-like label may hold in lower case (`Professor of History at the …`). */
const CONNECTORS = new Set([
  ...PARTICLES,
  'the',
  'at',
  'and',
  'for',
  'in',
  'on',
  'to',
  'from',
  'with',
  'a',
  'an',
  '&',
]);

/** Longest label, in words, read as a speaker's title on a timed line. */
const LONG_LABEL_WORDS = 12;

/**
 * True for a speaker written with a title, as long as 5–12 words (`Professor Emerita of Urban
 * History at the Old Harbour University`): title case throughout (connecting words aside,
 * commas allowed). Only trusted where a time marks the line as a turn (#14): elsewhere such a
 * line is more likely a heading or prose.
 */
export function looksLikeLongLabel(label: string): boolean {
  const s = label.trim();
  if (s.length === 0 || s.length > 110) return false;
  const words = s.split(/\s+/);
  if (words.length < 5 || words.length > LONG_LABEL_WORDS) return false;
  return words.every((raw, k) => {
    const w = raw.replace(/,$/, '');
    return NAME_WORD.test(w) || (k > 0 && CONNECTORS.has(w));
  });
}

export interface Label {
  name: string;
  /** The text after the label, trimmed. */
  rest: string;
  /** How the label was written: `Name:` or `[Name]`. */
  form: 'colon' | 'bracket';
}

/** Drops broadcast-caption speaker-change marks (`>>`, `-`) before a label. */
function stripChangeMark(s: string): string {
  return s.replace(/^\s*(?:>>+|[-–—]\s)\s*/, '');
}

/**
 * Reads a `Name: text` (also `Name :`, `>> NAME: text`) label at the start of `text`, or with
 * `brackets`, a `[Name] text` one. The colon must be followed by a space or the end, so
 * `10:30` or `https:` never make a label. Null when there is no name-like label.
 */
export function splitLabel(text: string, brackets = false): Label | null {
  const s = stripChangeMark(text);
  if (brackets && s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close > 1 && close <= 42) {
      const name = s.slice(1, close).trim();
      if (looksLikeName(name) && !SOUNDS.test(name)) {
        return { name, rest: s.slice(close + 1).replace(/^\s*:?\s*/, ''), form: 'bracket' };
      }
    }
    return null;
  }
  const colon = s.indexOf(':');
  if (colon < 1 || colon > 41) return null;
  const after = s.charAt(colon + 1);
  if (after !== '' && !/\s/.test(after)) return null;
  const name = s.slice(0, colon).trim();
  if (!looksLikeName(name)) return null;
  return { name, rest: s.slice(colon + 1).trim(), form: 'colon' };
}

/** A `Long Title Of A Speaker: text` label (see `looksLikeLongLabel`) at the start of `text`, or null. */
export function splitLongLabel(text: string): Label | null {
  const s = stripChangeMark(text);
  const colon = s.indexOf(':');
  if (colon < 1 || colon > 110) return null;
  const after = s.charAt(colon + 1);
  if (after !== '' && !/\s/.test(after)) return null;
  const name = s.slice(0, colon).trim();
  if (!looksLikeLongLabel(name)) return null;
  return { name, rest: s.slice(colon + 1).trim(), form: 'colon' };
}

/** Counts how often each label name occurs. */
export function countLabels(labels: ReadonlyArray<Label | null>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of labels) if (l !== null) counts.set(l.name, (counts.get(l.name) ?? 0) + 1);
  return counts;
}
