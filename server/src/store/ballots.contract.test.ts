/**
 * The ballot store's contract, on every backend (docs/scale-out.md, "Store contract suite"):
 * rounds, ballots, the reveal, and what concurrent changes may never do — lose a dot, pass the
 * budget, or slip past a reveal uncounted.
 */
import { randomUUID } from 'node:crypto';
import type { BallotChange } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { useBackends } from './backends.fixture';
import { nothingStored, type RoundRecord } from './ballots';
import { dotsRound } from './ballots.fixture';

const backends = useBackends();

const T0 = '2025-03-01T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** A round of the workshop under a new id, created at T0 and opened a minute later. */
const round = (workshopId: string, patch: Partial<RoundRecord> = {}): RoundRecord =>
  dotsRound({ id: `round-${randomUUID()}`, workshopId, createdAt: at(0), openedAt: at(1), ...patch });

const change = (patch: Omit<BallotChange, 'requestId'>, requestId: string = randomUUID()): BallotChange => ({
  requestId,
  ...patch,
});

/** A workshop with `count` residents `p0`, `p1`…; its id. */
async function workshopWith(
  stores: { addWorkshop: (id: string, people: [string, string][]) => Promise<void> },
  count: number,
) {
  const id = `w-${randomUUID()}`;
  const people = Array.from({ length: count }, (_, i): [string, string] => [`${id}-p${i}`, 'resident']);
  await stores.addWorkshop(id, people);
  return { id, people: people.map(([pid]) => pid) };
}

describe.each(backends)('ballots on $name', (backend) => {
  it('keeps rounds with their settings, state and results; a save from a stale state is refused', async () => {
    const stores = await backend.open();
    const { ballots } = stores;
    const w = await workshopWith(stores, 0);
    const other = await workshopWith(stores, 0);
    const draft = round(w.id, { state: 'draft', openedAt: null, durationMinutes: 5 });
    await ballots.createRound(draft);
    expect(await ballots.round(w.id, draft.id)).toEqual(draft);
    expect(await ballots.round(other.id, draft.id)).toBeNull();

    const opened: RoundRecord = { ...draft, state: 'open', openedAt: at(2), endsAt: Date.parse(at(7)) };
    // Settings never change: a save ignores them.
    expect(await ballots.saveRound({ ...opened, title: 'Renamed' }, draft)).toBe(true);
    expect(await ballots.round(w.id, draft.id)).toEqual(opened);
    // Another change came first: the caller read it a draft, it is open now.
    expect(await ballots.saveRound({ ...opened, state: 'closed', closedAt: at(3) }, draft)).toBe(false);
    expect(await ballots.round(w.id, draft.id)).toEqual(opened);
    // More time came first: a closing at the deadline read is refused, the round stays open.
    const extended: RoundRecord = { ...opened, endsAt: Date.parse(at(9)) };
    expect(await ballots.saveRound(extended, opened)).toBe(true);
    const closing: RoundRecord = { ...opened, state: 'closed', closedAt: at(7), endsAt: null };
    expect(await ballots.saveRound(closing, opened)).toBe(false);
    expect(await ballots.round(w.id, draft.id)).toEqual(extended);
    // Several closings of the same round as read at once: one saves it.
    const closings = await Promise.all(
      Array.from({ length: 5 }, () => ballots.saveRound({ ...closing, closedAt: at(9) }, extended)),
    );
    expect(closings.filter(Boolean)).toHaveLength(1);
    // Opened again as before, for the lists below.
    expect(await ballots.saveRound(opened, { state: 'closed', endsAt: null })).toBe(true);

    const later = round(w.id, { createdAt: at(1) });
    const elsewhere = round(other.id, { endsAt: Date.parse(at(9)), durationMinutes: 8 });
    await ballots.createRound(later);
    await ballots.createRound(elsewhere);
    expect((await ballots.rounds(w.id)).map((r) => r.id)).toEqual([draft.id, later.id]);
    expect((await ballots.timedOpenRounds()).map((r) => r.id).sort()).toEqual(
      [draft.id, elsewhere.id].sort(),
    );
  });

  it('keeps grades, points and a ranking as cast, the ranking in its order, and counts them at the reveal', async () => {
    const stores = await backend.open();
    const { ballots } = stores;
    const w = await workshopWith(stores, 3);
    const [lea = '', hugo = '', ines = ''] = w.people;
    const targets = [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ];
    const judged = round(w.id, {
      mode: 'judgment',
      dots: null,
      targets,
      grades: ['Bien', 'Passable', 'À rejeter'],
    });
    const shared = round(w.id, { mode: 'points', dots: null, targets, points: { budget: 10 } });
    const ranked = round(w.id, { mode: 'ranking', dots: null, targets });
    for (const r of [judged, shared, ranked]) await ballots.createRound(r);
    expect(await ballots.round(w.id, judged.id)).toEqual(judged);
    expect(await ballots.round(w.id, shared.id)).toEqual(shared);

    await ballots.cast(judged, lea, change({ grades: { a: 0, b: 2 } }));
    expect((await ballots.cast(judged, lea, change({ grades: { c: 1, b: null } }))).ballot?.grades).toEqual({
      a: 0,
      c: 1,
    });
    expect((await ballots.ballot(judged, lea)).grades).toEqual({ a: 0, c: 1 });
    expect((await ballots.cast(judged, hugo, change({ grades: { a: 3 } }))).refusal?.code).toBe(
      'unknown_grade',
    );

    expect((await ballots.cast(shared, lea, change({ points: { a: 6, b: 4 } }))).ballot).toMatchObject({
      used: 10,
      remaining: 0,
    });
    expect((await ballots.cast(shared, lea, change({ points: { c: 1 } }))).refusal?.code).toBe('over_budget');
    expect(await ballots.ballot(shared, lea)).toMatchObject({
      points: { a: 6, b: 4 },
      used: 10,
      remaining: 0,
    });

    await ballots.cast(ranked, lea, change({ ranking: ['c', 'a', 'b'] }));
    await ballots.cast(ranked, hugo, change({ ranking: ['b', 'c'] }));
    // A new order replaces the old one whole: b leaves, a and c swap.
    await ballots.cast(ranked, hugo, change({ ranking: ['a', 'c'] }));
    await ballots.cast(ranked, ines, change({ ranking: ['c', 'b', 'a'] }));
    expect((await ballots.ballot(ranked, hugo)).ranking).toEqual(['a', 'c']);
    expect((await ballots.ballots(ranked.id)).map((b) => b.ranking)).toEqual([
      ['c', 'a', 'b'],
      ['a', 'c'],
      ['c', 'b', 'a'],
    ]);
    const revealed = await ballots.reveal(ranked, at(5));
    expect(revealed?.results?.targets.map((t) => t.targetId)).toEqual(['c', 'a', 'b']);
    expect(revealed?.results?.pairwise).toEqual([
      [0, 2, 1],
      [1, 0, 0],
      [2, 3, 0],
    ]);
  });

  it('applies a change in one go, refuses a replay or a broken rule without writing anything', async () => {
    const stores = await backend.open();
    const { ballots } = stores;
    const w = await workshopWith(stores, 1);
    const [lea = ''] = w.people;
    const r = round(w.id);
    await ballots.createRound(r);
    expect(await ballots.ballot(r, lea)).toEqual({
      roundId: r.id,
      participantId: lea,
      dots: {},
      scores: {},
      grades: {},
      points: {},
      ranking: [],
      used: 0,
      remaining: 3,
      done: false,
    });
    expect(await ballots.ballots(r.id)).toEqual([]);

    const requestId = randomUUID();
    const first = await ballots.cast(r, lea, change({ dots: { a: 2 } }, requestId));
    expect(first.ballot).toMatchObject({ dots: { a: 2 }, used: 2, remaining: 1 });
    expect((await ballots.cast(r, lea, change({ dots: { b: 1 } }, requestId))).refusal?.code).toBe(
      'replayed',
    );
    expect((await ballots.cast(r, lea, change({ dots: { b: 2 } }))).refusal?.code).toBe('over_budget');
    expect((await ballots.cast(r, lea, change({ dots: { z: 1 } }))).refusal?.code).toBe('unknown_target');
    expect(await ballots.ballot(r, lea)).toEqual(first.ballot);

    // Zero withdraws: the row goes, so nothing is left of it.
    const moved = await ballots.cast(r, lea, change({ dots: { a: 0, b: 2 }, done: true }));
    expect(moved.ballot).toMatchObject({ dots: { b: 2 }, used: 2, done: true });
    expect(await ballots.ballots(r.id)).toEqual([
      { participantId: lea, group: 'resident', ...nothingStored(), dots: { b: 2 }, done: true },
    ]);

    expect((await ballots.clear(r, lea)).ballot).toMatchObject({
      dots: {},
      used: 0,
      remaining: 3,
      done: false,
    });
    expect(await ballots.ballots(r.id)).toEqual([
      { participantId: lea, group: 'resident', ...nothingStored() },
    ]);
  });

  it('keeps scores per target and criterion', async () => {
    const stores = await backend.open();
    const { ballots } = stores;
    const w = await workshopWith(stores, 1);
    const [lea = ''] = w.people;
    const r = round(w.id, {
      mode: 'scoring',
      dots: null,
      criteria: [
        { id: 'impact', label: 'Impact', weight: 2 },
        { id: 'cost', label: 'Coût', weight: 1 },
      ],
    });
    await ballots.createRound(r);
    await ballots.cast(r, lea, change({ scores: { a: { impact: 4, cost: 1 }, b: { impact: 2 } } }));
    const after = await ballots.cast(r, lea, change({ scores: { a: { cost: null } } }));
    expect(after.ballot).toMatchObject({ scores: { a: { impact: 4 }, b: { impact: 2 } }, used: 0 });
    expect((await ballots.ballot(r, lea)).scores).toEqual({ a: { impact: 4 }, b: { impact: 2 } });
  });

  it('refuses changes to a round no longer open, and reveals once with the ballots counted', async () => {
    const stores = await backend.open();
    const { ballots } = stores;
    const w = await workshopWith(stores, 2);
    const [lea = '', marc = ''] = w.people;
    const r = round(w.id);
    await ballots.createRound(r);
    await ballots.cast(r, lea, change({ dots: { a: 2, b: 1 } }));
    await ballots.cast(r, marc, change({ dots: { b: 2 } }));
    const closed: RoundRecord = { ...r, state: 'closed', closedAt: at(5) };
    expect(await ballots.saveRound(closed, r)).toBe(true);
    // The caller read it open: the store checks again inside the change's transaction.
    expect((await ballots.cast(r, lea, change({ dots: { a: 0 } }))).refusal?.code).toBe('round_not_open');
    expect((await ballots.clear(r, lea)).refusal?.code).toBe('round_not_open');

    const revealed = await ballots.reveal(r, at(6));
    expect(revealed).toMatchObject({ state: 'revealed', closedAt: at(5), revealedAt: at(6), endsAt: null });
    expect(revealed?.results?.voters).toBe(2);
    expect(revealed?.results?.targets.map((t) => [t.targetId, t.total])).toEqual([
      ['b', 3],
      ['a', 2],
    ]);
    expect(await ballots.round(w.id, r.id)).toEqual(revealed);
    // Already revealed; a draft cannot be.
    expect(await ballots.reveal(r, at(7))).toBeNull();
    const draft = round(w.id, { state: 'draft', openedAt: null });
    await ballots.createRound(draft);
    expect(await ballots.reveal(draft, at(7))).toBeNull();
    expect((await ballots.round(w.id, draft.id))?.state).toBe('draft');
  });

  it('discards a round: gone from the lists, its ballots deleted, no change taken', async () => {
    const stores = await backend.open();
    const { ballots } = stores;
    const w = await workshopWith(stores, 1);
    const [lea = ''] = w.people;
    const r = round(w.id, { endsAt: Date.parse(at(10)), durationMinutes: 9 });
    await ballots.createRound(r);
    await ballots.cast(r, lea, change({ dots: { a: 1 } }));
    await ballots.discard(r.id, at(2));
    expect(await ballots.round(w.id, r.id)).toBeNull();
    expect(await ballots.rounds(w.id)).toEqual([]);
    expect(await ballots.timedOpenRounds()).toEqual([]);
    expect(await ballots.ballots(r.id)).toEqual([]);
    for (const table of ['vote_entries', 'vote_ballots', 'vote_requests'])
      expect(await stores.countRows(table), table).toBe(0);
    expect((await ballots.cast(r, lea, change({ dots: { a: 1 } }))).refusal?.code).toBe('round_not_open');
    expect(await ballots.saveRound({ ...r, state: 'closed' }, r)).toBe(false);
    expect(await ballots.reveal(r, at(3))).toBeNull();
  });

  it('writes an import’s rounds in its transaction: all of them, or none', async () => {
    const stores = await backend.open();
    const w = await workshopWith(stores, 0);
    const revealed = round(w.id, {
      state: 'revealed',
      revealedAt: at(3),
      closedAt: at(2),
      results: {
        voters: 0,
        targets: [],
        ties: [],
        byGroup: [],
        pairwise: null,
        weighted: null,
        quorum: null,
      },
    });
    await expect(
      stores.storage.withTransaction(async (tx) => {
        await tx.ballots.createRound(revealed);
        throw new Error('the import failed further on');
      }),
    ).rejects.toThrow('the import failed further on');
    expect(await stores.ballots.rounds(w.id)).toEqual([]);
    await stores.storage.withTransaction((tx) => tx.ballots.createRound(revealed));
    expect(await stores.ballots.rounds(w.id)).toEqual([revealed]);
  });

  it('loses no dot of 20 people casting at once', async () => {
    const stores = await backend.open();
    const { ballots } = stores;
    const w = await workshopWith(stores, 20);
    const r = round(w.id);
    await ballots.createRound(r);
    const outcomes = await Promise.all(
      w.people.map((person) => ballots.cast(r, person, change({ dots: { a: 2, b: 1 } }))),
    );
    expect(outcomes.filter((o) => o.refusal)).toEqual([]);
    const stored = await ballots.ballots(r.id);
    expect(stored).toHaveLength(20);
    expect(stored.every((b) => b.dots.a === 2 && b.dots.b === 1)).toBe(true);
  });

  it('serialises 20 casts of one person at once: the budget holds and every accepted dot is kept', async () => {
    const stores = await backend.open();
    const { ballots } = stores;
    const w = await workshopWith(stores, 1);
    const [lea = ''] = w.people;
    const targets = Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, label: `T${i}` }));
    const r = round(w.id, { targets, dots: { budget: 5, cap: 1, negative: false } });
    await ballots.createRound(r);
    // Each adds one dot on another target: without serialising, each would see an empty ballot.
    const outcomes = await Promise.all(
      targets.map((t) => ballots.cast(r, lea, change({ dots: { [t.id]: 1 } }))),
    );
    const accepted = outcomes.filter((o) => o.ballot);
    expect(accepted).toHaveLength(5);
    expect(outcomes.filter((o) => o.refusal).map((o) => o.refusal?.code)).toEqual(
      Array(15).fill('over_budget'),
    );
    const ballot = await ballots.ballot(r, lea);
    expect(ballot.used).toBe(5);
    // The last accepted cast saw all the others: its ballot is the stored one.
    expect(accepted.map((o) => o.ballot?.dots)).toContainEqual(ballot.dots);

    // The same request sent 20 times at once (retries on several nodes) is applied once.
    const requestId = randomUUID();
    await ballots.clear(r, lea);
    const replays = await Promise.all(
      targets.map(() => ballots.cast(r, lea, change({ dots: { t0: 1, t1: 1 } }, requestId))),
    );
    expect(replays.filter((o) => o.ballot)).toHaveLength(1);
    expect(replays.filter((o) => o.refusal).map((o) => o.refusal?.code)).toEqual(Array(19).fill('replayed'));
    expect((await ballots.ballot(r, lea)).dots).toEqual({ t0: 1, t1: 1 });
  });

  it('counts each cast concurrent with a reveal exactly once: in the results, or refused as closed', async () => {
    const stores = await backend.open();
    const { ballots } = stores;
    const w = await workshopWith(stores, 20);
    const r = round(w.id);
    await ballots.createRound(r);
    const casts = w.people.map((person, i) => {
      const cast = ballots.cast(r, person, change({ dots: { a: 1 } }));
      return i === 10 ? [cast, ballots.reveal(r, at(5))] : [cast];
    });
    const settled = await Promise.all(casts.flat());
    const revealed = settled.find((s) => s !== null && 'state' in s) as RoundRecord | undefined;
    const outcomes = settled.filter((s) => s !== null && !('state' in s)) as Awaited<
      ReturnType<typeof ballots.cast>
    >[];
    expect(outcomes).toHaveLength(20);
    const accepted = outcomes.filter((o) => o.ballot).length;
    expect(outcomes.filter((o) => o.refusal).map((o) => o.refusal?.code)).toEqual(
      Array(20 - accepted).fill('round_not_open'),
    );
    expect(revealed?.state).toBe('revealed');
    expect(revealed?.results?.voters).toBe(accepted);
    expect(revealed?.results?.targets.find((t) => t.targetId === 'a')?.total).toBe(accepted);
    // Nothing was written after the count.
    expect((await ballots.ballots(r.id)).filter((b) => b.dots.a === 1)).toHaveLength(accepted);
  });
});
