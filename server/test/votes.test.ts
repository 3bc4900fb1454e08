import { randomUUID } from 'node:crypto';
import {
  draftsRoomName,
  MINUTE_MS,
  type PublicRound,
  readControlState,
  readReminders,
  readRound,
  readRounds,
  readTimer,
  roomName,
  setStep,
} from '@atelier/shared';
import { CONTROL_ROOTS, votesMap } from '@atelier/shared/layout';
import { describe, expect, it } from 'vitest';
import { api, connectDoc, type DocClient, TWO_AND_OBSERVER, useServer, waitDoc, waitFor } from './harness';
import {
  ISSUES,
  NINE_VOTERS,
  type NineVoter,
  ok,
  openDotsRound,
  refused,
  roundBody,
  votingWorkshop,
} from './votes-api';

/** A target's result lines of the modes other than majority judgment: no merit profile, no gauge. */
const NO_DETAILS = { profile: [], gauge: null };

const server = useServer();

const [A, B, C, D] = ISSUES.map((i) => i.id) as [string, string, string, string];

/** A workshop with Alice, Bob (participants) and Olga (observer), and four issues on the board. */
const workshop = () => votingWorkshop(server, TWO_AND_OBSERVER);

const control = (w: { workshop: { id: string } }, token: string): Promise<DocClient> =>
  connectDoc(server.wsUrl, roomName(w.workshop.id, 'control'), token);

describe('casting dots: the rules', () => {
  it('enforces the budget, the cap per item and no dots against; a refused change leaves the ballot as it was', async () => {
    const w = await workshop();
    const round = await openDotsRound(w);
    const alice = (change: Parameters<typeof w.votes.cast>[3]) =>
      w.votes.cast(w.alice.token, round.id, w.alice.participantId, change);
    const readBack = async () => ok(await w.votes.ballot(w.alice.token, round.id, w.alice.participantId));

    const first = ok(await alice({ dots: { [A]: 2 } }));
    expect(first).toMatchObject({ dots: { [A]: 2 }, used: 2, remaining: 1, done: false });

    refused(await alice({ dots: { [A]: 3 } }), 422, 'over_cap');
    expect(await readBack()).toEqual(first);
    refused(await alice({ dots: { [B]: 2 } }), 422, 'over_budget');
    expect(await readBack()).toEqual(first);
    refused(await alice({ dots: { [B]: -1 } }), 422, 'negative_not_allowed');
    expect(await readBack()).toEqual(first);
    refused(await alice({ dots: { 'not-an-issue': 1 } }), 422, 'unknown_target');
    expect(await readBack()).toEqual(first);
    refused(await alice({ scores: { [A]: { impact: 3 } } }), 422, 'wrong_mode');
    // A change is all or nothing: the valid entry beside the refused one is not applied either.
    refused(await alice({ dots: { [C]: 1, [D]: 3 } }), 422, 'over_cap');
    expect(await readBack()).toEqual(first);

    // Moving dots in one change is fine: withdraw from A, place on B and C.
    const moved = ok(await alice({ dots: { [A]: 0, [B]: 2, [C]: 1 } }));
    expect(moved).toMatchObject({ dots: { [B]: 2, [C]: 1 }, used: 3, remaining: 0 });
    expect(await readBack()).toEqual(moved);

    const cleared = ok(await w.votes.clear(w.alice.token, round.id, w.alice.participantId));
    expect(cleared).toMatchObject({ dots: {}, used: 0, remaining: 3, done: false });
    expect(await readBack()).toEqual(cleared);
  });

  it('counts dots against in the budget when the round allows them', async () => {
    const w = await workshop();
    const round = await openDotsRound(w, { dots: { budget: 3, cap: 2, negative: true } });
    const cast = (dots: Record<string, number>) =>
      w.votes.cast(w.bob.token, round.id, w.bob.participantId, { dots });
    expect(ok(await cast({ [A]: -2 }))).toMatchObject({ dots: { [A]: -2 }, used: 2, remaining: 1 });
    refused(await cast({ [B]: 2 }), 422, 'over_budget');
    refused(await cast({ [B]: -3 }), 422, 'over_cap');
    expect(ok(await cast({ [B]: 1 }))).toMatchObject({ dots: { [A]: -2, [B]: 1 }, used: 3, remaining: 0 });
  });
});

describe('casting: who, when, and only once', () => {
  it('refuses observers, another person’s ballot, unknown rounds, closed rounds and replayed requests', async () => {
    const w = await workshop();
    const round = await openDotsRound(w);
    const aliceBallot = ok(
      await w.votes.cast(w.alice.token, round.id, w.alice.participantId, { dots: { [A]: 1 } }),
    );
    const aliceReads = async () => ok(await w.votes.ballot(w.alice.token, round.id, w.alice.participantId));

    // Observers never vote, not even on their own ballot.
    refused(
      await w.votes.cast(w.olga.token, round.id, w.olga.participantId, { dots: { [A]: 1 } }),
      403,
      'observer_cannot_vote',
    );
    refused(await w.votes.ballot(w.olga.token, round.id, w.olga.participantId), 403, 'observer_cannot_vote');

    // Bob, and the facilitator, cannot read, change or clear Alice's ballot.
    for (const token of [w.bob.token, w.fanny]) {
      refused(await w.votes.ballot(token, round.id, w.alice.participantId), 403, 'not_your_ballot');
      refused(
        await w.votes.cast(token, round.id, w.alice.participantId, { dots: { [B]: 2 } }),
        403,
        'not_your_ballot',
      );
      refused(await w.votes.clear(token, round.id, w.alice.participantId), 403, 'not_your_ballot');
    }
    expect(await aliceReads()).toEqual(aliceBallot);

    // No token, a bad body, an unknown round.
    refused(
      await w.votes.cast('', round.id, w.alice.participantId, { dots: { [A]: 1 } }),
      401,
      'unauthorized',
    );
    refused(
      await w.votes.cast(w.alice.token, round.id, w.alice.participantId, { requestId: 'again', dots: {} }),
      400,
      'bad_request',
    );
    refused(
      await w.votes.cast(w.alice.token, 'no-such-round', w.alice.participantId, { dots: { [A]: 1 } }),
      404,
      'not_found',
    );

    // A request seen before is refused, whatever it carries now.
    const requestId = randomUUID();
    const once = ok(
      await w.votes.cast(w.alice.token, round.id, w.alice.participantId, { requestId, dots: { [B]: 1 } }),
    );
    refused(
      await w.votes.cast(w.alice.token, round.id, w.alice.participantId, { requestId, dots: { [B]: 1 } }),
      409,
      'replayed',
    );
    refused(
      await w.votes.cast(w.alice.token, round.id, w.alice.participantId, {
        requestId,
        dots: { [B]: 0, [C]: 2 },
      }),
      409,
      'replayed',
    );
    expect(await aliceReads()).toEqual(once);

    // Closed: no change, no clearing; the ballot can still be read back.
    ok(await w.votes.act(w.fanny, round.id, 'close'));
    refused(
      await w.votes.cast(w.alice.token, round.id, w.alice.participantId, { dots: { [C]: 1 } }),
      409,
      'round_not_open',
    );
    refused(await w.votes.clear(w.alice.token, round.id, w.alice.participantId), 409, 'round_not_open');
    expect(await aliceReads()).toEqual(once);

    // A draft round takes no vote either.
    const draft = ok(await w.votes.create(w.fanny, roundBody({ targets: [A, B] })), 201);
    refused(
      await w.votes.cast(w.bob.token, draft.id, w.bob.participantId, { dots: { [A]: 1 } }),
      409,
      'round_not_open',
    );
  });

  it('lets a co-facilitator promoted from observer vote, and refuses a removed participant’s token', async () => {
    const w = await workshop();
    const round = await openDotsRound(w);
    const base = `/api/workshops/${w.workshop.id}/participants`;
    ok(
      await api(server.url, 'PATCH', `${base}/${w.olga.participantId}`, {
        token: w.fanny,
        body: { coFacilitator: true },
      }),
    );
    ok(await w.votes.cast(w.olga.token, round.id, w.olga.participantId, { dots: { [A]: 1 } }));
    ok(await api(server.url, 'DELETE', `${base}/${w.bob.participantId}`, { token: w.fanny }));
    refused(
      await w.votes.cast(w.bob.token, round.id, w.bob.participantId, { dots: { [A]: 1 } }),
      401,
      'unauthorized',
    );
  });
});

describe('rounds: creating and the lifecycle', () => {
  it('creates rounds on all targets or a checked selection, with the defaults', async () => {
    const w = await workshop();
    const all = ok(await w.votes.create(w.fanny, roundBody()), 201);
    expect(all).toMatchObject({
      state: 'draft',
      visibility: 'secret',
      targets: ISSUES.map((i) => ({ id: i.id, label: i.title })),
      dots: { budget: 5, cap: 2, negative: false },
      criteria: null,
      results: null,
    });
    // A selection keeps the board's order; the workshop is French, so are the default criteria.
    const some = ok(await w.votes.create(w.fanny, roundBody({ targets: [C, A], mode: 'scoring' })), 201);
    expect(some.targets.map((t) => t.id)).toEqual([A, C]);
    expect(some.criteria).toEqual([
      { id: 'impact', label: 'Impact', weight: 1 },
      { id: 'feasibility', label: 'Faisabilité', weight: 1 },
      { id: 'cost', label: 'Coût', weight: 1 },
      { id: 'speed', label: 'Rapidité', weight: 1 },
    ]);
    refused(await w.votes.create(w.fanny, roundBody({ targets: [A, 'ghost'] })), 422, 'unknown_target');
    refused(await w.votes.create(w.fanny, roundBody({ targetKind: 'axes' })), 422, 'unknown_target');
    refused(
      await w.votes.create(w.fanny, roundBody({ dots: { budget: 2, cap: 3, negative: false } })),
      400,
      'bad_request',
    );
    refused(await w.votes.create(w.alice.token, roundBody()), 403, 'forbidden');
    const listed = ok(await w.votes.list(w.olga.token));
    expect(listed.rounds.map((r) => r.id)).toEqual([all.id, some.id]);
  });

  it('refuses invalid moves, withdraws secret results on reopen, and discards a round from the control document', async () => {
    const w = await workshop();
    const bobControl = await control(w, w.bob.token);
    const round = ok(await w.votes.create(w.fanny, roundBody()), 201);
    await waitDoc(bobControl, (d) => readRound(d, round.id)?.state === 'draft', 'Bob to see the draft round');
    for (const action of ['close', 'reveal', 'reopen'] as const) {
      refused(await w.votes.act(w.fanny, round.id, action), 409, 'invalid_transition');
    }
    refused(await w.votes.act(w.alice.token, round.id, 'open'), 403, 'forbidden');
    ok(await w.votes.act(w.fanny, round.id, 'open'));
    refused(await w.votes.act(w.fanny, round.id, 'open'), 409, 'invalid_transition');
    refused(await w.votes.act(w.fanny, round.id, 'reopen'), 409, 'invalid_transition');
    ok(await w.votes.cast(w.alice.token, round.id, w.alice.participantId, { dots: { [A]: 2, [B]: 1 } }));

    const revealed = ok(await w.votes.act(w.fanny, round.id, 'reveal'));
    expect(revealed.state).toBe('revealed');
    expect(revealed.closedAt).toEqual(expect.any(String));
    expect(revealed.results?.targets[0]).toMatchObject({ targetId: A, total: 2, rank: 1 });
    await waitDoc(bobControl, (d) => readRound(d, round.id)?.results !== null, 'Bob to see the results');

    const reopened = ok(await w.votes.act(w.fanny, round.id, 'reopen'));
    expect(reopened).toMatchObject({ state: 'open', results: null, closedAt: null, revealedAt: null });
    await waitDoc(
      bobControl,
      (d) => readRound(d, round.id)?.state === 'open' && readRound(d, round.id)?.results === null,
      'the results to be withdrawn from Bob’s control document',
    );
    // Ballots survive a reopen.
    expect(ok(await w.votes.ballot(w.alice.token, round.id, w.alice.participantId)).dots).toEqual({
      [A]: 2,
      [B]: 1,
    });

    refused(await w.votes.discard(w.alice.token, round.id), 403, 'forbidden');
    expect((await w.votes.discard(w.fanny, round.id)).status).toBe(204);
    await waitDoc(
      bobControl,
      (d) => readRound(d, round.id) === null,
      'the round to leave Bob’s control document',
    );
    expect(ok(await w.votes.list(w.bob.token)).rounds).toEqual([]);
    refused(await w.votes.ballot(w.alice.token, round.id, w.alice.participantId), 404, 'not_found');
    refused(await w.votes.act(w.fanny, round.id, 'close'), 404, 'not_found');
  });

  it('publishes live tallies of an open-visibility round as votes come in', async () => {
    const w = await workshop();
    const bobControl = await control(w, w.bob.token);
    const round = ok(
      await w.votes.create(
        w.fanny,
        roundBody({ targets: [A, B], visibility: 'open', dots: { budget: 3, cap: 3, negative: false } }),
      ),
      201,
    );
    expect(round.results).toBeNull();
    ok(await w.votes.act(w.fanny, round.id, 'open'));
    const totals = (d: typeof bobControl.doc) =>
      Object.fromEntries((readRound(d, round.id)?.results?.targets ?? []).map((t) => [t.targetId, t.total]));
    await waitDoc(bobControl, (d) => totals(d)[A] === 0, 'Bob to see live results at zero');

    ok(await w.votes.cast(w.alice.token, round.id, w.alice.participantId, { dots: { [A]: 2 } }));
    await waitDoc(bobControl, (d) => totals(d)[A] === 2, 'Bob to see Alice’s two dots counted');
    ok(await w.votes.cast(w.bob.token, round.id, w.bob.participantId, { dots: { [A]: 1, [B]: 2 } }));
    await waitDoc(
      bobControl,
      (d) => totals(d)[A] === 3 && totals(d)[B] === 2,
      'Bob to see both ballots counted',
    );
    ok(await w.votes.clear(w.alice.token, round.id, w.alice.participantId));
    await waitDoc(bobControl, (d) => totals(d)[A] === 1, 'Bob to see Alice’s dots withdrawn');
    expect(ok(await w.votes.list(w.olga.token)).rounds[0]?.results?.voters).toBe(1);
  });

  it('shows facilitators who has voted, never what, and refuses progress to everyone else', async () => {
    const w = await workshop();
    const round = await openDotsRound(w);
    ok(await w.votes.cast(w.alice.token, round.id, w.alice.participantId, { dots: { [A]: 2 } }));
    const progress = ok(await w.votes.progress(w.fanny, round.id));
    expect(progress).toEqual({
      roundId: round.id,
      voters: [
        {
          participantId: w.alice.participantId,
          name: 'Alice',
          group: 'resident',
          status: 'partial',
          voted: true,
        },
        { participantId: w.bob.participantId, name: 'Bob', group: 'business', status: 'none', voted: false },
      ],
      voted: 1,
      done: 0,
      dotsLeft: 4,
      pointsLeft: null,
    });
    for (const token of [w.alice.token, w.bob.token, w.olga.token]) {
      refused(await w.votes.progress(token, round.id), 403, 'forbidden');
    }
    // Saying "done" counts as done; the facilitator who votes appears once they placed something.
    ok(await w.votes.cast(w.alice.token, round.id, w.alice.participantId, { done: true }));
    ok(await w.votes.cast(w.fanny, round.id, w.workshop.participantId, { dots: { [B]: 2 } }));
    refused(
      await w.votes.cast(w.fanny, round.id, w.workshop.participantId, { dots: { [B]: 3 } }),
      422,
      'over_cap',
    );
    ok(await w.votes.cast(w.fanny, round.id, w.workshop.participantId, { dots: { [B]: 2, [C]: 1 } }));
    const later = ok(await w.votes.progress(w.fanny, round.id));
    expect(later.voters.map((v) => [v.name, v.status])).toEqual([
      ['Fanny Facilitatrice', 'done'],
      ['Alice', 'done'],
      ['Bob', 'none'],
    ]);
    expect(later).toMatchObject({ voted: 2, done: 2, dotsLeft: 0 + 1 + 3 });
    // Bob says "done" without placing anything: done, but he has not voted.
    ok(await w.votes.cast(w.bob.token, round.id, w.bob.participantId, { done: true }));
    const abstained = ok(await w.votes.progress(w.fanny, round.id));
    expect(abstained).toMatchObject({ voted: 2, done: 3 });
  });

  it('reminds the people who have not finished, in their private document', async () => {
    const w = await workshop();
    const round = await openDotsRound(w);
    const aliceDrafts = await connectDoc(
      server.wsUrl,
      draftsRoomName(w.workshop.id, w.alice.participantId),
      w.alice.token,
    );
    const bobDrafts = await connectDoc(
      server.wsUrl,
      draftsRoomName(w.workshop.id, w.bob.participantId),
      w.bob.token,
    );
    ok(await w.votes.cast(w.bob.token, round.id, w.bob.participantId, { dots: { [A]: 2, [B]: 1 } }));

    refused(await w.votes.remind(w.alice.token, round.id), 403, 'forbidden');
    const before = Date.now();
    expect(ok(await w.votes.remind(w.fanny, round.id))).toEqual({ reminded: [w.alice.participantId] });
    await waitDoc(aliceDrafts, (d) => round.id in readReminders(d), 'Alice to receive the reminder');
    expect(readReminders(aliceDrafts.doc)[round.id]).toBeGreaterThanOrEqual(before);
    expect(readReminders(bobDrafts.doc)).toEqual({});

    // Named people are reminded even if done; observers and strangers cannot be.
    expect(ok(await w.votes.remind(w.fanny, round.id, [w.bob.participantId]))).toEqual({
      reminded: [w.bob.participantId],
    });
    await waitDoc(bobDrafts, (d) => round.id in readReminders(d), 'Bob to receive the reminder');
    refused(await w.votes.remind(w.fanny, round.id, [w.olga.participantId]), 404, 'not_found');
    ok(await w.votes.act(w.fanny, round.id, 'close'));
    refused(await w.votes.remind(w.fanny, round.id), 409, 'round_not_open');
  });

  it('runs a timed round on the workshop timer, and extends both', async () => {
    const w = await workshop();
    const fannyControl = await control(w, w.fanny);
    const round = ok(await w.votes.create(w.fanny, roundBody({ durationMinutes: 1 })), 201);
    refused(await w.votes.extend(w.fanny, round.id, 2), 409, 'round_not_open');
    const opened = ok(await w.votes.act(w.fanny, round.id, 'open'));
    expect(opened.endsAt).toBe(Date.parse(opened.openedAt ?? '') + MINUTE_MS);
    await waitDoc(
      fannyControl,
      (d) => readTimer(d)?.endsAt === opened.endsAt,
      'the timer to run until the round ends',
    );
    expect(readTimer(fannyControl.doc)).toMatchObject({ durationMs: MINUTE_MS, freezeAtEnd: false });

    const extended = ok(await w.votes.extend(w.fanny, round.id, 2));
    expect(extended.endsAt).toBe((opened.endsAt ?? 0) + 2 * MINUTE_MS);
    await waitDoc(fannyControl, (d) => readTimer(d)?.endsAt === extended.endsAt, 'the timer to be extended');
    refused(await w.votes.extend(w.alice.token, round.id, 2), 403, 'forbidden');

    // Closing before the deadline ends it and stops the timer; an untimed round has none to extend.
    const closed = ok(await w.votes.act(w.fanny, round.id, 'close'));
    expect(closed.endsAt).toBeNull();
    await waitDoc(fannyControl, (d) => readTimer(d) === null, 'the round’s timer to stop');
    const untimed = await openDotsRound(w);
    refused(await w.votes.extend(w.fanny, untimed.id, 2), 409, 'invalid_transition');
  });
});

describe('results', () => {
  it('match the ballots of a dots round: totals, ranks, ties, voters, and groups with the small ones merged into other', async () => {
    const w = await votingWorkshop(server, NINE_VOTERS);
    const { fanny, votes } = w;
    const round = await openDotsRound(w);
    const ballots: Record<NineVoter, Record<string, number>> = {
      r1: { [A]: 2, [B]: 1 },
      r2: { [A]: 1, [C]: 2 },
      r3: { [B]: 2, [C]: 1 },
      e1: { [A]: 2, [D]: 1 },
      e2: { [D]: 2, [B]: 1 },
      e3: { [A]: 1 },
      b1: { [C]: 2, [D]: 1 },
      a1: { [A]: 1, [B]: 1, [C]: 1 },
      a2: { [D]: 1 },
    };
    for (const [key, dots] of Object.entries(ballots)) {
      const person = w[key as keyof typeof ballots];
      ok(await votes.cast(person.token, round.id, person.participantId, { dots }));
    }
    const fannyControl = await control(w, fanny);
    const revealed = ok(await votes.act(fanny, round.id, 'reveal'));
    await waitDoc(
      fannyControl,
      (d) => readRound(d, round.id)?.state === 'revealed',
      'the reveal to be published',
    );
    const published = readRound(fannyControl.doc, round.id);
    expect(published).toEqual(revealed);

    // Worked out by hand from the ballots above.
    expect(published?.results).toEqual({
      voters: 9,
      targets: [
        { targetId: A, rank: 1, total: 7, positive: 7, negative: 0, voters: 5, criteria: [], ...NO_DETAILS },
        { targetId: C, rank: 2, total: 6, positive: 6, negative: 0, voters: 4, criteria: [], ...NO_DETAILS },
        { targetId: B, rank: 3, total: 5, positive: 5, negative: 0, voters: 4, criteria: [], ...NO_DETAILS },
        { targetId: D, rank: 3, total: 5, positive: 5, negative: 0, voters: 4, criteria: [], ...NO_DETAILS },
      ],
      ties: [[B, D]],
      byGroup: [
        {
          group: 'elected',
          voters: 3,
          merged: [],
          totals: { [A]: 3, [B]: 1, [C]: 0, [D]: 3 },
          ranks: { [A]: 1, [B]: 3, [C]: 4, [D]: 1 },
        },
        {
          group: 'resident',
          voters: 3,
          merged: [],
          totals: { [A]: 3, [B]: 3, [C]: 3, [D]: 0 },
          ranks: { [A]: 1, [B]: 1, [C]: 1, [D]: 4 },
        },
        {
          group: 'other',
          voters: 3,
          merged: ['business', 'association'],
          totals: { [A]: 1, [B]: 1, [C]: 3, [D]: 2 },
          ranks: { [A]: 3, [B]: 3, [C]: 1, [D]: 2 },
        },
      ],
      pairwise: null,
      weighted: null,
      quorum: null,
    });
    // Never a named ballot: no participant id anywhere in the published round.
    const text = JSON.stringify(votesMap(fannyControl.doc).toJSON());
    for (const key of Object.keys(ballots)) {
      expect(text).not.toContain(w[key as keyof typeof ballots].participantId);
    }
  });

  it('match the ballots of a scoring round: weighted means, medians, counts per criterion', async () => {
    const cast = await votingWorkshop(
      server,
      {
        r1: { name: 'Rémi', group: 'resident' },
        r2: { name: 'Rose', group: 'resident' },
        e1: { name: 'Élise', group: 'elected' },
      },
      ISSUES.slice(0, 2),
    );
    const { fanny, votes } = cast;
    const round = ok(
      await votes.create(fanny, {
        title: 'Critères',
        targetKind: 'issues',
        targets: 'all',
        mode: 'scoring',
        criteria: [
          { id: 'impact', label: 'Impact', weight: 2 },
          { id: 'cost', label: 'Coût', weight: 1 },
        ],
      }),
      201,
    );
    ok(await votes.act(fanny, round.id, 'open'));
    const score = (who: 'r1' | 'r2' | 'e1', scores: Record<string, Record<string, number | null>>) =>
      votes.cast(cast[who].token, round.id, cast[who].participantId, { scores });
    ok(await score('r1', { [A]: { impact: 5, cost: 2 }, [B]: { impact: 3, cost: 4 } }));
    ok(await score('r2', { [A]: { impact: 4, cost: 3 }, [B]: { impact: 3 } }));
    ok(await score('e1', { [A]: { impact: 3, cost: 1 }, [B]: { impact: 1, cost: 5 } }));
    refused(await score('e1', { [A]: { speed: 3 } }), 422, 'unknown_criterion');
    refused(
      await votes.cast(cast.e1.token, round.id, cast.e1.participantId, { dots: { [A]: 1 } }),
      422,
      'wrong_mode',
    );
    // Withdrawing one score (null) and putting it back.
    ok(await score('e1', { [B]: { cost: null } }));
    ok(await score('e1', { [B]: { cost: 5 } }));

    const fannyControl = await control(cast, fanny);
    ok(await votes.act(fanny, round.id, 'close'));
    ok(await votes.act(fanny, round.id, 'reveal'));
    await waitDoc(
      fannyControl,
      (d) => readRound(d, round.id)?.state === 'revealed',
      'the reveal to be published',
    );
    // A: impact mean 4 (median 4), cost mean 2 (median 2) → (4×2 + 2×1) / 3 = 3.333.
    // B: impact mean 2.333 (median 3), cost mean 4.5 over 2 scores → (2.333×2 + 4.5) / 3 = 3.055.
    expect(readRound(fannyControl.doc, round.id)?.results).toEqual({
      voters: 3,
      targets: [
        {
          targetId: A,
          rank: 1,
          total: 3.333,
          positive: 0,
          negative: 0,
          voters: 3,
          criteria: [
            { criterionId: 'impact', mean: 4, median: 4, count: 3 },
            { criterionId: 'cost', mean: 2, median: 2, count: 3 },
          ],
          ...NO_DETAILS,
        },
        {
          targetId: B,
          rank: 2,
          total: 3.055,
          positive: 0,
          negative: 0,
          voters: 3,
          criteria: [
            { criterionId: 'impact', mean: 2.333, median: 3, count: 3 },
            { criterionId: 'cost', mean: 4.5, median: 4.5, count: 2 },
          ],
          ...NO_DETAILS,
        },
      ],
      ties: [],
      // Two residents and one elected official: too few to show apart, one "other" bucket.
      byGroup: [
        {
          group: 'other',
          voters: 3,
          merged: ['elected', 'resident'],
          totals: { [A]: 3.333, [B]: 3.055 },
          ranks: { [A]: 1, [B]: 2 },
        },
      ],
      pairwise: null,
      weighted: null,
      quorum: null,
    });
  });
});

describe('the votes root is the server’s', () => {
  it('refuses a facilitator client’s write into the control document’s votes root: nobody else ever sees it', async () => {
    const w = await workshop();
    const round = await openDotsRound(w);
    ok(await w.votes.cast(w.alice.token, round.id, w.alice.participantId, { dots: { [A]: 2 } }));
    const face = ok(await w.votes.list(w.bob.token)).rounds[0] as PublicRound;
    const fannyControl = await control(w, w.fanny);
    const bobControl = await control(w, w.bob.token);
    await waitDoc(
      fannyControl,
      (d) => readRound(d, round.id)?.state === 'open',
      'the facilitator to see the round',
    );

    // A modified client forges results and adds a round: the write is refused.
    const forged = { ...face, state: 'revealed', results: { voters: 1, targets: [], ties: [], byGroup: [] } };
    fannyControl.doc.transact(() => {
      votesMap(fannyControl.doc).set(round.id, forged);
      votesMap(fannyControl.doc).set('forged-round', { ...face, id: 'forged-round' });
    });
    await waitFor(() => fannyControl.denied.includes('server-only'), 'the forged write to be refused');
    // Deleting the server's round, from a connection that holds it as the server does.
    const other = await control(w, w.fanny);
    await waitDoc(other, (d) => readRound(d, round.id) !== null, 'the second connection to see the round');
    other.doc.getMap(CONTROL_ROOTS.votes).delete(round.id);
    await waitFor(() => other.denied.includes('server-only'), 'the deletion to be refused');

    // A later control change from that connection reaches Bob; the forgeries never did.
    setStep(other.doc, 'issues');
    await waitDoc(bobControl, (d) => readControlState(d).step === 'issues', 'Bob to see the step change');
    expect(readRounds(bobControl.doc)).toEqual([face]);
    expect(ok(await w.votes.list(w.bob.token)).rounds).toEqual([face]);
    expect(ok(await w.votes.ballot(w.alice.token, round.id, w.alice.participantId)).dots).toEqual({ [A]: 2 });
  });

  it('still lets a facilitator change the rest of the control document', async () => {
    const w = await workshop();
    await openDotsRound(w);
    const fannyControl = await control(w, w.fanny);
    const bobControl = await control(w, w.bob.token);
    setStep(fannyControl.doc, 'axes');
    await waitDoc(bobControl, (d) => readControlState(d).step === 'axes', 'Bob to see the step change');
    expect(fannyControl.denied).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('documents every vote route with its refusals', async () => {
    type Operation = { summary?: string; responses?: Record<string, unknown> };
    const doc = await api<{ paths: Record<string, Record<string, Operation>> }>(
      server.url,
      'GET',
      '/api/openapi.json',
    );
    const operation = (path: string, method: string) =>
      doc.body.paths[`/api/workshops/{id}/rounds${path}`]?.[method];
    const expected: [string, string, string[]][] = [
      ['', 'get', ['200', '400', '401', '404']],
      ['', 'post', ['201', '400', '401', '403', '404', '422']],
      ['/{roundId}/{action}', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{roundId}/extend', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{roundId}/remind', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{roundId}', 'delete', ['204', '400', '401', '403', '404']],
      ['/{roundId}/progress', 'get', ['200', '400', '401', '403', '404']],
      ['/{roundId}/ballots/{participantId}', 'get', ['200', '400', '401', '403', '404']],
      ['/{roundId}/ballots/{participantId}', 'put', ['200', '400', '401', '403', '404', '409', '422']],
      ['/{roundId}/ballots/{participantId}', 'delete', ['200', '400', '401', '403', '404', '409']],
    ];
    for (const [path, method, statuses] of expected) {
      const op = operation(path, method);
      expect(op?.summary, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(op?.responses ?? {}), `${method} ${path}`).toEqual(expect.arrayContaining(statuses));
    }
  });
});
