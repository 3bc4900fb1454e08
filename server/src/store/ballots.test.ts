import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSqliteBallotStore, type RoundRecord } from './ballots';
import { openDb } from './db';
import { useTempDirs } from './temp-dirs';
import { createSqliteWorkshopStore } from './workshops';

const tempDir = useTempDirs('atelier-ballots-');
async function setup() {
  const dir = tempDir();
  const db = openDb(dir);
  const workshops = createSqliteWorkshopStore(db);
  const { workshop } = await workshops.create({
    title: 'Atelier',
    territory: { name: 'Ornans', kind: 'municipality' },
    locale: 'fr',
    facilitatorName: 'Camille',
  });
  const person = async () =>
    (
      await workshops.addParticipant({
        workshopId: workshop.id,
        name: 'Léa',
        group: 'resident',
        role: 'participant',
      })
    ).participant.id;
  return { db, store: createSqliteBallotStore(db), workshopId: workshop.id, person };
}

function round(workshopId: string, patch: Partial<RoundRecord> = {}): RoundRecord {
  return {
    id: `round-${randomUUID()}`,
    workshopId,
    title: 'Priorités',
    targetKind: 'issues',
    targets: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
    mode: 'dots',
    visibility: 'secret',
    dots: { budget: 3, cap: 2, negative: false },
    criteria: null,
    state: 'open',
    durationMinutes: null,
    endsAt: null,
    createdAt: new Date().toISOString(),
    openedAt: new Date().toISOString(),
    closedAt: null,
    revealedAt: null,
    results: null,
    ...patch,
  };
}

const change = (patch: { dots?: Record<string, number>; done?: boolean }, requestId = randomUUID()) => ({
  requestId,
  ...patch,
});

describe('SQLite ballot store', () => {
  it('keeps rounds with their settings, state and results', async () => {
    const { store, workshopId } = await setup();
    const first = round(workshopId, { state: 'draft', openedAt: null, durationMinutes: 5 });
    await store.createRound(first);
    expect(await store.round(workshopId, first.id)).toEqual(first);
    expect(await store.round('another-workshop', first.id)).toBeNull();

    const revealed: RoundRecord = {
      ...first,
      state: 'revealed',
      revealedAt: new Date().toISOString(),
      results: { voters: 0, targets: [], ties: [], byGroup: [] },
      // Settings never change: a save ignores them.
      title: 'Renamed',
    };
    await store.saveRound(revealed, 'draft');
    expect(await store.round(workshopId, first.id)).toEqual({ ...revealed, title: 'Priorités' });

    const timed = round(workshopId, { endsAt: Date.now() + 60_000, durationMinutes: 1 });
    await store.createRound(timed);
    expect((await store.rounds(workshopId)).map((r) => r.id)).toEqual([first.id, timed.id]);
    expect((await store.timedOpenRounds()).map((r) => r.id)).toEqual([timed.id]);
  });

  it('applies a change in one go, refuses a replay or a broken rule without writing anything', async () => {
    const { store, workshopId, person } = await setup();
    const r = round(workshopId);
    await store.createRound(r);
    const lea = await person();
    expect(await store.ballot(r, lea)).toEqual({
      roundId: r.id,
      participantId: lea,
      dots: {},
      scores: {},
      used: 0,
      remaining: 3,
      done: false,
    });

    const requestId = randomUUID();
    const first = await store.cast(r, lea, change({ dots: { a: 2 } }, requestId));
    expect(first.ballot).toMatchObject({ dots: { a: 2 }, used: 2, remaining: 1 });
    expect((await store.cast(r, lea, change({ dots: { b: 1 } }, requestId))).refusal?.code).toBe('replayed');
    expect((await store.cast(r, lea, change({ dots: { b: 2 } }))).refusal?.code).toBe('over_budget');
    expect(await store.ballot(r, lea)).toEqual(first.ballot);

    // Zero withdraws: the row goes, so nothing is left of it.
    const moved = await store.cast(r, lea, change({ dots: { a: 0, b: 2 }, done: true }));
    expect(moved.ballot).toMatchObject({ dots: { b: 2 }, used: 2, done: true });
    expect(await store.ballots(r.id)).toEqual([
      { participantId: lea, group: 'resident', dots: { b: 2 }, scores: {}, done: true },
    ]);

    expect((await store.clear(r, lea)).ballot).toMatchObject({
      dots: {},
      used: 0,
      remaining: 3,
      done: false,
    });
    expect(await store.ballots(r.id)).toEqual([
      { participantId: lea, group: 'resident', dots: {}, scores: {}, done: false },
    ]);
  });

  it('keeps scores per target and criterion', async () => {
    const { store, workshopId, person } = await setup();
    const r = round(workshopId, {
      mode: 'scoring',
      dots: null,
      criteria: [
        { id: 'impact', label: 'Impact', weight: 2 },
        { id: 'cost', label: 'Coût', weight: 1 },
      ],
    });
    await store.createRound(r);
    const lea = await person();
    await store.cast(r, lea, {
      requestId: randomUUID(),
      scores: { a: { impact: 4, cost: 1 }, b: { impact: 2 } },
    });
    const after = await store.cast(r, lea, { requestId: randomUUID(), scores: { a: { cost: null } } });
    expect(after.ballot).toMatchObject({
      scores: { a: { impact: 4 }, b: { impact: 2 } },
      used: 0,
      remaining: 0,
    });
    expect((await store.ballot(r, lea)).scores).toEqual({ a: { impact: 4 }, b: { impact: 2 } });
  });

  it('discards a round: gone from the lists, its ballots deleted', async () => {
    const { db, store, workshopId, person } = await setup();
    const r = round(workshopId);
    await store.createRound(r);
    const lea = await person();
    await store.cast(r, lea, change({ dots: { a: 1 } }));
    await store.discard(r.id, new Date().toISOString());
    expect(await store.round(workshopId, r.id)).toBeNull();
    expect(await store.rounds(workshopId)).toEqual([]);
    expect(await store.ballots(r.id)).toEqual([]);
    for (const table of ['vote_entries', 'vote_ballots', 'vote_requests']) {
      expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });
});
