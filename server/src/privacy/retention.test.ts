import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkshopRecord } from '../store/workshops';
import { startRetention } from './retention';

const DAY = 86_400_000;
const log = pino({ level: 'silent' });

afterEach(() => {
  vi.useRealTimers();
});

/** Workshops by last activity (epoch ms), as the store's `idleBefore` reads them. */
function store(lastActive: Record<string, number>) {
  return {
    idleBefore: (cutoff: string) =>
      Object.entries(lastActive)
        .filter(([, at]) => at < Date.parse(cutoff))
        .map(([id]) => id),
  };
}

describe('retention', () => {
  it('deletes the idle workshops at start and then at each sweep, as the clock moves on', () => {
    vi.useFakeTimers();
    let now = Date.parse('2027-03-01T00:00:00Z');
    const lastActive: Record<string, number> = { old: now - 31 * DAY, recent: now - 29 * DAY, today: now };
    const deleted: string[] = [];
    const deletion = {
      delete: (id: string) => {
        deleted.push(id);
        delete lastActive[id];
        return true;
      },
    };
    const retention = startRetention({
      days: 30,
      workshops: store(lastActive),
      deletion,
      log,
      everyMs: 3_600_000,
      now: () => now,
    });
    expect(deleted).toEqual(['old']);
    now += 2 * DAY;
    vi.advanceTimersByTime(3_600_000);
    expect(deleted).toEqual(['old', 'recent']);
    retention.stop();
    now += 60 * DAY;
    vi.advanceTimersByTime(10 * 3_600_000);
    expect(deleted).toEqual(['old', 'recent']);
  });

  it('tells when a workshop is due: its last activity plus the retention', () => {
    const retention = startRetention({
      days: 30,
      workshops: store({}),
      deletion: { delete: () => true },
      log,
    });
    const workshop = { lastActiveAt: '2027-03-01T10:00:00.000Z' } as WorkshopRecord;
    expect(retention.info(workshop)).toEqual({
      days: 30,
      lastActiveAt: '2027-03-01T10:00:00.000Z',
      deletionPlannedAt: '2027-03-31T10:00:00.000Z',
    });
    retention.stop();
  });
});
