import { describe, expect, it } from 'vitest';
import { pointsBallotProblem, tallyPoints } from './points';

describe('points votes', () => {
  it('adds each target’s points, ranks them, equal totals sharing a rank', () => {
    const ballots = [
      { a: 60, b: 40 },
      { b: 50, c: 50 },
      { a: 30, c: 20 },
    ];
    expect(tallyPoints(['a', 'b', 'c'], ballots)).toEqual([
      { targetId: 'a', rank: 1, points: 90, voters: 2 },
      { targetId: 'b', rank: 1, points: 90, voters: 2 },
      { targetId: 'c', rank: 3, points: 70, voters: 2 },
    ]);
  });

  it('refuses a ballot over budget, with negative or fractional points, or for another target', () => {
    expect(pointsBallotProblem({ a: 60, b: 40 }, 100, ['a', 'b'])).toBeNull();
    expect(pointsBallotProblem({ a: 60, b: 41 }, 100, ['a', 'b'])).toMatch(
      /101 points given, the budget is 100/,
    );
    expect(pointsBallotProblem({ a: -5 }, 100, ['a'])).toMatch(/whole numbers/);
    expect(pointsBallotProblem({ a: 2.5 }, 100, ['a'])).toMatch(/whole numbers/);
    expect(pointsBallotProblem({ z: 1 }, 100, ['a'])).toMatch(/not a target/);
  });
});
