// A small content hash for made-up ids (an item with neither guid nor enclosure), kept apart from
// the XML helpers it used to sit with (#11). Not cryptographic: ids, never security.

/** A short stable hash (two FNV-1a 32-bit rounds) for ids made up from an item's content. */
export function stableId(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193 + 2);
  }
  return `gen-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
