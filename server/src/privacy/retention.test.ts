import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StrategyRecord } from '../store/strategies';
import type { WorkshopRecord } from '../store/workshops';
import { startRetention } from './retention';

const DAY = 86_400_000;
const log = pino({ level: 'silent' });

afterEach(() => {
  vi.useRealTimers();
});

/** Workshops by last activity (epoch ms), as the store's `idleBefore` reads them; `of`: their strategy. */
function store(lastActive: Record<string, number>, of: Record<string, string> = {}) {
  return {
    idleBefore: async (cutoff: string) =>
      Object.entries(lastActive)
        .filter(([, at]) => at < Date.parse(cutoff))
        .map(([id]) => id),
    get: async (id: string) =>
      id in lastActive ? ({ id, strategyId: of[id] ?? null } as WorkshopRecord) : null,
  };
}

/** Strategies by creation time (epoch ms) and their sessions, as the strategy store and deletion see them. */
function strategyStore(
  created: Record<string, number>,
  of: Record<string, string>,
  lastActive: Record<string, number>,
) {
  const deleted: string[] = [];
  return {
    deleted,
    strategies: {
      withoutSessions: async () =>
        Object.entries(created)
          .filter(([id]) => !Object.entries(of).some(([w, s]) => s === id && w in lastActive))
          .map(([id, at]) => ({ id, createdAt: new Date(at).toISOString() }) as StrategyRecord),
    },
    strategyDeletion: {
      delete: async (id: string) => {
        deleted.push(id);
        delete created[id];
        return [];
      },
    },
  };
}

const noStrategies = strategyStore({}, {}, {});

describe('retention', () => {
  it('deletes the idle workshops at start and then at each sweep, as the clock moves on', async () => {
    vi.useFakeTimers();
    let now = Date.parse('2027-03-01T00:00:00Z');
    const lastActive: Record<string, number> = { old: now - 31 * DAY, recent: now - 29 * DAY, today: now };
    const deleted: string[] = [];
    const deletion = {
      delete: async (id: string) => {
        deleted.push(id);
        delete lastActive[id];
        return true;
      },
    };
    const retention = startRetention({
      days: 30,
      workshops: store(lastActive),
      deletion,
      ...noStrategies,
      log,
      everyMs: 3_600_000,
      now: () => now,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(deleted).toEqual(['old']);
    now += 2 * DAY;
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(deleted).toEqual(['old', 'recent']);
    retention.stop();
    now += 60 * DAY;
    await vi.advanceTimersByTimeAsync(10 * 3_600_000);
    expect(deleted).toEqual(['old', 'recent']);
  });

  it('deletes a strategy it leaves with no session, and one never given a session since before the cutoff', async () => {
    const now = Date.parse('2027-03-01T00:00:00Z');
    // Two sessions of `emptied`, both idle; `kept` keeps a recent one; `fresh` and `stale` have none.
    const lastActive: Record<string, number> = {
      a: now - 40 * DAY,
      b: now - 31 * DAY,
      c: now - 31 * DAY,
      d: now,
    };
    const of = { a: 'emptied', b: 'emptied', c: 'kept', d: 'kept' };
    const fixture = strategyStore(
      { emptied: now - 90 * DAY, kept: now - 90 * DAY, fresh: now - DAY, stale: now - 31 * DAY },
      of,
      lastActive,
    );
    const deletion = {
      delete: async (id: string) => {
        delete lastActive[id];
        return true;
      },
    };
    const retention = startRetention({
      days: 30,
      workshops: store(lastActive, of),
      deletion,
      strategies: fixture.strategies,
      strategyDeletion: fixture.strategyDeletion,
      log,
      now: () => now,
    });
    await vi.waitFor(() => expect(fixture.deleted).toEqual(['emptied', 'stale']));
    expect(Object.keys(lastActive)).toEqual(['d']);
    retention.stop();
  });

  it('tells when a workshop is due: its last activity plus the retention', async () => {
    const retention = startRetention({
      days: 30,
      workshops: store({}),
      deletion: { delete: async () => true },
      ...noStrategies,
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
