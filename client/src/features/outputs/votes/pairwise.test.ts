import { describe, expect, it } from 'vitest';
import { duelTable } from './pairwise';

// The round's order: a, b, c. pairwise[i][j]: voters ranking i above j (3 voters).
const targets = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const pairwise = [
  [0, 1, 2],
  [2, 0, 3],
  [1, 0, 0],
];

describe('duelTable', () => {
  it('orders rows and columns like the results, best first', () => {
    const rows = [{ targetId: 'b' }, { targetId: 'a' }, { targetId: 'c' }];
    const table = duelTable(targets, pairwise, rows);
    expect(table.map((r) => r.row.targetId)).toEqual(['b', 'a', 'c']);
    expect(table[0]?.cells.map((c) => c.targetId)).toEqual(['b', 'a', 'c']);
    expect(table[0]?.cells.map((c) => c.value)).toEqual([null, 2, 3]);
    expect(table[1]?.cells.map((c) => c.value)).toEqual([1, null, 2]);
  });

  it('marks the winning side of each pair, the losing side, and the diagonal', () => {
    const table = duelTable(targets, pairwise, [{ targetId: 'b' }, { targetId: 'a' }, { targetId: 'c' }]);
    expect(table.map((r) => r.cells.map((c) => c.outcome))).toEqual([
      ['self', 'win', 'win'],
      ['loss', 'self', 'win'],
      ['loss', 'loss', 'self'],
    ]);
    expect(table[0]?.cells[1]).toEqual({ targetId: 'a', value: 2, against: 1, outcome: 'win' });
  });

  it('calls an even pair a tie on both sides', () => {
    const even = [
      [0, 2],
      [2, 0],
    ];
    const table = duelTable(targets.slice(0, 2), even, [{ targetId: 'a' }, { targetId: 'b' }]);
    expect(table[0]?.cells[1]?.outcome).toBe('tie');
    expect(table[1]?.cells[0]?.outcome).toBe('tie');
  });

  it('keeps what each row carries beside its cells', () => {
    const table = duelTable(targets, pairwise, [{ targetId: 'a', label: 'Bus', rank: 2 }]);
    expect(table[0]?.row).toEqual({ targetId: 'a', label: 'Bus', rank: 2 });
  });
});
