import { describe, expect, it } from 'vitest';
import { pairwiseMatrix, schulze } from './condorcet';

/**
 * The worked example of the Schulze method's description (Wikipedia, "Schulze method",
 * section "Example"; the same 45 voters and 5 candidates as in Schulze's own papers): the winner
 * is E, and the full ranking E > A > C > B > D.
 */
const CANDIDATES = ['A', 'B', 'C', 'D', 'E'];
const GROUPS: [number, string][] = [
  [5, 'ACBED'],
  [5, 'ADECB'],
  [8, 'BEDAC'],
  [3, 'CABED'],
  [7, 'CAEBD'],
  [2, 'CBADE'],
  [7, 'DCEBA'],
  [8, 'EBADC'],
];
const BALLOTS = GROUPS.flatMap(([voters, order]) => Array.from({ length: voters }, () => [...order]));

describe('Schulze method', () => {
  it('reads the published pairwise matrix from the 45 ballots', () => {
    expect(BALLOTS).toHaveLength(45);
    expect(pairwiseMatrix(CANDIDATES, BALLOTS)).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
  });

  it('finds the published strongest paths and the ranking E > A > C > B > D', () => {
    const { strongest, ranking } = schulze(CANDIDATES, pairwiseMatrix(CANDIDATES, BALLOTS));
    expect(strongest).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(ranking.map((r) => [r.targetId, r.rank])).toEqual([
      ['E', 1],
      ['A', 2],
      ['C', 3],
      ['B', 4],
      ['D', 5],
    ]);
  });

  it('elects a Condorcet winner, and ties what nobody separates', () => {
    // B beats A and C head to head: it wins, whatever the rest.
    const ballots = [
      ['B', 'A', 'C'],
      ['A', 'B', 'C'],
      ['C', 'B', 'A'],
    ];
    expect(schulze(['A', 'B', 'C'], pairwiseMatrix(['A', 'B', 'C'], ballots)).ranking[0]?.targetId).toBe('B');
    // A perfect cycle: everyone shares the first rank.
    const cycle = [
      ['A', 'B', 'C'],
      ['B', 'C', 'A'],
      ['C', 'A', 'B'],
    ];
    expect(
      schulze(['A', 'B', 'C'], pairwiseMatrix(['A', 'B', 'C'], cycle)).ranking.map((r) => r.rank),
    ).toEqual([1, 1, 1]);
  });

  it('puts the targets a ballot leaves out below those it ranks, tied among themselves', () => {
    expect(pairwiseMatrix(['A', 'B', 'C'], [['B'], ['C', 'A']])).toEqual([
      [0, 1, 0],
      [1, 0, 1],
      [1, 1, 0],
    ]);
  });
});
