// Feed dates: RFC 822/2822 in the many dialects feeds use, and ISO 8601.
// Unreadable input gives null: the UI shows no date rather than a wrong one.

const MONTH_NAMES =
  'january february march april may june july august september october november december'.split(
    ' ',
  );
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');

/** Zone abbreviations, hours east of UTC. Ambiguous ones (IST, …) are left out on purpose. */
const ZONE_TABLE =
  'ut 0 utc 0 gmt 0 z 0 wet 0 est -5 edt -4 cst -6 cdt -5 mst -7 mdt -6 pst -8 pdt -7 ' +
  'akst -9 akdt -8 hst -10 ast -4 adt -3 nst -3.5 ndt -2.5 brt -3 art -3 ' +
  'cet 1 cest 2 bst 1 west 1 eet 2 eest 3 mez 1 mesz 2 msk 3 sast 2 wat 1 cat 2 eat 3 ' +
  'sgt 8 hkt 8 jst 9 kst 9 awst 8 acst 9.5 acdt 10.5 aest 10 aedt 11 nzst 12 nzdt 13 ' +
  // #15: more names feeds use. MET/MEST are the Middle European names for CET/CEST.
  'uct 0 met 1 mest 2 hast -10 hadt -9 chst 10 wib 7 wita 8 wit 9 ict 7 idt 3 sast 2';

/**
 * Names for a region's clock rather than a fixed offset (`ET` is EST in winter, EDT in summer):
 * the offset on that date comes from the platform's time-zone data (#15).
 */
const REGION_ZONES = new Map<string, string>([
  ['et', 'America/New_York'],
  ['ct', 'America/Chicago'],
  ['mt', 'America/Denver'],
  ['pt', 'America/Los_Angeles'],
  ['at', 'America/Halifax'],
  ['akt', 'America/Anchorage'],
  ['ht', 'Pacific/Honolulu'],
  ['aet', 'Australia/Sydney'],
]);
const ZONES = new Map<string, number>();
{
  const cells = ZONE_TABLE.split(' ');
  for (let i = 0; i + 1 < cells.length; i += 2)
    ZONES.set(cells[i] ?? '', Number(cells[i + 1]) * 60);
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/;

/** Military zone letters (A–I, K–M east, N–Y west, Z = UTC), the usual military meaning. */
function militaryOffset(letter: string): number | null {
  const c = letter.charCodeAt(0) - 97; // 'a' = 0
  if (letter === 'j' || c < 0 || c > 25) return null;
  if (letter === 'z') return 0;
  if (c <= 8) return (c + 1) * 60; // A..I = +1..+9
  if (c <= 12) return c * 60; // K..M = +10..+12 (J skipped)
  return -(c - 12) * 60; // N..Y = -1..-12
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();
const zoneOffsets = new Map<string, number>();

/** The platform's clock for an IANA zone (`Europe/Berlin`, `Etc/GMT+5`), null when unknown. */
function zoneFormat(zone: string): Intl.DateTimeFormat | null {
  let f = zoneFormats.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null; // RangeError: not a zone this platform knows
    }
    zoneFormats.set(zone, f);
  }
  return f;
}

/** Minutes east of UTC in `zone` at instant `t` (cached per zone and hour: feeds repeat them). */
function zoneOffsetAt(f: Intl.DateTimeFormat, zone: string, t: number): number {
  const key = `${zone}|${Math.floor(t / 3_600_000)}`;
  const cached = zoneOffsets.get(key);
  if (cached !== undefined) return cached;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(t)) p[part.type] = Number(part.value);
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  const offset = Math.round((wall - Math.floor(t / 1000) * 1000) / 60_000);
  zoneOffsets.set(key, offset);
  return offset;
}

/** Epoch ms of a wall-clock time (given as if UTC) in an IANA zone. */
function inZone(wallUtc: number, zone: string): number | null {
  const f = zoneFormat(zone);
  if (f === null) return null;
  const guess = wallUtc - zoneOffsetAt(f, zone, wallUtc) * 60_000;
  return wallUtc - zoneOffsetAt(f, zone, guess) * 60_000;
}

function parseOffset(token: string): number | null {
  const m = OFFSET.exec(token);
  if (!m) return null;
  const h = Number(m[2]);
  const min = Number(m[3] ?? '0');
  if (h > 14 || min >= 60) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

/** A month's name, its first three letters, or `sept`. */
function monthIndex(word: string): number {
  const short = word.length === 3 || word === 'sept';
  return MONTH_NAMES.findIndex((m) => m === word || (short && m.startsWith(word)));
}

/** A weekday's name or its start (`tue`, `tues`, `thurs`): at least three letters. */
function isWeekday(word: string): boolean {
  return word.length > 2 && WEEKDAYS.some((d) => d.startsWith(word));
}

/** Builds epoch ms, rejecting out-of-range fields instead of letting Date roll them over. */
function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMin: number,
): number | null {
  if (y < 1900 || y > 2999 || mo < 0 || mo > 11 || d < 1 || h > 23 || mi > 59 || s > 60)
    return null;
  const t = Date.UTC(y, mo, d, h, mi, Math.min(s, 59));
  if (new Date(t).getUTCDate() !== d) return null; // 31 Feb and the like
  return t - offsetMin * 60_000;
}

function parseIso(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  let offset = 0;
  if (zone && zone.toLowerCase() !== 'z') {
    const o = parseOffset(zone);
    if (o === null) return null;
    offset = o;
  }
  const t = build(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(sec ?? 0),
    offset,
  );
  if (t === null) return null;
  return frac ? t + Math.round(Number(`0.${frac}`) * 1000) : t;
}

/** Splits glued forms: `04-Feb-2026`, `GMT+0100`, `UTC+01:00`, `09:30:00+0000`. */
function tokenize(s: string): string[] {
  const out: string[] = [];
  for (const raw of s.replace(/\([^)]*\)/g, ' ').split(/[\s,]+/)) {
    if (raw === '') continue;
    const dashed = /^(\d{1,2})-([a-z]+)-(\d{2,4})$/i.exec(raw);
    const glued = /^([a-z]+|\d{1,2}:\d{2}(?::\d{2})?)([+-]\d{2}:?\d{2})$/i.exec(raw);
    if (dashed) out.push(dashed[1] ?? '', dashed[2] ?? '', dashed[3] ?? '');
    else if (glued) out.push(glued[1] ?? '', glued[2] ?? '');
    else out.push(raw);
  }
  return out;
}

/**
 * Parses a feed date to epoch ms, or null. Accepts RFC 822/2822 (`Tue, 04 Feb 2026 09:30:00
 * +0000`) with or without weekday (a wrong weekday is ignored) or seconds, full or short month
 * names (`Sept`), one-digit days, two-digit years, named zones (`EST`, `CEST`, `GMT`, `Z`…),
 * `+0530` / `+05:30`; and ISO 8601 (`2026-02-04T09:30:00Z`, with offset, date only). A missing
 * zone is read as UTC. Unknown words or zones give null.
 */
export function parseFeedDate(input: string | null | undefined): number | null {
  if (input == null) return null;
  const s = input.trim();
  if (/^\d{4}-/.test(s)) return parseIso(s);
  // A leading `Word,` is the weekday, in any language (`Lun,`, `Mi.,`): ignored, as ours are.
  return (/^\p{L}+\.?,/u.test(s) && parseRfc(s.slice(s.indexOf(',') + 1))) || parseRfc(s);
}

function parseRfc(s: string): number | null {
  if (s === '') return null;

  let month = -1;
  let time: RegExpExecArray | null = null;
  let numeric: number | null = null; // `+0530`, wins over a named zone (`GMT+0100`)
  let named: number | null = null;
  let region: string | null = null; // an IANA zone, from `Etc/GMT` or `ET`
  let pm: boolean | null = null;
  const numbers: string[] = [];
  for (const token of tokenize(s)) {
    const word = token.toLowerCase().replace(/\.$/, '');
    if (/^\d+$/.test(word)) numbers.push(word);
    else if (!time && TIME.test(word)) time = TIME.exec(word);
    else if (
      region === null &&
      named === null &&
      /^[a-z_]+(?:\/[a-z_]+)+(?:[+-]\d{1,2})?$/.test(word)
    ) {
      region = token;
    } else if (numeric === null && /^[+-]/.test(word)) {
      numeric = parseOffset(word);
      if (numeric === null) return null;
    } else if (/^[a-z]+$/.test(word)) {
      const mi = monthIndex(word);
      if (mi >= 0 && month < 0) month = mi;
      else if (isWeekday(word))
        continue; // its value is ignored: feeds get it wrong
      else if (pm === null && (word === 'am' || word === 'pm')) pm = word === 'pm';
      else if (named === null && ZONES.has(word)) named = ZONES.get(word) ?? 0;
      else if (region === null && REGION_ZONES.has(word)) region = REGION_ZONES.get(word) ?? null;
      else if (named === null && word.length === 1 && militaryOffset(word) !== null) {
        named = militaryOffset(word);
      } else return null;
    } else return null;
  }
  const offset = numeric ?? named ?? 0;
  if (month < 0 || numbers.length !== 2) return null;
  const [a = '', b = ''] = numbers;
  const [dayStr, yearStr] = a.length === 4 ? [b, a] : [a, b];
  if (dayStr.length > 2 || (yearStr.length !== 2 && yearStr.length !== 4)) return null;
  let year = Number(yearStr);
  if (yearStr.length === 2) year += year < 50 ? 2000 : 1900;
  let hour = time ? Number(time[1]) : 0;
  if (pm !== null) {
    if (!time || hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const minute = time ? Number(time[2]) : 0;
  const second = time ? Number(time[3] ?? 0) : 0;
  if (numeric === null && region !== null) {
    const wall = build(year, month, Number(dayStr), hour, minute, second, 0);
    return wall === null ? null : inZone(wall, region);
  }
  return build(year, month, Number(dayStr), hour, minute, second, offset);
}
