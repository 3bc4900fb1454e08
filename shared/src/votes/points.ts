import { competitionRanks } from './ranks';

/**
 * Points votes: each voter shares a budget of points (e.g. 100) across the targets as they
 * choose; a target's score is the sum of the points it received.
 */

/** Why a points ballot is refused, or `null` when it is valid. */
export function pointsBallotProblem(
  points: Readonly<Record<string, number>>,
  budget: number,
  targetIds: readonly string[],
): string | null {
  const known = new Set(targetIds);
  let spent = 0;
  for (const [id, given] of Object.entries(points)) {
    if (!known.has(id)) return `${id} is not a target of this round`;
    if (!Number.isInteger(given) || given < 0) return `points are whole numbers from 0 (${id}: ${given})`;
    spent += given;
  }
  return spent > budget ? `${spent} points given, the budget is ${budget}` : null;
}

/** A target's place in a points vote. */
export interface PointsResult {
  targetId: string;
  /** 1 for the best; equal totals share a rank. */
  rank: number;
  points: number;
  /** How many voters gave it at least one point. */
  voters: number;
}

/** Totals and ranks of a points vote, best first; equal totals keep the order of `targetIds`. */
export function tallyPoints(
  targetIds: readonly string[],
  ballots: ReadonlyArray<Readonly<Record<string, number>>>,
): PointsResult[] {
  const totals = targetIds.map((targetId, index) => {
    let points = 0;
    let voters = 0;
    for (const ballot of ballots) {
      const given = ballot[targetId] ?? 0;
      points += given;
      if (given > 0) voters++;
    }
    return { targetId, index, points, voters };
  });
  totals.sort((a, b) => b.points - a.points || a.index - b.index);
  const ranks = competitionRanks(totals, (a, b) => a.points === b.points);
  return totals.map(({ targetId, points, voters }, position) => ({
    targetId,
    rank: ranks[position] ?? position + 1,
    points,
    voters,
  }));
}
