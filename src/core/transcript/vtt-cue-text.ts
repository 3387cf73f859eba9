// WebVTT cue text → plain text, first speaker, and word timings. Hand-written: this runs once
// per cue and dominates parse time on long transcripts.
import { readVttTimestamp, timestampEnd } from './vtt-timestamp.ts';
import { COMMON, decodeWithTable, referenceLength } from './entities.ts';

/** Set by `readEntity`: index just after the `;`. */
let entityEnd = 0;

/** Decodes the entity starting with `&` at `i`, or returns null (then `&` is literal text). */
function readEntity(s: string, i: number): string | null {
  // With HTML's full list loaded (entities.ts), it decides, exactly as the spec says (#15).
  const full = decodeWithTable(s, i);
  if (full !== null) {
    entityEnd = i + referenceLength;
    return full;
  }
  // Look for the `;` only as far as the longest entity: a scan to the line's end for every `&`
  // made a line full of them quadratic (5 MB took minutes).
  const limit = Math.min(s.length, i + 13);
  let semi = -1;
  for (let k = i + 1; k < limit; k++) {
    if (s.charCodeAt(k) === 59) {
      semi = k;
      break;
    }
  }
  if (semi < 0) return null;
  let decoded: string | undefined;
  if (s.charCodeAt(i + 1) === 35 /* # */) {
    const hex = s.charCodeAt(i + 2) === 120 || s.charCodeAt(i + 2) === 88;
    const digits = s.slice(i + (hex ? 3 : 2), semi);
    if (digits === '' || !(hex ? /^[0-9a-f]+$/i : /^[0-9]+$/).test(digits)) return null;
    const code = parseInt(digits, hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    decoded = String.fromCodePoint(code);
  } else {
    const name = s.slice(i + 1, semi);
    decoded = Object.hasOwn(COMMON, name) ? COMMON[name] : undefined;
  }
  if (decoded === undefined) return null;
  entityEnd = semi + 1;
  return decoded;
}

/** Decodes entities in a short string (a voice annotation) and collapses its whitespace. */
function decodeAnnotation(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, amp);
    const d = readEntity(raw, amp);
    out += d ?? '&';
    i = d === null ? amp + 1 : entityEnd;
  }
  return out.replace(/[ \t\n\f\r]+/g, ' ').trim();
}

export interface CueTextResult {
  text: string;
  /** Speaker of the first `<v>` span, null when there is none. */
  speaker: string | null;
  /** Where each voice begins in `text` ([offset, name], a change of voice each), when more than one. */
  voices: Array<[number, string]> | null;
  /** Word-timing boundaries: [offset in text, seconds] pairs, flattened; null when none. */
  marks: number[] | null;
}

/** Where a run of ordinary text ends: a tag or entity, or whitespace other than one inner space. */
const RUN_END = /[<&\t\n\f\r]| (?=[ \t\n\f\r]|$)/g;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function isTagStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 47;
}

/** `<v` followed by `.`, `>` or whitespace. */
function isVoiceTag(raw: string, i: number): boolean {
  if (raw.charCodeAt(i + 1) !== 118) return false;
  const c = raw.charCodeAt(i + 2);
  return c === 46 || c === 62 || isSpace(c);
}

/** `<rt` followed by `.`, `>` or whitespace. */
function isRtTag(raw: string, i: number): boolean {
  if (raw.charCodeAt(i + 1) !== 114 || raw.charCodeAt(i + 2) !== 116) return false;
  const c = raw.charCodeAt(i + 3);
  return c === 46 || c === 62 || isSpace(c);
}

/**
 * Renders raw cue text: strips tags (dropping `<rt>` ruby annotations so the base text reads
 * and searches as written), decodes entities, collapses whitespace, reads `<v>` speakers and
 * `<hh:mm:ss.ttt>` word timestamps. `raw` has its lines already joined by spaces.
 */
export function renderCueText(raw: string): CueTextResult {
  const n = raw.length;
  let out = '';
  let endsWithSpace = false;
  let pendingSpace = false;
  let speaker: string | null = null;
  let voices: Array<[number, string]> | null = null;
  let marks: number[] | null = null;
  let inRt = false;
  // Ruby depth: `<rt>` annotates only inside `<ruby>`; a stray one is ignored as a tag and its
  // text kept, as the spec's cue text parser does (#15).
  let inRuby = 0;
  // The first `>` after the last `<` looked at: no `>` lies between that `<` and it, so a later
  // `<` before it shares it. Searching again from every `<` was quadratic on hostile lines.
  let nextClose = -2;
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === 60 /* < */) {
      if (nextClose === -2 || (nextClose >= 0 && nextClose <= i))
        nextClose = raw.indexOf('>', i + 1);
      const close = nextClose;
      const c1 = raw.charCodeAt(i + 1);
      if (close > 0 && isTagStart(c1)) {
        if (c1 === 47) {
          const closing = /^\/(rt|ruby)\b/.exec(raw.slice(i + 1, Math.min(close, i + 7)))?.[1];
          if (closing) inRt = false;
          if (closing === 'ruby' && inRuby > 0) inRuby--;
        } else if (inRt) {
          // Tags inside a ruby annotation are dropped with it.
        } else if (c1 >= 48 && c1 <= 57) {
          const t = readVttTimestamp(raw, i + 1);
          if (t >= 0 && timestampEnd === close) (marks ??= []).push(out.length, t);
        } else if (isVoiceTag(raw, i)) {
          let k = i + 2;
          while (k < close && !isSpace(raw.charCodeAt(k))) k++;
          const name = decodeAnnotation(raw.slice(k, close));
          if (speaker === null) speaker = name;
          else if (name !== (voices?.at(-1)?.[1] ?? speaker))
            (voices ??= [[0, speaker]]).push([out.length, name]);
        } else if (isRtTag(raw, i)) {
          inRt = inRuby > 0;
        } else if (raw.startsWith('ruby', i + 1) && /^[.>\s]/.test(raw.charAt(i + 5))) {
          inRuby++;
        }
        i = close + 1;
        continue;
      }
      // A `<` that opens no tag is text (kinder than the spec, which drops the rest of the cue).
    }
    if (inRt) {
      i++;
      continue;
    }
    if (isSpace(c)) {
      pendingSpace = true;
      i++;
      continue;
    }
    let piece: string;
    if (c === 38 /* & */) {
      const d = readEntity(raw, i);
      if (d === null) {
        piece = '&';
        i++;
      } else {
        i = entityEnd;
        // A no-break space next to other whitespace is spacing, not a deliberate non-break.
        const asSpace =
          (d.length === 1 && isSpace(d.charCodeAt(0))) ||
          (d === '\u00a0' &&
            (pendingSpace ||
              endsWithSpace ||
              out.length === 0 ||
              i >= n ||
              isSpace(raw.charCodeAt(i))));
        if (asSpace) {
          pendingSpace = true;
          continue;
        }
        piece = d;
      }
    } else {
      // A run of ordinary text; single inner spaces stay inside the run (the common case). Found
      // with one native regex search: a char loop runs interpreted on the first (often only) parse.
      RUN_END.lastIndex = i + 1;
      const j = RUN_END.exec(raw)?.index ?? n;
      piece = raw.slice(i, j);
      i = j;
    }
    if (pendingSpace && out.length > 0 && !endsWithSpace) out += ' ';
    pendingSpace = false;
    out += piece;
    endsWithSpace = piece.charCodeAt(piece.length - 1) === 32;
  }
  // Also trims Unicode spaces (a stray BOM, U+3000) that the ASCII collapsing above leaves.
  const trimmed = out.trim();
  if (trimmed.length !== out.length) {
    const lead = out.length - out.trimStart().length;
    out = trimmed;
    if (marks !== null && lead > 0) {
      for (let k = 0; k < marks.length; k += 2) marks[k] = Math.max(0, (marks[k] ?? 0) - lead);
    }
    for (const v of voices ?? []) v[0] = Math.max(0, v[0] - lead);
  }
  return { text: out, speaker, voices, marks };
}
