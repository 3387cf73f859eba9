// How dates and lengths read in lists and headers. Intl names the month; the calendar arithmetic
// is a few lines here rather than date-fns on the first load (#11).

const DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

/** Local calendar days from `from` to `to`: a day across a DST change still counts as one. */
function calendarDays(to: number, from: number): number {
  const day = (t: number) => {
    const d = new Date(t);
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** "Today", "1 day ago", "3 days ago" within a week (calendar days), else "Feb 4, 2026"; '' when unknown. */
export function formatEpisodeDate(published: number | null, now: number = Date.now()): string {
  if (published === null || !Number.isFinite(published)) return '';
  const days = calendarDays(now, published);
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
