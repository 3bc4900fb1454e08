import { emptyBallot, type RoundResults } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import type { BallotRules } from './ballotSync';
import {
  allowedActions,
  barGeometry,
  barScale,
  defaultKeep,
  dotMoves,
  freshReminders,
  keepCount,
  openRound,
  rankedRows,
  roundBarScale,
  scoringProgress,
  targetCards,
  votedOnBoard,
  votesInRound,
} from './model';
import { defaultCriteria } from './roundDraft';

const dots = (negative = false): BallotRules => ({
  id: 'r1',
  mode: 'dots',
  targets: [
    { id: 'a', label: 'Bus' },
    { id: 'b', label: 'Fibre' },
  ],
  dots: { budget: 3, cap: 2, negative },
  criteria: null,
});

describe('votesInRound', () => {
  const empty = emptyBallot('r1', 'p1');
  const placed = { ...empty, dots: { a: 1 } };
  const saidDone = { ...empty, done: true };

  it('counts a participant always, a facilitator once they placed something, an observer never', () => {
    expect(votesInRound('participant', empty)).toBe(true);
    expect(votesInRound('participant', null)).toBe(true);
    expect(votesInRound('facilitator', empty)).toBe(false);
    expect(votesInRound('facilitator', saidDone)).toBe(false);
    expect(votesInRound('facilitator', placed)).toBe(true);
    expect(votesInRound('observer', placed)).toBe(false);
    expect(votesInRound(undefined, placed)).toBe(false);
  });
});

describe('allowedActions', () => {
  it('follows the round lifecycle', () => {
    expect(allowedActions('draft')).toEqual(['open']);
    expect(allowedActions('open')).toEqual(['close', 'reveal']);
    expect(allowedActions('closed')).toEqual(['reveal', 'reopen']);
    expect(allowedActions('revealed')).toEqual(['reopen']);
  });
});

describe('openRound', () => {
  it('is the most recently opened round that is open', () => {
    const base = { state: 'open' as const, openedAt: '2026-01-01T10:00:00Z' };
    const rounds = [
      { ...base, id: 'old' },
      { ...base, id: 'new', openedAt: '2026-01-01T11:00:00Z' },
      { ...base, id: 'shut', state: 'closed' as const, openedAt: '2026-01-01T12:00:00Z' },
    ];
    expect(openRound(rounds as never)?.id).toBe('new');
    expect(openRound([])).toBeNull();
  });
});

describe('targetCards', () => {
  it('shows the label the board has now, and the stored one for a deleted target', () => {
    const cards = targetCards(dots(), [{ id: 'a', label: 'Bus le dimanche' }]);
    expect(cards).toEqual([
      { id: 'a', label: 'Bus le dimanche', deleted: false },
      { id: 'b', label: 'Fibre', deleted: true },
    ]);
  });
  it('falls back to the stored label when the live one is empty', () => {
    expect(targetCards(dots(), [{ id: 'a', label: '' }])[0]?.label).toBe('Bus');
  });
});

describe('dotMoves', () => {
  const ballot = (d: Record<string, number>) => ({
    ...emptyBallot('r1', 'p1', dots()),
    dots: d,
  });
  it('adds, takes back, and stops at the cap and the budget with the reason', () => {
    expect(dotMoves(dots(), ballot({}), 'a')).toEqual({
      add: { value: 1, blocked: null },
      remove: { value: 0, blocked: 'none_placed' },
      against: null,
    });
    expect(dotMoves(dots(), ballot({ a: 2 }), 'a').add.blocked).toBe('over_cap');
    expect(dotMoves(dots(), ballot({ a: 2 }), 'a').remove).toEqual({ value: 1, blocked: null });
    expect(dotMoves(dots(), ballot({ a: 2, b: 1 }), 'b').add.blocked).toBe('over_budget');
  });
  it('places dots against only when the round allows it, on one side at a time', () => {
    const rules = dots(true);
    expect(dotMoves(rules, ballot({}), 'a').against).toEqual({ value: -1, blocked: null });
    expect(dotMoves(rules, ballot({ a: 1 }), 'a').against?.blocked).toBe('for_placed');
    expect(dotMoves(rules, ballot({ a: -1 }), 'a').add.blocked).toBe('against_placed');
    expect(dotMoves(rules, ballot({ a: -1 }), 'a').remove).toEqual({ value: 0, blocked: null });
    expect(dotMoves(rules, ballot({ a: -2 }), 'a').against?.blocked).toBe('over_cap');
  });
});

describe('scoringProgress', () => {
  it('counts the cells scored out of targets × criteria', () => {
    const round = {
      targets: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      criteria: defaultCriteria('fr'),
    };
    expect(scoringProgress(round, { scores: { a: { impact: 3, cost: 0 }, gone: { impact: 1 } } })).toEqual({
      given: 2,
      total: 8,
    });
  });
});

describe('rankedRows', () => {
  it('lists the results best first with live labels and ties marked', () => {
    const results: RoundResults = {
      voters: 2,
      targets: [
        {
          targetId: 'b',
          rank: 1,
          total: 3,
          positive: 3,
          negative: 0,
          voters: 2,
          criteria: [],
          profile: [],
          gauge: null,
        },
        {
          targetId: 'a',
          rank: 1,
          total: 3,
          positive: 3,
          negative: 0,
          voters: 1,
          criteria: [],
          profile: [],
          gauge: null,
        },
      ],
      ties: [['b', 'a']],
      byGroup: [],
      pairwise: null,
      weighted: null,
      quorum: null,
    };
    const rows = rankedRows(dots(), results, [{ id: 'b', label: 'Fibre optique' }]);
    expect(rows.map((r) => [r.label, r.rank, r.tied, r.deleted])).toEqual([
      ['Fibre optique', 1, true, false],
      ['Bus', 1, true, true],
    ]);
  });
});

describe('bar chart scaling', () => {
  it('spans from zero to the largest value', () => {
    const scale = barScale([2, 8, 4]);
    expect(scale).toEqual({ min: 0, max: 8 });
    expect(barGeometry(4, scale)).toEqual({ zero: 0, start: 0, width: 50 });
  });
  it('puts the axis inside when some totals are negative', () => {
    const scale = barScale([-2, 6]);
    expect(barGeometry(-2, scale)).toEqual({ zero: 25, start: 0, width: 25 });
    expect(barGeometry(6, scale)).toEqual({ zero: 25, start: 25, width: 75 });
  });
  it('never divides by zero, and can take a fixed top (scores out of 5)', () => {
    expect(barGeometry(0, barScale([0, 0])).width).toBe(0);
    expect(barGeometry(2.5, barScale([2.5], 5)).width).toBe(50);
  });
  it("takes a scored round's top score as the least top, a dots round's largest total", () => {
    const targets = [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ];
    expect(roundBarScale({ mode: 'scoring', targets }, [2.5])).toEqual({ min: 0, max: 5 });
    expect(roundBarScale({ mode: 'dots', targets }, [2, 3])).toEqual({ min: 0, max: 3 });
    expect(roundBarScale({ mode: 'points', targets }, [40, 25])).toEqual({ min: 0, max: 40 });
    // Ranking: the bars measure the other targets beaten, out of all the others.
    expect(roundBarScale({ mode: 'ranking', targets }, [1, 0])).toEqual({ min: 0, max: 2 });
  });
});

describe('applying a result to the axes', () => {
  const results = {
    targets: [{ targetId: 'a' }, { targetId: 'gone' }, { targetId: 'b' }],
  } as RoundResults;
  it('counts the voted targets still on the board', () => {
    expect(
      votedOnBoard(results, [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 'C' },
      ]),
    ).toBe(2);
    expect(votedOnBoard(results, [])).toBe(0);
  });
  it('keeps three by default, fewer when fewer were voted, one at least', () => {
    expect(defaultKeep(7)).toBe('3');
    expect(defaultKeep(2)).toBe('2');
    expect(defaultKeep(0)).toBe('1');
  });
  it('takes a whole number from one to the number voted, spaces around allowed', () => {
    expect(keepCount(' 2 ', 3)).toBe(2);
    expect(keepCount('3', 3)).toBe(3);
    expect(keepCount('4', 3)).toBeNull();
    expect(keepCount('0', 3)).toBeNull();
    expect(keepCount('1.5', 3)).toBeNull();
    expect(keepCount('-1', 3)).toBeNull();
    expect(keepCount('', 3)).toBeNull();
    expect(keepCount('1', 0)).toBeNull();
  });
});

describe('freshReminders', () => {
  it('tells once per new reminder of an open round, not old ones found on reload', () => {
    const seen = new Map<string, number>();
    const open = new Set(['r1', 'r2']);
    expect(freshReminders({ r1: 1000, r2: 500, r3: 1000 }, seen, open, 1500, 600)).toEqual(['r1']);
    expect(freshReminders({ r1: 1000 }, seen, open, 1600, 600)).toEqual([]);
    expect(freshReminders({ r1: 1700 }, seen, open, 1800, 600)).toEqual(['r1']);
  });
});
