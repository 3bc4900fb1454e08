import { competitionRanks } from './ranks';

/**
 * Ranking votes counted by the Schulze method (Markus Schulze, "A new monotonic,
 * clone-independent, reversal symmetric, and Condorcet-consistent single-winner election method",
 * Social Choice and Welfare 36, 2011): a Condorcet-consistent ranking from each voter's order of
 * the targets, with the pairwise matrix it is read from.
 */

/**
 * How many voters prefer each target to each other: `matrix[i][j]` counts the ballots ranking
 * `targetIds[i]` above `targetIds[j]`. A ballot orders target ids best first; the targets it leaves
 * out are below every one it ranks and tied among themselves; ids not in `targetIds` are ignored.
 */
export function pairwiseMatrix(
  targetIds: readonly string[],
  ballots: ReadonlyArray<readonly string[]>,
  /** Each ballot's weight (college weighting, `weighting.ts`); 1 each by default. */
  weights?: readonly number[],
): number[][] {
  const n = targetIds.length;
  const index = new Map(targetIds.map((id, i) => [id, i]));
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const [b, ballot] of ballots.entries()) {
    const weight = weights?.[b] ?? 1;
    // Each target's place on this ballot; unranked ones share the place after the last.
    const place = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    let next = 0;
    for (const id of ballot) {
      const i = index.get(id);
      if (i !== undefined && place[i] === Number.POSITIVE_INFINITY) place[i] = next++;
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const row = matrix[i] as number[];
        if ((place[i] as number) < (place[j] as number)) row[j] = (row[j] as number) + weight;
      }
  }
  return matrix;
}

/** A target's place in a Schulze ranking. */
export interface RankedTarget {
  targetId: string;
  /** 1 for the best; targets neither beats share a rank. */
  rank: number;
  /** How many other targets it beats (its strongest path to them is stronger than theirs to it). */
  wins: number;
}

/**
 * The Schulze ranking from a pairwise matrix (`pairwiseMatrix`): the strength of the strongest
 * path between each pair (a path's strength is its weakest link, a link `d[i][j]` counting only
 * where `d[i][j] > d[j][i]`), then target i beats j when its strongest path to j is stronger than
 * j's to i. Targets are ordered by how many they beat; equal counts share a rank (in the order given).
 */
export function schulze(
  targetIds: readonly string[],
  matrix: readonly (readonly number[])[],
): { strongest: number[][]; ranking: RankedTarget[] } {
  const n = targetIds.length;
  const d = (i: number, j: number) => matrix[i]?.[j] ?? 0;
  const p = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i !== j && d(i, j) > d(j, i) ? d(i, j) : 0)),
  );
  const at = (i: number, j: number) => (p[i] as number[])[j] as number;
  // Widest paths (Floyd–Warshall): through each k in turn.
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const through = Math.min(at(i, k), at(k, j));
        if (through > at(i, j)) (p[i] as number[])[j] = through;
      }
    }
  const wins = targetIds.map((_, i) => targetIds.filter((__, j) => j !== i && at(i, j) > at(j, i)).length);
  const order = targetIds.map((targetId, i) => ({ targetId, i, wins: wins[i] as number }));
  order.sort((a, b) => b.wins - a.wins || a.i - b.i);
  const ranks = competitionRanks(order, (a, b) => a.wins === b.wins);
  const ranking: RankedTarget[] = order.map((entry, position) => ({
    targetId: entry.targetId,
    rank: ranks[position] ?? position + 1,
    wins: entry.wins,
  }));
  return { strongest: p, ranking };
}
