import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  decodeBytes,
  decodePrefix,
} from '../../../src/core/text/decode.ts';
import { fixtureBytes } from '../../fixtures/feeds/load.ts';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const out: number[] = [];
  for (const p of parts) out.push(...p);
  return Uint8Array.from(out);
};
function utf16(s: string, le: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i * 2 + (le ? 0 : 1)] = c & 0xff;
    out[i * 2 + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}

describe('decodeBytes', () => {
  it('reads UTF-8 by default and strips a UTF-8 BOM', () => {
    expect(decodeBytes(utf8('<rss>Café</rss>'))).toEqual({
      text: '<rss>Café</rss>',
      encoding: 'utf-8',
    });
    expect(decodeBytes(cat([0xef, 0xbb, 0xbf], utf8('<rss>é</rss>')))).toEqual({
      text: '<rss>é</rss>',
      encoding: 'utf-8',
    });
  });

  it('lets a BOM win over the declaration and the HTTP charset', () => {
    const bytes = cat(
      [0xef, 0xbb, 0xbf],
      utf8('<?xml version="1.0" encoding="ISO-8859-1"?><rss>é</rss>'),
    );
    const out = decodeBytes(bytes, 'text/xml; charset=windows-1251');
    expect(out.encoding).toBe('utf-8');
    expect(out.text).toContain('<rss>é</rss>');
  });

  it('reads UTF-16LE and UTF-16BE feeds with a BOM (fixtures)', () => {
    for (const [name, enc] of [
      ['utf16le-bom.xml', 'utf-16le'],
      ['utf16be-bom.xml', 'utf-16be'],
    ] as const) {
      const out = decodeBytes(fixtureBytes(name), 'application/rss+xml; charset=utf-8');
      expect(out.encoding).toBe(enc);
      expect(out.text.startsWith('<?xml version="1.0" encoding="UTF-16"?>')).toBe(true);
      expect(out.text).toContain('日本語のポッドキャスト 🎙');
    }
  });

  it('recognises UTF-16 without a BOM from its first bytes', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><rss>ü</rss>';
    expect(decodeBytes(utf16(text, true))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(text, false))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('recognises UTF-16 with neither a BOM nor a declaration: a feed, a JSON or a WebVTT transcript', () => {
    for (const text of [
      '<rss version="2.0"><channel><title>Café</title></channel></rss>',
      '{"segments":[]}',
      'WEBVTT\n\n00:01.000 --> 00:02.000\nÀ bientôt',
    ]) {
      expect(decodeBytes(utf16(text, true))).toEqual({ text, encoding: 'utf-16le' });
      expect(decodeBytes(utf16(text, false))).toEqual({ text, encoding: 'utf-16be' });
    }
  });

  it('follows the XML declaration (ISO-8859-1 fixture, read as windows-1252 per WHATWG)', () => {
    const out = decodeBytes(fixtureBytes('latin1.xml'));
    expect(out.encoding).toBe('windows-1252');
    expect(out.text).toContain('<title>Café Müller – Hörspiel</title>');
    expect(out.text).toContain('£5 Croissants und “gute” Laune');
  });

  it('prefers the XML declaration over the HTTP charset', () => {
    const bytes = cat(
      ascii('<?xml version="1.0" encoding="iso-8859-1"?><t>'),
      [0xe9],
      ascii('</t>'),
    );
    expect(decodeBytes(bytes, 'text/xml; charset=UTF-8').text).toContain('<t>é</t>');
  });

  it('uses the HTTP charset when there is no declaration', () => {
    const bytes = cat(ascii('<rss><t>'), [0xe9], ascii('</t></rss>'));
    const out = decodeBytes(bytes, 'application/rss+xml; charset="ISO-8859-1"');
    expect(out).toEqual({ text: '<rss><t>é</t></rss>', encoding: 'windows-1252' });
  });

  it('falls back to UTF-8 for unknown labels', () => {
    const bytes = utf8('<?xml version="1.0" encoding="klingon-8"?><t>é</t>');
    expect(decodeBytes(bytes, 'text/xml; charset=nonsense')).toMatchObject({ encoding: 'utf-8' });
    expect(decodeBytes(bytes).text).toContain('<t>é</t>');
  });

  it('ignores a UTF-16 declaration on ASCII-compatible bytes (a transcoding server)', () => {
    const bytes = utf8('<?xml version="1.0" encoding="UTF-16"?><t>é</t>');
    expect(decodeBytes(bytes)).toMatchObject({
      encoding: 'utf-8',
      text: '<?xml version="1.0" encoding="UTF-16"?><t>é</t>',
    });
  });

  it('reads undeclared invalid UTF-8 as windows-1252 instead of replacement characters', () => {
    const bytes = cat(ascii('<rss><t>Caf'), [0xe9, 0x93], ascii('</t></rss>'));
    expect(decodeBytes(bytes)).toEqual({
      text: '<rss><t>Café“</t></rss>',
      encoding: 'windows-1252',
    });
  });

  it('keeps replacement characters when UTF-8 was declared (the feed said so)', () => {
    const bytes = cat(ascii('<?xml version="1.0" encoding="utf-8"?><t>'), [0xe9], ascii('</t>'));
    expect(decodeBytes(bytes).text).toContain('<t>\uFFFD</t>');
  });

  it('only sniffs the first kilobyte for the declaration', () => {
    const bytes = cat(
      ascii(' '.repeat(1100) + '<?xml version="1.0" encoding="iso-8859-1"?><t>'),
      [0xe9],
      ascii('</t>'),
    );
    expect(decodeBytes(bytes).encoding).toBe('windows-1252'); // via the invalid-UTF-8 fallback, not the declaration
    const valid = utf8(' '.repeat(1100) + '<?xml version="1.0" encoding="iso-8859-1"?><t>é</t>');
    expect(decodeBytes(valid)).toMatchObject({ encoding: 'utf-8' });
  });

  it('handles empty input', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('charsetFromContentType', () => {
  it.each([
    ['text/xml; charset=ISO-8859-1', 'ISO-8859-1'],
    ['text/xml;charset="utf-8"', 'utf-8'],
    ['application/rss+xml; Charset=windows-1252; foo=bar', 'windows-1252'],
    ['text/xml', null],
    [undefined, null],
  ])('%j → %j', (input, expected) => {
    expect(charsetFromContentType(input)).toBe(expected);
  });
});

describe('decodePrefix (the start of a big feed still arriving, #15)', () => {
  const enc = new TextEncoder();
  it('cuts before the last "<", so a character split by the cut is not decoded half', () => {
    const bytes = enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><rss><title>Café</title><item>',
    );
    const cut = bytes.slice(0, bytes.length - 10); // inside "<item>"… and before
    expect(decodePrefix(cut)).toBe('<?xml version="1.0" encoding="UTF-8"?><rss><title>Café');
  });
  it('undeclared and not ASCII: none (the whole may still read as windows-1252)', () => {
    const bytes = enc.encode('<rss><title>Café</title><item>x</item>');
    expect(decodePrefix(bytes)).toBeNull();
    expect(decodePrefix(bytes, 'application/rss+xml; charset=utf-8')).toBe(
      '<rss><title>Café</title><item>x',
    );
  });
  it('undeclared but all ASCII: read, as it reads the same either way', () => {
    expect(decodePrefix(enc.encode('<rss><title>Cafe</title><item>x</item>'))).toBe(
      '<rss><title>Cafe</title><item>x',
    );
  });
});
