import { applyBallotChange, type Ballot, type BallotChange, emptyBallot } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { RequestError } from '../../../api/http';
import { type BallotRules, BallotSync } from './ballotSync';

const round: BallotRules = {
  id: 'r1',
  mode: 'dots',
  targets: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
  dots: { budget: 3, cap: 2, negative: false },
  criteria: null,
};

/** A server that answers when told to, holding one ballot under the shared rules. */
function fakeServer(rules: BallotRules = round) {
  let held: Ballot = emptyBallot('r1', 'p1', rules);
  const requests: BallotChange[] = [];
  const waiting: (() => void)[] = [];
  const errors: unknown[] = [];
  let reads = 0;
  let ids = 0;
  let refuseNext: RequestError | null = null;
  const waits: number[] = [];
  const slowDowns: RequestError[] = [];
  const sync = new BallotSync(rules, {
    read: async () => {
      reads++;
      return held;
    },
    write: (change) =>
      new Promise<Ballot>((resolve, reject) => {
        requests.push(change);
        waiting.push(() => {
          if (refuseNext) {
            const error = refuseNext;
            refuseNext = null;
            return reject(error);
          }
          const next = applyBallotChange(rules, held, change);
          if (next.refusal) return reject(new RequestError(next.refusal.code, next.refusal.message, 422));
          held = next.ballot;
          resolve(held);
        });
      }),
    newRequestId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    onError: (error) => errors.push(error),
    onSlowDown: (error) => slowDowns.push(error),
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  return {
    sync,
    requests,
    errors,
    waits,
    slowDowns,
    reads: () => reads,
    held: () => held,
    setHeld: (ballot: Ballot) => {
      held = ballot;
    },
    refuseNext: (error: RequestError) => {
      refuseNext = error;
    },
    /** Lets the oldest request through and waits for the client to take the answer in. */
    async answer() {
      const next = waiting.shift();
      if (!next) throw new Error('no request waiting');
      next();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    pendingRequests: () => waiting.length,
  };
}

describe('BallotSync', () => {
  it('reads the ballot from the server first, and does nothing before', async () => {
    const server = fakeServer();
    server.setHeld({ ...emptyBallot('r1', 'p1', round), dots: { a: 1 }, used: 1, remaining: 2 });
    expect(server.sync.change({ dots: { a: 2 } })).toBeNull();
    expect(server.requests).toHaveLength(0);
    await server.sync.load();
    expect(server.sync.getState().ballot?.dots).toEqual({ a: 1 });
    expect(server.sync.getState().ballot?.remaining).toBe(2);
  });

  it('shows changes at once and sends them one at a time, in order, each with a new request id', async () => {
    const server = fakeServer();
    await server.sync.load();
    server.sync.change({ dots: { a: 1 } });
    server.sync.change({ dots: { a: 2 } });
    server.sync.change({ dots: { b: 1 } });
    expect(server.sync.getState().ballot?.dots).toEqual({ a: 2, b: 1 });
    expect(server.sync.getState().ballot?.remaining).toBe(0);
    expect(server.sync.getState().pending).toBe(3);
    // Only the first is on its way.
    expect(server.requests.map((r) => r.dots)).toEqual([{ a: 1 }]);
    await server.answer();
    expect(server.requests.map((r) => r.dots)).toEqual([{ a: 1 }, { a: 2 }]);
    // The answer to the first does not undo the others on screen.
    expect(server.sync.getState().ballot?.dots).toEqual({ a: 2, b: 1 });
    await server.answer();
    await server.answer();
    expect(server.sync.getState().pending).toBe(0);
    expect(server.held().dots).toEqual({ a: 2, b: 1 });
    expect(new Set(server.requests.map((r) => r.requestId)).size).toBe(3);
  });

  it('refuses at once what the rules refuse, sending nothing', async () => {
    const server = fakeServer();
    await server.sync.load();
    expect(server.sync.change({ dots: { a: 3 } })?.code).toBe('over_cap');
    expect(server.sync.check({ dots: { a: -1 } })?.code).toBe('negative_not_allowed');
    server.sync.change({ dots: { a: 2 } });
    server.sync.change({ dots: { b: 1 } });
    expect(server.sync.check({ dots: { b: 2 } })?.code).toBe('over_budget');
    expect(server.sync.getState().ballot?.dots).toEqual({ a: 2, b: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('on a refusal drops what was waiting, reads the ballot again and says why', async () => {
    const server = fakeServer();
    await server.sync.load();
    server.sync.change({ dots: { a: 1 } });
    server.sync.change({ dots: { b: 1 } });
    server.refuseNext(new RequestError('round_not_open', 'closed', 409));
    await server.answer();
    expect(server.errors).toHaveLength(1);
    expect((server.errors[0] as RequestError).code).toBe('round_not_open');
    expect(server.reads()).toBe(2);
    expect(server.sync.getState().ballot?.dots).toEqual({});
    expect(server.sync.getState().pending).toBe(0);
    expect(server.pendingRequests()).toBe(0);
  });

  it('asked to slow down (429), keeps every change, waits Retry-After and sends it again', async () => {
    const server = fakeServer();
    await server.sync.load();
    server.sync.change({ dots: { a: 1 } });
    server.sync.change({ dots: { b: 1 } });
    server.refuseNext(new RequestError('rate_limited', 'Too many ballot changes', 429, [], 2000));
    await server.answer();
    expect(server.slowDowns).toHaveLength(1);
    expect(server.waits).toEqual([2000]);
    // Not an error: nothing dropped, nothing read again, the dots stay on screen.
    expect(server.errors).toHaveLength(0);
    expect(server.reads()).toBe(1);
    expect(server.sync.getState().ballot?.dots).toEqual({ a: 1, b: 1 });
    expect(server.requests.map((r) => r.dots)).toEqual([{ a: 1 }, { a: 1 }]);
    await server.answer();
    await server.answer();
    expect(server.held().dots).toEqual({ a: 1, b: 1 });
    expect(server.sync.getState().pending).toBe(0);
    expect(new Set(server.requests.map((r) => r.requestId)).size).toBe(3);
  });

  it('keeps sending what was changed while the ballot was read again', async () => {
    const server = fakeServer();
    await server.sync.load();
    server.sync.change({ dots: { a: 1 } });
    server.refuseNext(new RequestError('network', 'offline', 0));
    await server.answer();
    server.sync.change({ dots: { b: 1 } });
    await server.answer();
    expect(server.held().dots).toEqual({ b: 1 });
    expect(server.sync.getState().ballot?.dots).toEqual({ b: 1 });
  });

  it('tells listeners, and says "done" like any other change', async () => {
    const server = fakeServer();
    let calls = 0;
    server.sync.subscribe(() => calls++);
    await server.sync.load();
    server.sync.change({ done: true });
    expect(server.sync.getState().ballot?.done).toBe(true);
    await server.answer();
    expect(server.held().done).toBe(true);
    expect(calls).toBe(3);
  });

  it('scores cells and withdraws a score with null', async () => {
    const scoring: BallotRules = {
      id: 'r1',
      mode: 'scoring',
      targets: [{ id: 'a', label: 'A' }],
      dots: null,
      criteria: [{ id: 'impact', label: 'Impact', weight: 1 }],
    };
    const server = fakeServer(scoring);
    await server.sync.load();
    server.sync.change({ scores: { a: { impact: 4 } } });
    expect(server.sync.getState().ballot?.scores).toEqual({ a: { impact: 4 } });
    server.sync.change({ scores: { a: { impact: null } } });
    expect(server.sync.getState().ballot?.scores).toEqual({});
    expect(server.sync.change({ scores: { a: { cost: 1 } } })?.code).toBe('unknown_criterion');
    await server.answer();
    await server.answer();
    expect(server.held().scores).toEqual({});
  });

  it('reports a ballot it cannot read, and reads it on the next load', async () => {
    let fail = true;
    const sync = new BallotSync(round, {
      read: async () => {
        if (fail) throw new RequestError('network', 'offline', 0);
        return emptyBallot('r1', 'p1', round);
      },
      write: async () => emptyBallot('r1', 'p1', round),
      newRequestId: () => 'x',
      onError: () => {},
    });
    await sync.load();
    expect(sync.getState().loadError).toBeInstanceOf(RequestError);
    expect(sync.getState().ballot).toBeNull();
    fail = false;
    await sync.load();
    expect(sync.getState().loadError).toBeNull();
    expect(sync.getState().ballot?.remaining).toBe(3);
  });
});

describe('BallotSync in the other voting methods', () => {
  const targets = [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
    { id: 'c', label: 'C' },
  ];
  const base = { id: 'r1', targets, dots: null, criteria: null, grades: null, points: null };

  it('sends points as given and refuses at once, sending nothing, what would pass the budget', async () => {
    const server = fakeServer({ ...base, mode: 'points', points: { budget: 100 } });
    await server.sync.load();
    expect(server.sync.getState().ballot?.remaining).toBe(100);
    server.sync.change({ points: { a: 60 } });
    expect(server.sync.change({ points: { b: 41 } })?.code).toBe('over_budget');
    expect(server.sync.getState().ballot?.remaining).toBe(40);
    await server.answer();
    expect(server.requests.map((r) => r.points)).toEqual([{ a: 60 }]);
    expect(server.held().points).toEqual({ a: 60 });
  });

  it('sends a grade and its withdrawal, and refuses a grade past the scale', async () => {
    const server = fakeServer({ ...base, mode: 'judgment', grades: ['Pour', 'Neutre', 'Contre'] });
    await server.sync.load();
    server.sync.change({ grades: { a: 0 } });
    server.sync.change({ grades: { a: null, b: 2 } });
    expect(server.sync.change({ grades: { c: 3 } })?.code).toBe('unknown_grade');
    expect(server.sync.getState().ballot?.grades).toEqual({ b: 2 });
    await server.answer();
    await server.answer();
    expect(server.held().grades).toEqual({ b: 2 });
  });

  it('sends the whole ranking each time, the last one standing', async () => {
    const server = fakeServer({ ...base, mode: 'ranking' });
    await server.sync.load();
    server.sync.change({ ranking: ['b'] });
    server.sync.change({ ranking: ['b', 'a'] });
    server.sync.change({ ranking: ['a', 'b'] });
    expect(server.sync.getState().ballot?.ranking).toEqual(['a', 'b']);
    for (let i = 0; i < 3; i++) await server.answer();
    expect(server.requests.map((r) => r.ranking)).toEqual([['b'], ['b', 'a'], ['a', 'b']]);
    expect(server.held().ranking).toEqual(['a', 'b']);
  });
});
