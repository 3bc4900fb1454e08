import { describe, expect, it } from 'vitest';
import { filterByTable, itemTables, passesTableFilter, tablesAttribute } from './tableFilter';

const plenary = { id: 'p', table: null };
const t1 = { id: 'a', table: 't1' };
const merged = { id: 'm', table: 't2', fromTables: ['t1', 't2', 't3'] };

describe('tables an item came from', () => {
  it('lists its own table first, then those it was merged from, once each', () => {
    expect(itemTables(merged)).toEqual(['t2', 't1', 't3']);
    expect(itemTables(plenary)).toEqual([]);
    expect(tablesAttribute(merged)).toBe('t2 t1 t3');
  });

  it('keeps a merged issue made in plenary from tables under each of those tables', () => {
    const fromTables = { id: 'x', table: null, fromTables: ['t1', 't3'] };
    expect(passesTableFilter(fromTables, { table: 't3' })).toBe(true);
    expect(passesTableFilter(fromTables, 'tables')).toBe(true);
  });

  it('filters all, the tables’ items, or one table’s', () => {
    const items = [plenary, t1, merged];
    expect(filterByTable(items, 'all')).toBe(items);
    expect(filterByTable(items, 'tables')).toEqual([t1, merged]);
    expect(filterByTable(items, { table: 't1' })).toEqual([t1, merged]);
    expect(filterByTable(items, { table: 't2' })).toEqual([merged]);
    expect(filterByTable(items, { table: 'nope' })).toEqual([]);
  });
});
