// What the listener typed into the feed field, as a feed address (#14): `example.com/feed`
// is taken as https://example.com/feed rather than refused.

export interface FeedAddress {
  url: string;
  /** True when `https://` was added to what was typed. */
  added: boolean;
}

/** The http(s) address meant by `typed`, or null when it cannot be one. Never throws. */
export function feedAddress(typed: string): FeedAddress | null {
  const text = typed.trim();
  if (!text || /\s/.test(text)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+:\d+(?:[/?#]|$)/.test(text);
  const candidate = hasScheme ? text : `https://${text.replace(/^\/\//, '')}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // A bare word ("feed") is no address: a host needs a dot, a port, or to be localhost or an IP.
  if (!hasScheme && !/[.:]/.test(url.host) && url.hostname !== 'localhost') return null;
  return { url: url.href, added: !hasScheme };
}
