// One RSS `<item>` (or Atom `<entry>`) → an Episode. Missing or broken fields become empty
// values plus a plain issue; nothing here throws.

import type { Chapter, ChaptersRef, Episode, Soundbite, TranscriptRef } from '../model.ts';
import { plainText } from '../text/plain-text.ts';
import { Children, baseOf, notesHtmlOf, textOf, type NsKey } from './xml.ts';
import { pickEnclosure, urlExtension, type Candidate } from './enclosure.ts';
import { episodeLabel, quoted, type IssueLog } from './issues.ts';
import { parseFeedDate } from './date.ts';
import { parseClock } from '../time.ts';
import { httpUrl } from '../url.ts';
import { stableId } from '../hash.ts';
import { parseDuration } from './duration.ts';

export interface ItemContext {
  /** The feed URL, against which relative URLs resolve. */
  base: string;
  /** The root element's namespace: elements in it count as the feed's own vocabulary. */
  coreNs: string | null;
  atom: boolean;
  log: IssueLog;
}

/** An episode plus the raw guid text, so the caller can tell given ids from made-up ones. */
export interface ParsedItem {
  episode: Episode;
  hadGuid: boolean;
  /** The id was made up from title and date (no guid, no media URL). */
  madeUpId: boolean;
}

const TYPE_BY_EXT: Record<string, string> = {
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
  json: 'application/json',
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
};

function atomLinks(c: Children, rel: string): Element[] {
  return c.all('', 'link').filter((l) => (l.getAttribute('rel')?.trim() || 'alternate') === rel);
}

function candidates(c: Children, atom: boolean, base: string): Candidate[] {
  // An element's own xml:base applies to its URL; the item's is in `base` already.
  const attr = (el: Element, name: string): string => {
    const value = el.getAttribute(name) ?? '';
    return name === 'url' || name === 'href' ? (httpUrl(value, baseOf(el, base)) ?? value) : value;
  };
  const out: Candidate[] = atom
    ? atomLinks(c, 'enclosure').map((l) => ({
        url: attr(l, 'href'),
        type: attr(l, 'type'),
        length: attr(l, 'length'),
      }))
    : c
        .all('', 'enclosure')
        .map((e) => ({ url: attr(e, 'url'), type: attr(e, 'type'), length: attr(e, 'length') }));
  for (const m of c.all('media', 'content')) {
    out.push({ url: attr(m, 'url'), type: attr(m, 'type'), length: attr(m, 'fileSize') });
  }
  return out;
}

function transcriptsOf(c: Children, ctx: ItemContext, label: string): TranscriptRef[] {
  const out: TranscriptRef[] = [];
  for (const el of c.all('podcast', 'transcript')) {
    const url = httpUrl(el.getAttribute('url') ?? '', baseOf(el, ctx.base));
    if (url === null) {
      ctx.log.add(
        'transcript-url',
        `Episode ${label}: a transcript has no usable address and was skipped`,
      );
      continue;
    }
    const ref: TranscriptRef = {
      url,
      type: el.getAttribute('type')?.trim() || TYPE_BY_EXT[urlExtension(url)] || '',
    };
    const language = el.getAttribute('language')?.trim();
    const rel = el.getAttribute('rel')?.trim();
    if (language) ref.language = language;
    if (rel) ref.rel = rel;
    out.push(ref);
  }
  return out;
}

function chaptersOf(c: Children, ctx: ItemContext): ChaptersRef | undefined {
  for (const el of c.all('podcast', 'chapters')) {
    const url = httpUrl(el.getAttribute('url') ?? '', baseOf(el, ctx.base));
    if (url !== null) return { url, type: el.getAttribute('type')?.trim() ?? '' };
  }
  return undefined;
}

/** `podcast:soundbite startTime duration` with an optional title, sorted by start; invalid ones skipped. */
function soundbitesOf(c: Children): Soundbite[] | undefined {
  const out: Soundbite[] = [];
  for (const el of c.all('podcast', 'soundbite')) {
    const start = Number(el.getAttribute('startTime'));
    const duration = Number(el.getAttribute('duration'));
    if (!Number.isFinite(start) || start < 0 || !Number.isFinite(duration) || duration <= 0)
      continue;
    out.push({ start, duration, title: textOf(el).replace(/\s+/g, ' ').trim() });
  }
  return out.length ? out.sort((a, b) => a.start - b.start) : undefined;
}

/** Podlove Simple Chapters, sorted by start (stable, so equal starts keep feed order). */
function pscChaptersOf(c: Children, ctx: ItemContext, label: string): Chapter[] | undefined {
  const out: Chapter[] = [];
  const lists = c.all('psc', 'chapters');
  // Podlove allows one chapter list per item; a second one is ignored, not merged in (#15).
  if (lists.length > 1)
    ctx.log.add(
      'psc-twice',
      `Episode ${label} has more than one Podlove chapter list; only the first is used`,
    );
  for (const list of lists.slice(0, 1)) {
    for (let el = list.firstElementChild; el; el = el.nextElementSibling) {
      if (el.localName !== 'chapter' || el.namespaceURI !== list.namespaceURI) continue;
      const rawStart = el.getAttribute('start') ?? '';
      const start = parseClock(rawStart);
      if (start === null) {
        ctx.log.add(
          'psc-start',
          `Episode ${label}: a chapter start ${quoted(rawStart)} could not be read; that chapter was skipped`,
        );
        continue;
      }
      const chapter: Chapter = { start, title: plainText(el.getAttribute('title') ?? '') };
      const url = httpUrl(el.getAttribute('href') ?? '', baseOf(el, ctx.base));
      const img = httpUrl(el.getAttribute('image') ?? '', baseOf(el, ctx.base));
      if (url) chapter.url = url;
      if (img) chapter.img = img;
      out.push(chapter);
    }
  }
  return out.length > 0 ? out.sort((a, b) => a.start - b.start) : undefined;
}

/** The longest of the show-notes fields, after undoing a double escape. */
function notesOf(c: Children, atom: boolean): string {
  const fields: [NsKey, string][] = atom
    ? [
        ['', 'content'],
        ['', 'summary'],
        ['itunes', 'summary'],
      ]
    : [
        ['content', 'encoded'],
        ['', 'description'],
        ['itunes', 'summary'],
      ];
  let best = '';
  for (const [ns, name] of fields) {
    const html = notesHtmlOf(c.text(ns, name));
    if (html.length > best.length) best = html;
  }
  return best;
}

function dateOf(
  c: Children,
  ctx: ItemContext,
  label: string,
): { raw: string; value: number | null } {
  const raw = ctx.atom
    ? c.text('', 'published') || c.text('', 'updated')
    : c.text('', 'pubDate') || c.text('dc', 'date');
  const value = parseFeedDate(raw);
  if (raw !== '' && value === null) {
    ctx.log.add(
      'date',
      `Episode ${label}: the date ${quoted(raw)} could not be read, so it is shown without a date`,
    );
  }
  return { raw, value };
}

/** `itunes:episode` / `itunes:season`: positive whole numbers, else undefined. */
function ordinal(raw: string): number | undefined {
  return /^\d{1,6}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
}

/** With no `<link>`, a permalink guid (`isPermaLink` absent or true, RSS's default) is the page. */
function permalinkOf(c: Children, guid: string): string {
  const el = c.first('', 'guid');
  const flag = el?.getAttribute('isPermaLink')?.trim().toLowerCase();
  return el && flag !== 'false' && /^https?:\/\//i.test(guid) ? guid : '';
}

export function parseItem(el: Element, index: number, outer: ItemContext): ParsedItem {
  const ctx = el.hasAttribute('xml:base') ? { ...outer, base: baseOf(el, outer.base) } : outer;
  const c = new Children(el, ctx.coreNs);
  const title = plainText(c.text('', 'title') || c.text('itunes', 'title'));
  const label = episodeLabel(title, index);
  const date = dateOf(c, ctx, label);

  const rawDuration = c.text('itunes', 'duration');
  const duration = parseDuration(rawDuration);
  if (rawDuration !== '' && duration === null) {
    ctx.log.add(
      'duration',
      `Episode ${label}: the duration ${quoted(rawDuration)} could not be read; the audio file will tell`,
    );
  }

  const media = candidates(c, ctx.atom, ctx.base);
  const resolve = (raw: string): string | null => httpUrl(raw, ctx.base);
  const enclosure = pickEnclosure(media, resolve, (why) =>
    ctx.log.add(`no-audio:${why}`, `Episode ${label} cannot be played: ${why}`),
  );
  const mediaUrl = enclosure?.url ?? media.map((m) => resolve(m.url)).find((u) => u !== null);

  const givenGuid = c.text('', ctx.atom ? 'id' : 'guid');
  // Neither guid nor enclosure: an id made from title and date, stable across reloads.
  const guid = givenGuid || mediaUrl || stableId(`${title}\n${date.raw}`);

  const episode: Episode = {
    guid,
    title,
    published: date.value,
    duration,
    enclosure,
    notesHtml: notesOf(c, ctx.atom),
    transcripts: transcriptsOf(c, ctx, label),
  };
  const image = httpUrl(c.attr('itunes', 'image', 'href'), ctx.base);
  const rawLink = ctx.atom
    ? (atomLinks(c, 'alternate')[0]?.getAttribute('href') ?? '')
    : textOf(c.first('', 'link')) || permalinkOf(c, givenGuid);
  const link = httpUrl(rawLink, ctx.base);
  const chapters = chaptersOf(c, ctx);
  const pscChapters = pscChaptersOf(c, ctx, label);
  const soundbites = soundbitesOf(c);
  if (soundbites) episode.soundbites = soundbites;
  if (image) episode.image = image;
  if (link) episode.link = link;
  if (chapters) episode.chapters = chapters;
  if (pscChapters) episode.pscChapters = pscChapters;
  const number = ordinal(c.text('itunes', 'episode'));
  const season = ordinal(c.text('itunes', 'season'));
  if (number !== undefined) episode.episodeNumber = number;
  if (season !== undefined) episode.season = season;
  return { episode, hadGuid: givenGuid !== '', madeUpId: !givenGuid && !mediaUrl };
}
