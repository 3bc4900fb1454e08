/**
 * A ranking round's pairwise matrix as a table to read: rows and columns in the order of the
 * results (best first), each cell the voters who put the row's target before the column's, and
 * which side of each pair won.
 */

/** The row's target against the column's: more voters prefer it, fewer, as many, or itself. */
export type DuelOutcome = 'win' | 'loss' | 'tie' | 'self';

export interface DuelCell {
  /** The column's target. */
  targetId: string;
  /** Voters who put the row's target before the column's; `null` on the diagonal. */
  value: number | null;
  /** Voters who put the column's target before the row's. */
  against: number | null;
  outcome: DuelOutcome;
}

export interface DuelRow<T> {
  row: T;
  cells: DuelCell[];
}

/**
 * The matrix reordered like `rows` (the results, best first). `roundTargets` is the round's order
 * of targets, the one `pairwise` is indexed by (`pairwise[i][j]`: voters ranking i above j).
 */
export function duelTable<T extends { targetId: string }>(
  roundTargets: readonly { id: string }[],
  pairwise: readonly (readonly number[])[],
  rows: readonly T[],
): DuelRow<T>[] {
  const index = new Map(roundTargets.map((t, i) => [t.id, i]));
  const count = (a: string, b: string): number => {
    const i = index.get(a);
    const j = index.get(b);
    return i === undefined || j === undefined ? 0 : (pairwise[i]?.[j] ?? 0);
  };
  return rows.map((row) => ({
    row,
    cells: rows.map(({ targetId }) => {
      if (targetId === row.targetId) return { targetId, value: null, against: null, outcome: 'self' };
      const value = count(row.targetId, targetId);
      const against = count(targetId, row.targetId);
      const outcome: DuelOutcome = value > against ? 'win' : value < against ? 'loss' : 'tie';
      return { targetId, value, against, outcome };
    }),
  }));
}
