// HTML named character references in WebVTT and SRT cue text (#15). WebVTT defers to HTML's
// list of 2,231 names (and HTML's rules for the few allowed without `;`). That table is ~14 KiB
// gzipped, and the cue parser is in the page's first load (the demo), so it is loaded only when
// a file uses a reference beyond the common ones below; until then those stay as written.
import type { HtmlEntityDecoder as Decoder } from 'entities/decode';

/** What every file uses, decoded without the full table: the names titles use too (text/). */
export { NAMED as COMMON } from '../text/plain-text.ts';

let decoder: Decoder | null = null;
let decoded = '';
let loading: Promise<void> | null = null;

/** Loads the full list (once). Parsers decode with it from then on. */
export function loadFullEntities(): Promise<void> {
  loading ??= import('entities/decode').then((m) => {
    decoder = new m.HtmlEntityDecoder((unit) => {
      decoded += String.fromCharCode(unit);
    });
  });
  return loading;
}

/** `&name;` with a common name and `;`, or a decimal/hex reference with `;`: no table needed. */
const SIMPLE = /&(?:(?:amp|lt|gt|quot|apos|nbsp|lrm|rlm);|#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};)/y;

/** True when `text` has a character reference that only the full list decodes. */
export function needsFullEntities(text: string): boolean {
  if (decoder !== null) return false;
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    const next = text.charCodeAt(i + 1);
    const startsName = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 35;
    if (!startsName) continue;
    SIMPLE.lastIndex = i;
    if (!SIMPLE.test(text)) return true;
  }
  return false;
}

/** Loads the full list when `text` needs it; resolves at once otherwise. */
export function prepareEntities(text: string): Promise<void> {
  return needsFullEntities(text) ? loadFullEntities() : Promise.resolve();
}

/** Set by `decodeWithTable`: how many characters the reference took, `&` included. */
export let referenceLength = 0;

/**
 * Decodes the reference at `s[i] === '&'` with the full list, as HTML does in text (legacy
 * names without `;` included). Null when the table is not loaded or nothing is a reference.
 */
export function decodeWithTable(s: string, i: number): string | null {
  if (decoder === null) return null;
  decoded = '';
  decoder.startEntity(0 /* DecodingMode.Legacy */);
  let used = decoder.write(s, i + 1);
  if (used < 0) used = decoder.end();
  if (used <= 0 || decoded === '') return null;
  referenceLength = used;
  return decoded;
}
