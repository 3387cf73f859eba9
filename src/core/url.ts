// The one check of web addresses (#11): feed links, chapter links, deep links and the feed form
// all keep only http(s) URLs, so no `javascript:` or `data:` address reaches a link or a fetch.

const RELATIVE_BASE = 'http://relative.invalid/';

let lastBase: { raw: string; url: URL } | null = null;

/** The base as a URL: a feed resolves every item against the same one, parsed once (#15). */
function baseUrl(base: string): URL {
  if (lastBase?.raw !== base) lastBase = { raw: base, url: new URL(base, RELATIVE_BASE) };
  return lastBase.url;
}

/**
 * `raw` as an absolute http(s) URL, or null. With `base`, relative addresses resolve against it;
 * a relative base (the demo's `/demo/feed.xml`) gives root-relative results. Without `base` only
 * absolute addresses count.
 */
export function httpUrl(raw: unknown, base?: string): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (s === '') return null;
  let url: URL;
  try {
    url = base === undefined ? new URL(s) : new URL(s, baseUrl(base));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.href.startsWith(RELATIVE_BASE)) return url.href.slice(RELATIVE_BASE.length - 1);
  return url.href;
}
