import { applyBallotChange, emptyBallot } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import type { BallotRules } from './ballotSync';
import { pointsEntry, pointsMoves, pointsStep } from './points';

const rules = (budget = 100): BallotRules => ({
  id: 'r1',
  mode: 'points',
  targets: [
    { id: 'a', label: 'Bus' },
    { id: 'b', label: 'Fibre' },
  ],
  dots: null,
  criteria: null,
  grades: null,
  points: { budget },
});

/** A ballot with these points, as the shared rules make it. */
function ballotWith(points: Record<string, number>, budget = 100) {
  const made = applyBallotChange(rules(budget), emptyBallot('r1', 'p1', rules(budget)), { points });
  if (!made.ballot) throw new Error(made.refusal.message);
  return made.ballot;
}

describe('pointsStep', () => {
  it('steps by 5 in a budget of 50 or more, by 1 below', () => {
    expect(pointsStep(100)).toBe(5);
    expect(pointsStep(50)).toBe(5);
    expect(pointsStep(1000)).toBe(5);
    expect(pointsStep(20)).toBe(1);
    expect(pointsStep(2)).toBe(1);
  });
});

describe('pointsMoves', () => {
  it('adds and takes back one step from a multiple of the step', () => {
    const moves = pointsMoves(rules(), ballotWith({ a: 30 }), 'a');
    expect(moves.step).toBe(5);
    expect(moves.add).toEqual({ value: 35, blocked: null });
    expect(moves.remove).toEqual({ value: 25, blocked: null });
  });

  it('goes to the next or previous multiple from a typed value', () => {
    const moves = pointsMoves(rules(), ballotWith({ a: 33 }), 'a');
    expect(moves.add.value).toBe(35);
    expect(moves.remove.value).toBe(30);
    expect(pointsMoves(rules(), ballotWith({ a: 3 }), 'a').remove.value).toBe(0);
  });

  it('gives at most the points left, and nothing once they are all given', () => {
    expect(pointsMoves(rules(), ballotWith({ a: 30, b: 68 }), 'a').add).toEqual({ value: 32, blocked: null });
    expect(pointsMoves(rules(), ballotWith({ a: 30, b: 70 }), 'a').add.blocked).toBe('none_left');
  });

  it('has nothing to take back from a target without points', () => {
    expect(pointsMoves(rules(), ballotWith({}), 'a').remove).toEqual({ value: 0, blocked: 'none_placed' });
  });

  it('steps by one in a small budget', () => {
    const moves = pointsMoves(rules(10), ballotWith({ a: 4 }, 10), 'a');
    expect(moves.add.value).toBe(5);
    expect(moves.remove.value).toBe(3);
  });
});

describe('pointsEntry', () => {
  it('takes a whole number that fits the budget, and a blank as zero', () => {
    const ballot = ballotWith({ b: 40 });
    expect(pointsEntry(rules(), ballot, 'a', ' 60 ')).toEqual({ value: 60 });
    expect(pointsEntry(rules(), ballot, 'a', '')).toEqual({ value: 0 });
  });

  it('refuses a number over the budget and says the most this target can have, without lowering it', () => {
    const ballot = ballotWith({ a: 10, b: 40 });
    expect(pointsEntry(rules(), ballot, 'a', '61')).toEqual({ problem: 'over_budget', most: 60 });
    expect(pointsEntry(rules(), ballot, 'a', '60')).toEqual({ value: 60 });
  });

  it('refuses what is not a whole number of points', () => {
    const ballot = ballotWith({});
    expect(pointsEntry(rules(), ballot, 'a', '-5').problem).toBe('not_a_number');
    expect(pointsEntry(rules(), ballot, 'a', '2,5').problem).toBe('not_a_number');
    expect(pointsEntry(rules(), ballot, 'a', 'dix').problem).toBe('not_a_number');
  });
});
