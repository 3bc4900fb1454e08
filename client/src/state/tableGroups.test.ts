import { describe, expect, it } from 'vitest';
import { groupByTable, homeTable } from './tableGroups';

const plenary = { id: 'p', table: null };
const atT1 = { id: 'a', table: 't1' };
const atT2 = { id: 'b', table: 't2' };
// Merged in plenary from t2's and t1's issues: under t2 (the first it came from), not t1.
const mergedInPlenary = { id: 'm', table: null, fromTables: ['t2', 't1'] };
// Made at t1, then t3's merged into it: under t1.
const merged = { id: 'x', table: 't1', fromTables: ['t1', 't3'] };

describe('grouping a step’s items by table', () => {
  it('puts an item under its own table, else the first it was merged from, else plenary', () => {
    const tables = ['t1', 't2', 't3'];
    expect(homeTable(atT1, tables)).toBe('t1');
    expect(homeTable(merged, tables)).toBe('t1');
    expect(homeTable(mergedInPlenary, tables)).toBe('t2');
    expect(homeTable(plenary, tables)).toBeNull();
  });

  it('gives every table a section in the tables’ order, empty ones too, then plenary, keeping the items’ order', () => {
    const sections = groupByTable([atT2, plenary, merged, mergedInPlenary, atT1], ['t1', 't2', 't3']);
    expect(sections.map((s) => [s.table, s.items.map((item) => item.id)])).toEqual([
      ['t1', ['x', 'a']],
      ['t2', ['b', 'm']],
      ['t3', []],
      [null, ['p']],
    ]);
  });

  it('moves a removed table’s items to another table they came from, else to plenary', () => {
    const sections = groupByTable([atT2, { id: 'y', table: 't2', fromTables: ['t2', 't3'] }], ['t1', 't3']);
    expect(sections.map((s) => [s.table, s.items.map((item) => item.id)])).toEqual([
      ['t1', []],
      ['t3', ['y']],
      [null, ['b']],
    ]);
  });

  it('has only the plenary section when the workshop has no tables', () => {
    expect(groupByTable([atT1, plenary], [])).toEqual([{ table: null, items: [atT1, plenary] }]);
  });
});
