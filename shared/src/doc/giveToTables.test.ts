import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, readActions } from './actions';
import { createAxis, readAxes } from './axes';
import { axisGifts, dealAxes, dealOut, dealSheets, giveItems } from './giveToTables';
import { setItemTable } from './tableField';

const tablesOf = (doc: Y.Doc) => Object.fromEntries(readActions(doc).map((s) => [s.id, s.table]));

/** Axes a1, a2 with sheets s1–s3 on a1, s4 on a2, s5 on no axis. */
function plan(): Y.Doc {
  const doc = new Y.Doc();
  createAxis(doc, { title: 'Mobilités' }, 'a1');
  createAxis(doc, { title: 'Habitat' }, 'a2');
  for (const [id, axis] of [
    ['s1', 'a1'],
    ['s2', 'a1'],
    ['s3', 'a1'],
    ['s4', 'a2'],
    ['s5', null],
  ] as const)
    createAction(doc, { title: id, axis }, id);
  return doc;
}

describe('dealOut', () => {
  it('deals in contiguous shares that differ by one at most, the first tables taking the extra ones', () => {
    expect(dealOut(['a', 'b', 'c', 'd', 'e'], ['t1', 't2'])).toEqual([
      { id: 'a', table: 't1' },
      { id: 'b', table: 't1' },
      { id: 'c', table: 't1' },
      { id: 'd', table: 't2' },
      { id: 'e', table: 't2' },
    ]);
    const shares = (n: number, k: number) => {
      const tables = Array.from({ length: k }, (_, i) => `t${i}`);
      const ids = Array.from({ length: n }, (_, i) => `i${i}`);
      return tables.map((t) => dealOut(ids, tables).filter((g) => g.table === t).length);
    };
    expect(shares(12, 3)).toEqual([4, 4, 4]);
    expect(shares(7, 3)).toEqual([3, 2, 2]);
    expect(shares(2, 5)).toEqual([1, 1, 0, 0, 0]);
  });

  it('gives nothing without tables, and every item once', () => {
    expect(dealOut(['a', 'b'], [])).toEqual([]);
    const dealt = dealOut(['a', 'b', 'c', 'd'], ['t1', 't2', 't3']);
    expect(dealt.map((g) => g.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('giving axes and sheets to tables', () => {
  it('gives items in one transaction, and refuses an unknown item changing nothing', () => {
    const doc = plan();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    giveItems(doc, [
      { root: 'axes', id: 'a1', table: 't1' },
      { root: 'actions', id: 's1', table: 't1' },
      { root: 'actions', id: 's4', table: 't2' },
    ]);
    expect(transactions).toBe(1);
    expect(readAxes(doc).find((a) => a.id === 'a1')?.table).toBe('t1');
    expect(tablesOf(doc)).toMatchObject({ s1: 't1', s4: 't2', s2: null });
    expect(() =>
      giveItems(doc, [
        { root: 'actions', id: 's2', table: 't2' },
        { root: 'actions', id: 'nope', table: 't2' },
      ]),
    ).toThrow();
    expect(tablesOf(doc).s2).toBeNull();
    giveItems(doc, [{ root: 'actions', id: 's1', table: 't1' }]);
    expect(transactions).toBe(1);
  });

  it('gives an axis with the sheets that were with it, leaving a sheet given elsewhere', () => {
    const doc = plan();
    setItemTable(doc, 'actions', 's3', 't9');
    giveItems(doc, axisGifts(doc, 'a1', 't1'));
    expect(tablesOf(doc)).toEqual({ s1: 't1', s2: 't1', s3: 't9', s4: null, s5: null });
    // Moved on to another table, its sheets follow again; back to the plenary too.
    giveItems(doc, axisGifts(doc, 'a1', 't2'));
    expect(tablesOf(doc)).toMatchObject({ s1: 't2', s2: 't2', s3: 't9' });
    giveItems(doc, axisGifts(doc, 'a1', null));
    expect(tablesOf(doc)).toMatchObject({ s1: null, s2: null, s3: 't9' });
    expect(() => axisGifts(doc, 'nope', 't1')).toThrow();
  });

  it('deals the axes out with all their sheets', () => {
    const doc = plan();
    setItemTable(doc, 'actions', 's3', 't9');
    giveItems(doc, dealAxes(doc, ['t1', 't2', 't3']));
    expect(readAxes(doc).map((a) => a.table)).toEqual(['t1', 't2']);
    expect(tablesOf(doc)).toEqual({ s1: 't1', s2: 't1', s3: 't1', s4: 't2', s5: null });
  });

  it('deals the sheets out in the plan’s order: axis by axis, then those without an axis', () => {
    const doc = plan();
    giveItems(doc, dealSheets(doc, ['t1', 't2']));
    expect(tablesOf(doc)).toEqual({ s1: 't1', s2: 't1', s3: 't1', s4: 't2', s5: 't2' });
    // Axes are not given.
    expect(readAxes(doc).map((a) => a.table)).toEqual([null, null]);
  });
});
