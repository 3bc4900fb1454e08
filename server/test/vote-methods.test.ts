/**
 * Majority judgment, points and ranking rounds through the public API and stock y-websocket
 * clients (issue 20 §1): each mode's rules, the results secret until the reveal, then the worked
 * results in total and by group, the small groups merged into "other" (docs/votes.md).
 */
import { DEFAULT_GRADE_LABELS, type PublicRound, readRound, roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { api, connectDoc, type DocClient, useServer, waitDoc } from './harness';
import {
  type Change,
  ISSUES,
  NINE_VOTERS,
  type NineVoter,
  ok,
  refused,
  roundBody,
  type VotesApi,
  votingWorkshop,
} from './votes-api';

const server = useServer();

const [A, B, C] = ISSUES.map((i) => i.id) as [string, string, string];

/**
 * A workshop of `NINE_VOTERS` with issues A, B and C, a round of `mode` opened on them, and a stock
 * client on the control room for Rémi (a participant) and for the facilitator.
 */
async function openRound(patch: Parameters<typeof roundBody>[0]) {
  const w = await votingWorkshop(server, NINE_VOTERS, ISSUES.slice(0, 3));
  const round = ok(await w.votes.create(w.fanny, roundBody(patch)), 201);
  ok(await w.votes.act(w.fanny, round.id, 'open'));
  const control = (token: string) => connectDoc(server.wsUrl, roomName(w.workshop.id, 'control'), token);
  const [remi, fanny] = await Promise.all([control(w.r1.token), control(w.fanny)]);
  const cast = (who: NineVoter, change: Change) =>
    w.votes.cast(w[who].token, round.id, w[who].participantId, change);
  return { w, round, remi, fanny, cast };
}

/** Everyone's ballot, cast; then, before the reveal, nothing of any reaches Rémi's control document. */
async function castAll(
  s: { round: PublicRound; remi: DocClient; cast: (who: NineVoter, change: Change) => Promise<unknown> },
  ballots: Record<NineVoter, Change>,
) {
  for (const [who, change] of Object.entries(ballots)) ok((await s.cast(who as NineVoter, change)) as never);
  const seen = readRound(s.remi.doc, s.round.id);
  expect(seen?.state).toBe('open');
  expect(seen?.results).toBeNull();
}

/** Reveals the round and waits for Rémi's stock client to get it. */
async function reveal(s: { w: { fanny: string; votes: VotesApi }; round: PublicRound; remi: DocClient }) {
  ok(await s.w.votes.act(s.w.fanny, s.round.id, 'close'));
  expect(readRound(s.remi.doc, s.round.id)?.results ?? null).toBeNull();
  ok(await s.w.votes.act(s.w.fanny, s.round.id, 'reveal'));
  await waitDoc(s.remi, (d) => readRound(d, s.round.id)?.state === 'revealed', 'the reveal to reach Rémi');
  const results = readRound(s.remi.doc, s.round.id)?.results;
  if (!results) throw new Error('no results');
  return results;
}

const groupsOf = (results: NonNullable<PublicRound['results']>) =>
  results.byGroup.map((g) => ({
    group: g.group,
    voters: g.voters,
    merged: g.merged,
    totals: g.totals,
    ranks: g.ranks,
  }));

describe('a majority judgment round', () => {
  it('grades on the default scale, secret until the reveal; majority grades, profiles and gauges in total and by group', async () => {
    const s = await openRound({ mode: 'judgment', title: 'Jugement' });
    expect(s.round.grades).toEqual([...DEFAULT_GRADE_LABELS.fr]);
    refused(await s.cast('r1', { grades: { [A]: 7 } }), 400, 'bad_request');
    refused(await s.cast('r1', { dots: { [A]: 1 } }), 422, 'wrong_mode');
    // Grades: 0 Excellent … 3 Assez bien … 6 À rejeter. Rachid leaves C ungraded: À rejeter.
    await castAll(s, {
      r1: { grades: { [A]: 0, [B]: 2, [C]: 4 } },
      r2: { grades: { [A]: 1, [B]: 2, [C]: 4 } },
      r3: { grades: { [A]: 1, [B]: 3 } },
      e1: { grades: { [A]: 2, [B]: 1, [C]: 3 } },
      e2: { grades: { [A]: 3, [B]: 1, [C]: 3 } },
      e3: { grades: { [A]: 2, [B]: 0, [C]: 3 } },
      b1: { grades: { [A]: 0, [B]: 5, [C]: 2 } },
      a1: { grades: { [A]: 1, [B]: 2, [C]: 6 } },
      a2: { grades: { [A]: 4, [B]: 2, [C]: 2 } },
    });
    const progress = ok(await s.w.votes.progress(s.w.fanny, s.round.id));
    expect(progress).toMatchObject({ voted: 9, done: 8 });

    const results = await reveal(s);
    // A: 2 Excellent, 3 Très bien, 2 Bien, 1 Assez bien, 1 Passable → median (5th of 9) Très bien;
    //    2/9 above, 4/9 below: Très bien −.
    // B: 1, 2, 4 Bien, 1 Assez bien, 1 Insuffisant → Bien; 3/9 above, 2/9 below: Bien +.
    // C: 2 Bien, 3 Assez bien, 2 Passable, 2 À rejeter → Assez bien −. Majority grades decide: A, B, C.
    expect(
      results.targets.map((t) => [t.targetId, t.rank, t.total, t.voters, t.profile, t.gauge?.sign]),
    ).toEqual([
      [A, 1, 1, 9, [2, 3, 2, 1, 1, 0, 0], '-'],
      [B, 2, 2, 9, [1, 2, 4, 1, 0, 1, 0], '+'],
      [C, 3, 3, 8, [0, 0, 2, 3, 2, 0, 2], '-'],
    ]);
    expect(results.targets[0]?.gauge).toEqual({ grade: 1, sign: '-', above: 0.222, below: 0.444 });
    // Business (1) and associations (2) are too few on their own: one "other" bucket of three.
    // Other: A Excellent, Très bien, Passable → Très bien; B Insuffisant, Bien, Bien → Bien;
    // C Bien, À rejeter, Bien → Bien: B before C by majority values (Insuffisant beats À rejeter).
    expect(groupsOf(results)).toEqual([
      {
        group: 'elected',
        voters: 3,
        merged: [],
        totals: { [A]: 2, [B]: 1, [C]: 3 },
        ranks: { [B]: 1, [A]: 2, [C]: 3 },
      },
      {
        group: 'resident',
        voters: 3,
        merged: [],
        totals: { [A]: 1, [B]: 2, [C]: 4 },
        ranks: { [A]: 1, [B]: 2, [C]: 3 },
      },
      {
        group: 'other',
        voters: 3,
        merged: ['business', 'association'],
        totals: { [A]: 1, [B]: 2, [C]: 2 },
        ranks: { [A]: 1, [B]: 2, [C]: 3 },
      },
    ]);
    expect(readRound(s.fanny.doc, s.round.id)?.results).toEqual(results);
  });

  it('takes a scale of its own (3 to 7 grades), and refuses a grade off it', async () => {
    const s = await openRound({ mode: 'judgment', grades: ['Pour', 'Mitigé', 'Contre'] });
    expect(s.round.grades).toEqual(['Pour', 'Mitigé', 'Contre']);
    refused(await s.cast('r1', { grades: { [A]: 3 } }), 422, 'unknown_grade');
    ok(await s.cast('r1', { grades: { [A]: 2 } }));
    refused(
      await s.w.votes.create(s.w.fanny, roundBody({ mode: 'judgment', grades: ['Oui', 'Non'] })),
      400,
      'bad_request',
    );
    refused(
      await s.w.votes.create(s.w.fanny, roundBody({ mode: 'dots', grades: ['Oui', 'Bof', 'Non'] })),
      400,
      'bad_request',
    );
  });
});

describe('a points round', () => {
  it('shares out a budget, refuses going over it; points summed in total and by group', async () => {
    const s = await openRound({ mode: 'points', points: { budget: 10 } });
    expect(s.round.points).toEqual({ budget: 10 });
    await castAll(s, {
      r1: { points: { [A]: 6, [B]: 4 } },
      r2: { points: { [A]: 5, [C]: 5 } },
      r3: { points: { [B]: 10 } },
      e1: { points: { [C]: 10 } },
      e2: { points: { [A]: 3, [B]: 3, [C]: 4 } },
      e3: { points: { [A]: 10 } },
      b1: { points: { [B]: 7, [C]: 3 } },
      a1: { points: { [A]: 1, [B]: 1, [C]: 1 } },
      a2: { points: { [C]: 10 } },
    });
    refused(await s.cast('r1', { points: { [C]: 1 } }), 422, 'over_budget');
    expect(ok(await s.w.votes.ballot(s.w.r1.token, s.round.id, s.w.r1.participantId))).toMatchObject({
      points: { [A]: 6, [B]: 4 },
      used: 10,
      remaining: 0,
    });
    // Aline gave 3 of her 10.
    expect(ok(await s.w.votes.progress(s.w.fanny, s.round.id))).toMatchObject({
      dotsLeft: null,
      pointsLeft: 7,
    });

    const results = await reveal(s);
    expect(results.targets.map((t) => [t.targetId, t.rank, t.total, t.voters])).toEqual([
      [C, 1, 33, 6],
      [A, 2, 25, 5],
      [B, 2, 25, 5],
    ]);
    expect(results.ties).toEqual([[A, B]]);
    expect(groupsOf(results).map((g) => [g.group, g.merged, g.totals])).toEqual([
      ['elected', [], { [A]: 13, [B]: 3, [C]: 14 }],
      ['resident', [], { [A]: 11, [B]: 14, [C]: 5 }],
      ['other', ['business', 'association'], { [A]: 1, [B]: 8, [C]: 14 }],
    ]);
  });
});

describe('a ranking round', () => {
  it('orders the targets, counted by the Schulze method with the pairwise matrix; by group too', async () => {
    const s = await openRound({ mode: 'ranking' });
    refused(await s.cast('r1', { ranking: [A, A] }), 400, 'bad_request');
    refused(await s.cast('r1', { ranking: [A, 'elsewhere'] }), 422, 'unknown_target');
    // Rémi changes his mind: a new order replaces the old one whole.
    ok(await s.cast('r1', { ranking: [C, B, A] }));
    await castAll(s, {
      r1: { ranking: [A, B, C] },
      r2: { ranking: [A, B, C] },
      r3: { ranking: [A, B, C] },
      e1: { ranking: [B, C, A] },
      e2: { ranking: [B, C, A] },
      e3: { ranking: [B, C, A] },
      b1: { ranking: [C, A, B] },
      a1: { ranking: [C, A, B] },
      // Aude ranks only C and B: A comes after both on her ballot.
      a2: { ranking: [C, B] },
    });
    const results = await reveal(s);
    // A over B 5–4, B over C 6–3, C over A 6–3: a cycle. Strongest paths: B→A 6 (via C) against
    // A→B 5; C→A 6 against A→C 5 (via B); B→C 6 against C→B 5 (via A). B beats both, C beats A.
    expect(results.pairwise).toEqual([
      [0, 5, 3],
      [4, 0, 6],
      [6, 3, 0],
    ]);
    expect(results.targets.map((t) => [t.targetId, t.rank, t.total, t.voters])).toEqual([
      [B, 1, 2, 9],
      [C, 2, 1, 9],
      [A, 3, 0, 8],
    ]);
    expect(groupsOf(results).map((g) => [g.group, g.merged, g.ranks])).toEqual([
      ['elected', [], { [B]: 1, [C]: 2, [A]: 3 }],
      ['resident', [], { [A]: 1, [B]: 2, [C]: 3 }],
      ['other', ['business', 'association'], { [C]: 1, [A]: 2, [B]: 3 }],
    ]);
  });

  it('refuses a ranking of more than 30 targets when the round is made', async () => {
    const w = await votingWorkshop(
      server,
      { r1: NINE_VOTERS.r1 },
      Array.from({ length: 31 }, (_, i) => ({ id: `issue-${i}`, title: `Enjeu ${i}` })),
    );
    refused(await w.votes.create(w.fanny, roundBody({ mode: 'ranking' })), 400, 'bad_request');
    ok(await w.votes.create(w.fanny, roundBody({ mode: 'judgment' })), 201);
  });
});

describe('a quorum per group and college weighting', () => {
  it('refuses the reveal until every group reached the quorum, or the facilitator overrides it; both results published', async () => {
    const s = await openRound({
      mode: 'dots',
      dots: { budget: 1, cap: 1, negative: false },
      quorum: { percent: 50 },
      collegeWeighting: true,
    });
    expect(s.round).toMatchObject({ quorum: { percent: 50 }, collegeWeighting: true });
    for (const who of ['r1', 'r2', 'r3'] as const) ok(await s.cast(who, { dots: { [A]: 1 } }));
    ok(await s.cast('e1', { dots: { [B]: 1 } }));
    const reveal = (body?: unknown) =>
      api<PublicRound>(server.url, 'POST', `/api/workshops/${s.w.workshop.id}/rounds/${s.round.id}/reveal`, {
        token: s.w.fanny,
        ...(body === undefined ? {} : { body }),
      });
    // Elected 1 of 3, business 0 of 1, associations 0 of 2: short of half.
    const refusal = await reveal();
    refused(refusal, 409, 'quorum_not_met');
    expect(JSON.stringify(refusal.body)).toMatch(/elected \(1\/3\), business \(0\/1\), association \(0\/2\)/);
    expect(readRound(s.remi.doc, s.round.id)?.results ?? null).toBeNull();
    ok(await s.cast('e2', { dots: { [B]: 1 } }));
    ok(await s.cast('b1', { dots: { [B]: 1 } }));
    ok(await s.cast('a1', { dots: { [C]: 1 } }));
    refused(await reveal({ overrideQuorum: 'yes' }), 400, 'bad_request');
    ok(await reveal({}), 200);
    await waitDoc(s.remi, (d) => readRound(d, s.round.id)?.state === 'revealed', 'the reveal to reach Rémi');
    const results = readRound(s.remi.doc, s.round.id)?.results;
    expect(results?.quorum).toEqual({
      percent: 50,
      met: true,
      groups: [
        { group: 'elected', expected: 3, voted: 2, met: true },
        { group: 'resident', expected: 3, voted: 3, met: true },
        { group: 'business', expected: 1, voted: 1, met: true },
        { group: 'association', expected: 2, voted: 1, met: true },
      ],
    });
    // Plain: A 3, B 3, C 1.
    expect(results?.targets.map((t) => [t.targetId, t.total])).toEqual([
      [A, 3],
      [B, 3],
      [C, 1],
    ]);
    // Groups as shown by group: residents (3) and "other" (elected 2, business 1, association 1 = 4).
    // Each weighs 7 / 2 = 3.5: A 3 × 3.5/3 = 3.5; B 3 × 3.5/4 = 2.625; C 3.5/4 = 0.875.
    expect(results?.byGroup.map((g) => [g.group, g.merged])).toEqual([
      ['resident', []],
      ['other', ['elected', 'business', 'association']],
    ]);
    expect(results?.weighted?.targets.map((t) => [t.targetId, t.rank, t.total])).toEqual([
      [A, 1, 3.5],
      [B, 2, 2.625],
      [C, 3, 0.875],
    ]);
  });

  it('reveals with the quorum not met when the facilitator overrides it, and says so', async () => {
    const s = await openRound({ mode: 'points', points: { budget: 10 }, quorum: { percent: 100 } });
    ok(await s.cast('r1', { points: { [A]: 10 } }));
    ok(
      await api<PublicRound>(
        server.url,
        'POST',
        `/api/workshops/${s.w.workshop.id}/rounds/${s.round.id}/reveal`,
        {
          token: s.w.fanny,
          body: { overrideQuorum: true },
        },
      ),
    );
    await waitDoc(s.remi, (d) => readRound(d, s.round.id)?.state === 'revealed', 'the reveal to reach Rémi');
    const results = readRound(s.remi.doc, s.round.id)?.results;
    expect(results?.quorum?.met).toBe(false);
    expect(results?.quorum?.groups.find((g) => g.group === 'resident')).toEqual({
      group: 'resident',
      expected: 3,
      voted: 1,
      met: false,
    });
    expect(results?.weighted).toBeNull();
  });
});
