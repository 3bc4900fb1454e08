import { describe, expect, it } from 'vitest';
import { timeAgo } from './timeAgo';

describe('when something happened', () => {
  const now = Date.UTC(2026, 2, 14, 15, 0);
  it('reads relative while recent, in French and English', () => {
    expect(timeAgo(now - 10_000, now, 'fr').text).toBe('maintenant');
    expect(timeAgo(now - 5 * 60_000, now, 'fr').text).toBe('il y a 5 minutes');
    expect(timeAgo(now - 3 * 3_600_000, now, 'fr').text).toBe('il y a 3 heures');
    expect(timeAgo(now - 5 * 60_000, now, 'en').text).toBe('5 minutes ago');
  });

  it('gives the day and time after a day, and always in full', () => {
    const old = timeAgo(now - 3 * 86_400_000, now, 'fr');
    expect(old.text).toBe(old.full);
    expect(old.full).toMatch(/11 mars 2026/);
    expect(timeAgo(now - 60_000, now, 'fr').full).toMatch(/14 mars 2026/);
  });
});
