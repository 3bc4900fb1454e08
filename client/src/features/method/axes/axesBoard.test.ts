import {
  addNote,
  assignNote,
  attachIssue,
  createAction,
  createAxis,
  createCluster,
  deleteAxis,
  mergeClusters,
} from '@atelier/shared';
import { convergence } from '@atelier/shared/convergence.fixture';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { axesInSpace, jumpToZone, POOL_ZONE, readAxesBoard, zoneAxis } from './axesBoard';

describe("step 3's view of the board", () => {
  it("shows during a table round the axes of the person's table only, the pool whole", () => {
    const doc = new Y.Doc();
    createAxis(doc, { title: 'Plénière' });
    createAxis(doc, { title: 'Table rouge', table: 't1' });
    createAxis(doc, { title: 'Table bleue', table: 't2' });
    createCluster(doc, { title: 'Mobilité', x: 0, y: 0 });
    const board = readAxesBoard(doc);
    const table = { id: 't1', name: 'Rouge', color: '#d81b60', order: 0 };
    const seen = axesInSpace(board, { kind: 'table', table, own: true });
    expect(seen.axes.map((axis) => [axis.title, axis.number])).toEqual([['Table rouge', 2]]);
    expect(seen.pool).toHaveLength(1);
    expect(axesInSpace(board, { kind: 'plenary' })).toBe(board);
  });

  it("shows in plenary, when one table is chosen, that table's axes and the pool's issues from it", () => {
    const doc = new Y.Doc();
    createAxis(doc, { title: 'Plénière' });
    createAxis(doc, { title: 'Table rouge', table: 't1' });
    createCluster(doc, { title: 'De la table rouge', x: 0, y: 0, table: 't1' });
    const into = createCluster(doc, { title: 'Fusionné', x: 0, y: 0, table: 't2' });
    mergeClusters(doc, createCluster(doc, { title: 'Autre rouge', x: 0, y: 0, table: 't1' }), into);
    createCluster(doc, { title: 'Table bleue', x: 0, y: 0, table: 't2' });
    const board = readAxesBoard(doc);
    const seen = axesInSpace(board, { kind: 'plenary' }, 't1');
    expect(seen.axes.map((axis) => axis.title)).toEqual(['Table rouge']);
    expect(seen.pool.map((issue) => issue.title)).toEqual(['De la table rouge', 'Fusionné']);
  });

  it('puts each issue under its axis in ranking order, the others in the pool, and counts notes and sheets', () => {
    const doc = new Y.Doc();
    const a1 = createAxis(doc, { title: 'Territoire connecté' });
    const a2 = createAxis(doc, { title: 'Économie locale' });
    const [c1, c2, c3] = ['Mobilité', 'Inclusion numérique', 'Commerce'].map((title) =>
      createCluster(doc, { title, x: 0, y: 0 }),
    ) as [string, string, string];
    const note = addNote(doc, { x: 0, y: 0, author: 'p1', text: 'Pas de bus le dimanche' });
    assignNote(doc, note, c3);
    attachIssue(doc, c3, a1);
    attachIssue(doc, c1, a1);
    createAction(doc, { title: 'Hyperviseur urbain', axis: a1 });
    createAction(doc, { title: 'Plateforme commerces', axis: a1 });
    createAction(doc, { title: 'Sans axe', axis: null });

    const board = readAxesBoard(doc);
    expect(board.issueCount).toBe(3);
    expect(board.axes.map((axis) => [axis.title, axis.issues.map((i) => i.rank), axis.sheets])).toEqual([
      ['Territoire connecté', [1, 3], 2],
      ['Économie locale', [], 0],
    ]);
    const plenary = { table: null, fromTables: [] };
    expect(board.axes[0]?.issues[1]).toEqual({
      id: c3,
      title: 'Commerce',
      rank: 3,
      notes: 1,
      axis: a1,
      ...plenary,
    });
    expect(board.pool).toEqual([
      { id: c2, title: 'Inclusion numérique', rank: 2, notes: 0, axis: null, ...plenary },
    ]);
    expect(a2).toBeTruthy();
  });

  it('shows in the pool an issue whose axis is gone (deleted concurrently)', () => {
    const start = new Y.Doc();
    const axis = createAxis(start, { title: 'Axe' });
    const issue = createCluster(start, { title: 'Mobilité', x: 0, y: 0 });
    const net = convergence({ replicas: 2, from: { board: start } });
    const [doc, other] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
    attachIssue(other, issue, axis);
    deleteAxis(doc, axis);
    expect(net.expectConverged().axes).toEqual([]);
    expect(readAxesBoard(doc).pool.map((i) => i.id)).toEqual([issue]);
    expect(readAxesBoard(other)).toEqual(readAxesBoard(doc));
  });
});

describe('keyboard jumps between drop zones', () => {
  const zones = [
    { id: 'a2', rect: { left: 620, top: 100, width: 300, height: 600 } },
    { id: POOL_ZONE, rect: { left: 20, top: 100, width: 270, height: 600 } },
    { id: 'a1', rect: { left: 310, top: 100, width: 300, height: 600 } },
  ];
  const card = { left: 30, top: 150, width: 240, height: 50 };

  it('goes right from the pool to the first axis, then the next, and back left', () => {
    expect(jumpToZone(zones, POOL_ZONE, card, 1)).toEqual({ x: 310 + 150 - 120, y: 100 + 96 - 25 });
    expect(jumpToZone(zones, 'a1', card, 1)).toEqual({ x: 620 + 150 - 120, y: 171 });
    expect(jumpToZone(zones, 'a1', card, -1)).toEqual({ x: 20 + 135 - 120, y: 171 });
  });

  it('stays put at either end', () => {
    expect(jumpToZone(zones, POOL_ZONE, card, -1)).toBeUndefined();
    expect(jumpToZone(zones, 'a2', card, 1)).toBeUndefined();
  });

  it('finds the zone under the card when dnd-kit has none yet', () => {
    expect(jumpToZone(zones, null, card, 1)?.x).toBe(340);
    // Between two columns: the nearest zone that way.
    expect(jumpToZone(zones, null, { ...card, left: 180 }, 1)?.x).toBe(340);
    expect(jumpToZone(zones, null, { ...card, left: 180 }, -1)?.x).toBe(35);
  });

  it('tells the pool from an axis', () => {
    expect(zoneAxis(POOL_ZONE)).toBeNull();
    expect(zoneAxis('a1')).toBe('a1');
  });
});
