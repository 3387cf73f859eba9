// How dates and lengths read in lists and headers: date-fns for the calendar arithmetic (a day
// across a DST change is still one day), Intl for the month's name (no date-fns locale on the
// first load, #11).
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';

const DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

/** "Today", "1 day ago", "3 days ago" within a week (calendar days), else "Feb 4, 2026"; '' when unknown. */
export function formatEpisodeDate(published: number | null, now: number = Date.now()): string {
  if (published === null || !Number.isFinite(published)) return '';
  const days = differenceInCalendarDays(now, published);
  if (days === 0) return 'Today';
  if (days > 0 && days < 7) return days === 1 ? '1 day ago' : `${days} days ago`;
  return DATE.format(published);
}

/** "42 min", "1 hr 7 min", "45 sec"; '' when unknown. */
export function formatLength(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `${Math.round(seconds)} sec`;
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} hr${m ? ` ${m} min` : ''}` : `${m} min`;
}

/** "Episode 3", or "S2 E3" with a season; '' when the feed numbers none (#15, serial shows). */
export function formatEpisodeNumber(episode: { episodeNumber?: number; season?: number }): string {
  if (episode.episodeNumber === undefined) return '';
  return episode.season !== undefined
    ? `S${episode.season} E${episode.episodeNumber}`
    : `Episode ${episode.episodeNumber}`;
}
