// A quote as the clipboard and exports carry it: plain text, Markdown, HTML, a podcast:soundbite tag.
import type { Quote } from './quote.ts';
import { formatClock } from '../time.ts';
import { httpUrl } from '../url.ts';
import { escapeHtml } from '../text/html-escape.ts';

export type QuoteStyle = 'plain' | 'markdown';

/** The quote's start as a clock, `≈ 12:03` when it is an estimate (#14). */
export function quoteClock(q: Quote): string {
  return `${q.estimated ? '≈ ' : ''}${formatClock(q.start)}`;
}

/** `“Episode” (Show)`, or whichever of the two is known. */
function source(episode: string, show: string, wrap: (s: string) => string): string {
  if (episode && show) return `“${wrap(episode)}” (${wrap(show)})`;
  if (episode) return `“${wrap(episode)}”`;
  return show ? wrap(show) : '';
}

/** `Ada Park, Tomás Ruiz, “Episode” (Show), 12:03` with each name passed through `wrap`. */
function attribution(q: Quote, wrap: (s: string) => string): string {
  return [...q.speakers.map(wrap), source(q.episodeTitle, q.showTitle, wrap), quoteClock(q)]
    .filter((part) => part !== '')
    .join(', ');
}

const ENTITY = /&(?=#?[a-z0-9]+;)/gi;

/**
 * Escapes what would change the meaning of text in Markdown (CommonMark + GFM): emphasis, code,
 * links, HTML and autolinks, entities, strikethrough, and a block marker at the very start.
 */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(ENTITY, '\\&');
  // Block markers only count at the start of a line; quote text is one line after tidying.
  return inline.replace(/^(\s*)([#+=-]|\d+(?=[.)]))/, (_, space: string, mark: string) =>
    /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

const URL_ESCAPES: Record<string, string> = { '(': '%28', ')': '%29', '<': '%3C', '>': '%3E' };

/** A URL safe inside Markdown's `(…)` link destination. */
function markdownUrl(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => URL_ESCAPES[c] ?? encodeURIComponent(c));
}

function markdownBlock(q: Quote): string {
  const when = q.link ? `[${quoteClock(q)}](${markdownUrl(q.link)})` : quoteClock(q);
  const who = [
    ...q.speakers.map(escapeMarkdown),
    source(q.episodeTitle, q.showTitle, escapeMarkdown),
    when,
  ]
    .filter((part) => part !== '')
    .join(', ');
  // The opening “ keeps a leading `#` or `>` from becoming a block marker; escaping covers it anyway.
  return `> “${escapeMarkdown(q.text)}”\n>\n> — ${who}`;
}

/** The quote as the clipboard's text: one line of plain text, or a Markdown blockquote. */
export function quoteText(q: Quote, style: QuoteStyle = 'plain'): string {
  if (style === 'markdown') return markdownBlock(q);
  const line = `“${q.text}” — ${attribution(q, (s) => s)}`;
  return q.link ? `${line} ${q.link}` : line;
}

/** The quote as the clipboard's HTML: a blockquote with the words, then the speakers, a `<cite>` and the link. */
/** What Copy puts on the clipboard: text in the listener's chosen style, and HTML. */
export function quoteClipboard(q: Quote, style: QuoteStyle): { text: string; html: string } {
  return { text: quoteText(q, style), html: quoteHtml(q) };
}

export function quoteHtml(q: Quote): string {
  const link = httpUrl(q.link) === null ? '' : q.link;
  const clock = escapeHtml(quoteClock(q));
  const when = link ? `<a href="${escapeHtml(link)}">${clock}</a>` : clock;
  const work = source(q.episodeTitle, q.showTitle, escapeHtml);
  const who = [...q.speakers.map(escapeHtml), work ? `<cite>${work}</cite>` : '', when]
    .filter((p) => p !== '')
    .join(', ');
  const cite = link ? ` cite="${escapeHtml(link)}"` : '';
  return `<blockquote${cite}><p>“${escapeHtml(q.text)}”</p><p>— ${who}</p></blockquote>`;
}

/**
 * Characters XML 1.0 does not allow at all (C0 controls other than tab and newlines, lone
 * surrogates, U+FFFE/F). Surrogate pairs match first and are kept: no lookbehind, which Safari
 * before 16.4 cannot parse (#13: it blanked the whole page).
 */
const XML_INVALID =
  /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g;

/** Escapes text for XML content and attributes, dropping characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, (match) => (match.length === 2 ? match : ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Seconds as the Podcasting 2.0 namespace writes them: a decimal, at most millisecond precision. */
function xmlSeconds(seconds: number): string {
  const ms = Math.round(Math.max(0, seconds) * 1000) / 1000;
  return Number.isInteger(ms) ? ms.toFixed(1) : String(ms);
}

/** `<podcast:soundbite startTime="…" duration="…">words</podcast:soundbite>` for the quote's range. */
export function quoteSoundbite(q: Quote): string {
  const start = xmlSeconds(q.start);
  const duration = xmlSeconds(q.end - q.start);
  return `<podcast:soundbite startTime="${start}" duration="${duration}">${escapeXml(q.text)}</podcast:soundbite>`;
}

/** Every quote as one Markdown document, in the order given (the state keeps newest first). */
export function exportMarkdown(quotes: readonly Quote[]): string {
  const head = '# Saved quotes\n';
  if (quotes.length === 0) return `${head}\nNo quotes saved yet.\n`;
  return `${head}\n${quotes.map(markdownBlock).join('\n\n')}\n`;
}
