import { describe, expect, it } from 'vitest';
import { retentionWarning } from './retentionWarning';

const DAY = 86_400_000;
const now = Date.parse('2027-03-20T12:00:00Z');
const info = (idleDays: number) => ({
  days: 30,
  lastActiveAt: new Date(now - idleDays * DAY).toISOString(),
  deletionPlannedAt: new Date(now - idleDays * DAY + 30 * DAY).toISOString(),
});

describe('the retention warning', () => {
  it('is shown in the last week before the planned deletion, with the date the visit postpones it to', () => {
    expect(retentionWarning(info(22), now)).toBeNull();
    expect(retentionWarning(info(24), now)).toEqual({
      since: now - 24 * DAY,
      due: now + 6 * DAY,
      postponed: now + 30 * DAY,
    });
    // Overdue (the sweep has not run yet): still said.
    expect(retentionWarning(info(31), now)?.due).toBe(now - DAY);
  });
});
