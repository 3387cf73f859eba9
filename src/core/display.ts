// How dates and lengths read in lists and headers. Intl, not date-fns: the same words for ~6 KiB
// less first-load JavaScript (#11).

const DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

/** Whole calendar days from `earlier` to `later` in local time (DST days count as one). */
function calendarDays(later: number, earlier: number): number {
  const a = new Date(later);
  const b = new Date(earlier);
  const dayA = Date.UTC(a.getFullYear(), a.getMonth(), a.getDate());
  const dayB = Date.UTC(b.getFullYear(), b.getMonth(), b.getDate());
  return Math.round((dayA - dayB) / 86_400_000);
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
