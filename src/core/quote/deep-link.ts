// Deep links (CONTRACT.md): ?feed=…&episode=<guid>&t=…&end=…, and the #t= media fragment.
import { parseDeepLinkTime } from '../time.ts';
import { httpUrl } from '../url.ts';

export interface DeepLink {
  feed?: string;
  episode?: string;
  /** Start position in seconds. */
  t?: number;
  /** End of a quoted range in seconds. */
  end?: number;
}

/** Reads a deep link from a location's search and hash; invalid parts are dropped, never guessed. */
export function parseDeepLink(search: string, hash = ''): DeepLink {
  const params = new URLSearchParams(search);
  const link: DeepLink = {};
  const feed = httpUrl(params.get('feed'));
  if (feed) link.feed = feed;
  const episode = params.get('episode')?.trim();
  if (episode) link.episode = episode;
  const fragment = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  const t = parseDeepLinkTime(params.get('t') ?? fragment ?? '');
  if (t !== null) link.t = t;
  const end = parseDeepLinkTime(params.get('end') ?? '');
  if (end !== null && (link.t === undefined || end > link.t)) link.end = end;
  return link;
}

/**
 * Seconds as written in a link, to the hundredth: a start rounds up and an end rounds down, so the
 * range never reaches into the words before or after it (a start rounded down could name the
 * previous turn).
 */
function linkTime(seconds: number, direction: 'up' | 'down'): string {
  const hundredths =
    direction === 'up' ? Math.ceil(seconds * 100 - 1e-6) : Math.floor(seconds * 100 + 1e-6);
  return String(hundredths / 100);
}

/** Builds a deep link on `base` (the app's address without query). */
export function buildDeepLink(base: string, link: DeepLink): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  if (link.feed) url.searchParams.set('feed', link.feed);
  if (link.episode) url.searchParams.set('episode', link.episode);
  if (link.t !== undefined) url.searchParams.set('t', linkTime(link.t, 'up'));
  if (link.end !== undefined) url.searchParams.set('end', linkTime(link.end, 'down'));
  return url.href;
}
