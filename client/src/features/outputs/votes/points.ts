import { applyBallotChange, type Ballot, type BallotRefusalCode } from '@atelier/shared';
import type { BallotRules } from './ballotSync';

/**
 * The points ballot's arithmetic: the steppers' step, what "−" and "+" do on a target, and a
 * number typed in a target's field, each checked with the shared ballot rules before sending.
 */

/** The steppers' step: 5 for a budget of 50 or more (100 points in 20 clicks at most), 1 below. */
export function pointsStep(budget: number): number {
  return budget >= 50 ? 5 : 1;
}

/** Why a stepper does nothing now. */
export type PointsBlock = 'none_left' | 'none_placed';

export interface PointsMove {
  /** The target's points after the move (absolute, as the server takes them). */
  value: number;
  blocked: PointsBlock | null;
}

/**
 * What "−" and "+" do on a target: to the previous or next multiple of the step (33 → 30 or
 * 35), "+" giving at most the points left (the last 3 of the budget are one click away).
 */
export function pointsMoves(
  rules: BallotRules,
  ballot: Pick<Ballot, 'points' | 'remaining'>,
  targetId: string,
): { add: PointsMove; remove: PointsMove; step: number } {
  const step = pointsStep(rules.points?.budget ?? 0);
  const n = ballot.points[targetId] ?? 0;
  const next = (Math.floor(n / step) + 1) * step;
  const previous = Math.max(0, (Math.ceil(n / step) - 1) * step);
  return {
    step,
    add: {
      value: Math.min(next, n + ballot.remaining),
      blocked: ballot.remaining <= 0 ? 'none_left' : null,
    },
    remove: { value: previous, blocked: n === 0 ? 'none_placed' : null },
  };
}

/** A number typed in a target's field: its value, or why it is refused (nothing is sent then). */
export type PointsEntry =
  | { value: number; problem?: never }
  | {
      problem: 'not_a_number' | BallotRefusalCode;
      /** Over the budget: the most this target can have, with the other targets' points kept. */
      most?: number;
      value?: never;
    };

/**
 * Reads `typed` as the points for `targetId` (blank is 0) and asks the shared rules whether the
 * ballot takes it: a number over the budget is refused, never lowered to what fits.
 */
export function pointsEntry(
  rules: BallotRules,
  ballot: Ballot,
  targetId: string,
  typed: string,
): PointsEntry {
  const text = typed.trim();
  if (text !== '' && !/^\d+$/.test(text)) return { problem: 'not_a_number' };
  const value = text === '' ? 0 : Number(text);
  const refusal = applyBallotChange(rules, ballot, { points: { [targetId]: value } }).refusal;
  if (!refusal) return { value };
  if (refusal.code === 'over_budget')
    return { problem: 'over_budget', most: (ballot.points[targetId] ?? 0) + ballot.remaining };
  return { problem: refusal.code };
}
