import type { Locale } from '@atelier/shared';

/** A session's day (`YYYY-MM-DD`) as people read it: "3 déc. 2026", in the session's calendar day whatever the time zone. */
export function sessionDay(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day));
}
