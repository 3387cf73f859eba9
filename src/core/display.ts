// How dates and lengths read in lists and headers (date-fns: relative when recent).
import { differenceInCalendarDays, format, formatDistanceStrict } from 'date-fns';

/** "3 days ago" within a week, else "Feb 4, 2026"; '' when unknown. */
export function formatEpisodeDate(published: number | null, now: number = Date.now()): string {
  if (published === null || !Number.isFinite(published)) return '';
  const days = differenceInCalendarDays(now, published);
  if (days >= 0 && days < 7) {
    if (days === 0) return 'Today';
    return formatDistanceStrict(published, now, {
      addSuffix: true,
      unit: 'day',
      roundingMethod: 'floor',
    });
  }
  return format(published, 'MMM d, yyyy');
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
