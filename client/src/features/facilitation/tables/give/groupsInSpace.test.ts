import { describe, expect, it } from 'vitest';
import { groupsInSpace } from './groupsInSpace';

const axes = [
  { id: 'a1', table: 't1' },
  { id: 'a2', table: 't2' },
  { id: 'a3', table: null },
  { id: 'a4', table: 't2' },
];
const groups = [
  { axis: 'a1', sheets: [] },
  { axis: 'a2', sheets: [] },
  { axis: 'a3', sheets: [] },
  { axis: 'a4', sheets: ['a sheet of table 1 on table 2’s axis'] },
  { axis: null, sheets: [] },
];
const table = { id: 't1', name: 'Rivière', color: '#1e88e5', order: 0 };

describe('step 4’s columns in a table’s space', () => {
  it('leaves out the empty columns of axes given to other tables', () => {
    const seen = groupsInSpace(groups, axes, { kind: 'table', table, own: true });
    expect(seen.map((g) => g.axis)).toEqual(['a1', 'a3', 'a4', null]);
  });

  it('keeps every column in plenary', () => {
    expect(groupsInSpace(groups, axes, { kind: 'plenary' })).toBe(groups);
  });
});
