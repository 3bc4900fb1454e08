import type { Locale } from '@atelier/shared';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * When something happened, as a person reads it (a note deleted, in the bin; a workshop last
 * opened, on the home page): relative while recent ("il y a 5 minutes", "maintenant"), the day
 * and time after a day. `full` is the exact date and time.
 */
export function timeAgo(at: number, now: number, locale: Locale): { text: string; full: string } {
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const ago = Math.max(0, now - at);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (ago < MINUTE) return { text: relative.format(0, 'second'), full };
  if (ago < HOUR) return { text: relative.format(-Math.floor(ago / MINUTE), 'minute'), full };
  if (ago < 24 * HOUR) return { text: relative.format(-Math.floor(ago / HOUR), 'hour'), full };
  return { text: full, full };
}
