import type { ServerResponse } from 'node:http';

/**
 * The page's CSP: feeds, audio and artwork come from any publisher, so img/media/connect
 * are open, but script only ever comes from this origin.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  'img-src * data: blob:',
  'media-src * blob: data:', // howler unlocks audio with a tiny data: WAV
  'connect-src *',
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
].join('; ');

/** Proxied bodies are third-party bytes: never let them run as a page of this origin. */
export const PROXIED_CSP = "sandbox; default-src 'none'";

/** Headers every response from this server carries. */
export function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}
