import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction } from './actions';
import { createAxis } from './axes';
import { binNote } from './bin';
import { createCluster } from './clusters';
import { addNote } from './notes';
import { readTableCounts } from './tableCounts';
import { setItemTable } from './tableField';

describe('readTableCounts', () => {
  it('counts each table’s notes, issues, axes and sheets, leaving the plenary’s out', () => {
    const board = new Y.Doc();
    expect(readTableCounts(board)).toEqual({});
    // Reading defines no root.
    expect(board.share.size).toBe(0);
    addNote(board, { x: 0, y: 0, author: 'ana', text: 'Vélos', table: 't1' });
    const gone = addNote(board, { x: 0, y: 0, author: 'ana', text: 'Bus', table: 't1' });
    addNote(board, { x: 0, y: 0, author: 'carla', text: 'Parkings', table: 't2' });
    addNote(board, { x: 0, y: 0, author: 'facilitator', text: 'En plénière' });
    createCluster(board, { title: 'Mobilité', x: 0, y: 0, table: 't1' }, 'c1');
    createAxis(board, { title: 'Territoire connecté', table: 't2' }, 'a1');
    createAction(board, { title: 'Appli vélo', axis: null }, 's1');
    setItemTable(board, 'actions', 's1', 't2');
    expect(readTableCounts(board)).toEqual({
      t1: { notes: 2, issues: 1, axes: 0, sheets: 0 },
      t2: { notes: 1, issues: 0, axes: 1, sheets: 1 },
    });
    // A binned note is no longer counted.
    binNote(board, gone, 'ana');
    expect(readTableCounts(board).t1?.notes).toBe(1);
  });

  it('reads a replica whose roots arrived by update only', () => {
    const source = new Y.Doc();
    addNote(source, { x: 0, y: 0, author: 'ana', text: 'Vélos', table: 't1' });
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(source));
    expect(readTableCounts(replica)).toEqual({ t1: { notes: 1, issues: 0, axes: 0, sheets: 0 } });
  });
});
