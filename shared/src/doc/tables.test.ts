import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, readActions } from './actions';
import { createAxis, readAxes } from './axes';
import { createCluster, mergeClusters, readClusterList } from './clusters';
import { seedControl } from './control';
import { addNote, readNotes } from './notes';
import { setItemTable } from './tableField';
import {
  addTable,
  endTableRound,
  moveTable,
  readPresenting,
  readSeat,
  readSeating,
  readSeats,
  readTableRound,
  readTables,
  readTablesState,
  removeTable,
  seatParticipant,
  seatParticipants,
  setPresenting,
  setSeating,
  startTableRound,
  updateTable,
} from './tables';

function control(): Y.Doc {
  const doc = new Y.Doc();
  seedControl(doc);
  return doc;
}

describe('tables', () => {
  it('adds, renames, recolours, reorders and removes tables', () => {
    const doc = control();
    expect(readTables(doc)).toEqual([]);
    addTable(doc, { name: '  Table 1 ', color: '#FF0000' }, 't1');
    addTable(doc, { name: 'Table 2', color: '#00ff00' }, 't2');
    expect(readTables(doc)).toEqual([
      { id: 't1', name: 'Table 1', color: '#ff0000', order: 0 },
      { id: 't2', name: 'Table 2', color: '#00ff00', order: 1 },
    ]);
    updateTable(doc, 't1', { name: 'Mobilités' });
    moveTable(doc, 't2', -1);
    expect(readTables(doc).map((t) => [t.id, t.name])).toEqual([
      ['t2', 'Table 2'],
      ['t1', 'Mobilités'],
    ]);
    removeTable(doc, 't2');
    expect(readTables(doc).map((t) => t.id)).toEqual(['t1']);
  });

  it('refuses a blank or too long name, a bad colour and an unknown table, changing nothing', () => {
    const doc = control();
    expect(() => addTable(doc, { name: '   ', color: '#ffffff' })).toThrow();
    expect(() => addTable(doc, { name: 'x'.repeat(41), color: '#ffffff' })).toThrow();
    expect(() => addTable(doc, { name: 'Table', color: 'red' })).toThrow();
    expect(() => updateTable(doc, 'nope', { name: 'Table' })).toThrow();
    expect(() => seatParticipant(doc, 'p1', 'nope')).toThrow();
    expect(readTables(doc)).toEqual([]);
    expect(readSeats(doc)).toEqual({});
  });

  it('seats and unseats people; removing a table unseats its people and stops it presenting', () => {
    const doc = control();
    addTable(doc, { name: 'Table 1', color: '#ff0000' }, 't1');
    addTable(doc, { name: 'Table 2', color: '#00ff00' }, 't2');
    seatParticipant(doc, 'ana', 't1');
    seatParticipants(doc, { bob: 't2', carla: 't2' });
    seatParticipant(doc, 'carla', null);
    expect(readSeats(doc)).toEqual({ ana: 't1', bob: 't2' });
    expect(readSeat(doc, 'bob')).toBe('t2');
    expect(readSeat(doc, 'carla')).toBeNull();
    setPresenting(doc, 't2');
    expect(readPresenting(doc)).toBe('t2');
    removeTable(doc, 't2');
    expect(readSeats(doc)).toEqual({ ana: 't1' });
    expect(readSeat(doc, 'bob')).toBeNull();
    expect(readPresenting(doc)).toBeNull();
  });

  it('reads a seat at a table removed meanwhile (by another facilitator) as no seat', () => {
    const doc = control();
    addTable(doc, { name: 'Table 1', color: '#ff0000' }, 't1');
    doc.getMap('seats').set('ana', 'gone');
    expect(readSeats(doc)).toEqual({});
    expect(readSeat(doc, 'ana')).toBeNull();
  });

  it('keeps the seating mode and cap, manual by default', () => {
    const doc = control();
    expect(readSeating(doc)).toEqual({ mode: 'manual', cap: null });
    setSeating(doc, { mode: 'pick', cap: 6 });
    expect(readSeating(doc)).toEqual({ mode: 'pick', cap: 6 });
    expect(() => setSeating(doc, { mode: 'pick', cap: 0 })).toThrow();
    expect(() => setSeating(doc, { mode: 'random' as never, cap: null })).toThrow();
    expect(readSeating(doc)).toEqual({ mode: 'pick', cap: 6 });
  });

  it('starts and ends a table round on one of the workshop’s steps', () => {
    const doc = control();
    addTable(doc, { name: 'Table 1', color: '#ff0000' }, 't1');
    setPresenting(doc, 't1');
    expect(readTableRound(doc)).toBeNull();
    startTableRound(doc, 'assessment', { now: 1000 });
    expect(readTableRound(doc)).toEqual({ step: 'assessment', closed: false, startedAt: 1000 });
    expect(readPresenting(doc)).toBeNull();
    startTableRound(doc, 'actions', { closed: true, now: 2000 });
    expect(readTablesState(doc)).toMatchObject({
      round: { step: 'actions', closed: true, startedAt: 2000 },
      tables: [{ id: 't1' }],
    });
    endTableRound(doc);
    expect(readTableRound(doc)).toBeNull();
    const sprint = new Y.Doc();
    seedControl(sprint, 'sprint');
    expect(() => startTableRound(sprint, 'assessment')).toThrow();
  });

  it('reads a control document without tables without defining their roots', () => {
    const doc = control();
    expect(readTablesState(doc)).toEqual({
      tables: [],
      seats: {},
      seating: { mode: 'manual', cap: null },
      round: null,
      presenting: null,
    });
    expect(doc.share.has('tables')).toBe(false);
    expect(doc.share.has('seats')).toBe(false);
  });
});

describe('board items carry their table', () => {
  it('writes the table given to the creation commands, and reads none as null', () => {
    const board = new Y.Doc();
    addNote(board, { id: 'n1', x: 0, y: 0, author: 'ana', text: 'Bus', table: 't1' });
    addNote(board, { id: 'n2', x: 0, y: 0, author: 'ana', text: 'Vélo' });
    createCluster(board, { title: 'Mobilité', x: 0, y: 0, table: 't1' }, 'c1');
    createAxis(board, { title: 'Territoire connecté', table: 't2' }, 'a1');
    createAction(board, { title: 'Appli vélo', axis: null, table: 't3' }, 's1');
    expect(readNotes(board).map((n) => [n.id, n.table])).toEqual(
      expect.arrayContaining([
        ['n1', 't1'],
        ['n2', null],
      ]),
    );
    expect(readClusterList(board)[0]).toMatchObject({ table: 't1', fromTables: [] });
    expect(readAxes(board)[0]?.table).toBe('t2');
    expect(readActions(board)[0]?.table).toBe('t3');
    setItemTable(board, 'actions', 's1', null);
    expect(readActions(board)[0]?.table).toBeNull();
    expect(() => setItemTable(board, 'axes', 'nope', 't1')).toThrow();
  });

  it('keeps, when issues merge, every table they came from', () => {
    const board = new Y.Doc();
    createCluster(board, { title: 'Mobilité', x: 0, y: 0, table: 't1' }, 'c1');
    createCluster(board, { title: 'Transports', x: 0, y: 0, table: 't2' }, 'c2');
    createCluster(board, { title: 'Bus', x: 0, y: 0, table: 't3' }, 'c3');
    createCluster(board, { title: 'Plénière', x: 0, y: 0 }, 'c4');
    mergeClusters(board, 'c2', 'c1');
    expect(readClusterList(board).find((c) => c.id === 'c1')?.fromTables).toEqual(['t1', 't2']);
    mergeClusters(board, 'c1', 'c3');
    mergeClusters(board, 'c3', 'c4');
    expect(readClusterList(board)).toEqual([
      expect.objectContaining({ id: 'c4', table: null, fromTables: ['t1', 't2', 't3'] }),
    ]);
  });
});
