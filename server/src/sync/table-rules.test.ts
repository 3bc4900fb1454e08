import {
  addFinancingLine,
  addNote,
  attachIssue,
  createAction,
  createAxis,
  createCluster,
  deleteAxis,
  deleteNote,
  LOCAL_ORIGIN,
  mergeClusters,
  moveCluster,
  moveNote,
  setItemTable,
  setNoteText,
  WRITE_DENIED_REASONS,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tableWriteDenial } from './table-rules';

const { otherTable, noTable } = WRITE_DENIED_REASONS;

/** The room's board: a note and an action sheet of table t1, a note of t2, a note made in plenary. */
function room() {
  const server = new Y.Doc();
  addNote(server, { id: 'n-t1', x: 0, y: 0, author: 'ana', text: 'Table 1', table: 't1' });
  addNote(server, { id: 'n-t2', x: 0, y: 0, author: 'carla', text: 'Table 2', table: 't2' });
  addNote(server, { id: 'n-plenary', x: 0, y: 0, author: 'f', text: 'Plénière' });
  createAction(server, { title: 'Appli vélo', axis: null, table: 't2' }, 's-t2');
  createCluster(server, { title: 'Mobilité', x: 0, y: 0, table: 't1' }, 'c-t1');
  createCluster(server, { title: 'Bus', x: 0, y: 0, table: 't1' }, 'c2-t1');
  // Step 3: an axis of each table and one of the plenary; a plenary issue in the pool, one on table 2's axis.
  createAxis(server, { title: 'Mobilités', table: 't1' }, 'a-t1');
  createAxis(server, { title: 'Habitat', table: 't2' }, 'a-t2');
  createAxis(server, { title: 'Plénière' }, 'a-plenary');
  createCluster(server, { title: 'Vélo', x: 0, y: 0 }, 'c-pool');
  createCluster(server, { title: 'Logement', x: 0, y: 0 }, 'c-on-t2');
  attachIssue(server, 'c-on-t2', 'a-t2');
  /** The update `change` makes on a fresh replica, as its client would send it. */
  const updateOf = (change: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    change(doc);
    return Y.mergeUpdates(updates);
  };
  const denial = (change: (doc: Y.Doc) => void, seat: string | null, closed = false) =>
    tableWriteDenial(server, updateOf(change), { seat, closed });
  return { denial };
}

describe('the table rules of a participant’s board write', () => {
  it('lets a participant create items for their own table only, and nothing without a table', () => {
    const { denial } = room();
    const note = (table?: string | null) => (d: Y.Doc) =>
      addNote(d, { x: 0, y: 0, author: 'ana', text: 'Idée', ...(table === undefined ? {} : { table }) });
    expect(denial(note('t1'), 't1')).toBeNull();
    expect(denial(note('t2'), 't1')).toBe(otherTable);
    expect(denial(note(), 't1')).toBe(otherTable);
    expect(denial(note('t1'), null)).toBe(noTable);
    expect(denial((d) => createAxis(d, { title: 'Axe', table: 't1' }), 't1')).toBeNull();
    expect(denial((d) => createAxis(d, { title: 'Axe', table: 't2' }), 't1')).toBe(otherTable);
    expect(denial((d) => createAction(d, { title: 'Fiche', axis: null }), 't1')).toBe(otherTable);
  });

  it('refuses a new item whose table is set to the writer’s, then to another, in the same update', () => {
    const { denial } = room();
    const sneaky = (d: Y.Doc) =>
      d.transact(() => {
        const map = new Y.Map<unknown>();
        d.getMap('notes').set('sneaky', map);
        map.set('id', 'sneaky');
        map.set('text', new Y.Text('x'));
        map.set('pos', { x: 0, y: 0 });
        map.set('table', 't1');
        map.set('table', 't2');
      }, LOCAL_ORIGIN);
    expect(denial(sneaky, 't1')).toBe(otherTable);
  });

  it('lets anyone edit other tables’ items while tables are open, but not give them to a table', () => {
    const { denial } = room();
    expect(denial((d) => setNoteText(d, 'n-t2', 'Vu par Ana'), 't1')).toBeNull();
    expect(denial((d) => moveNote(d, 'n-plenary', { x: 9, y: 9 }), 't1')).toBeNull();
    expect(denial((d) => setItemTable(d, 'actions', 's-t2', 't1'), 't1')).toBe(otherTable);
    expect(denial((d) => setItemTable(d, 'notes', 'n-plenary', 't2'), 't1')).toBe(otherTable);
    expect(denial((d) => setItemTable(d, 'notes', 'n-plenary', 't1'), 't1')).toBeNull();
  });

  it('with closed tables, refuses any change or deletion of another table’s or the plenary’s items', () => {
    const { denial } = room();
    expect(denial((d) => setNoteText(d, 'n-t1', 'Complétée'), 't1', true)).toBeNull();
    expect(denial((d) => mergeClusters(d, 'c2-t1', 'c-t1'), 't1', true)).toBeNull();
    expect(denial((d) => setNoteText(d, 'n-t2', 'Ana'), 't1', true)).toBe(otherTable);
    expect(denial((d) => moveNote(d, 'n-plenary', { x: 9, y: 9 }), 't1', true)).toBe(otherTable);
    expect(denial((d) => deleteNote(d, 'n-t2'), 't1', true)).toBe(otherTable);
    expect(
      denial(
        (d) => addFinancingLine(d, 's-t2', { source: 'eu', label: 'FEDER', amount: 1, secured: false }),
        't1',
        true,
      ),
    ).toBe(otherTable);
    expect(denial((d) => setNoteText(d, 'n-plenary', 'Dan'), null, true)).toBe(noTable);
  });

  it('with closed tables, lets a table attach pool issues to its own axes, and take them off, only', () => {
    const { denial } = room();
    // Any issue of the pool, the plenary's included, onto one's table's axis, and back.
    expect(denial((d) => attachIssue(d, 'c-pool', 'a-t1'), 't1', true)).toBeNull();
    expect(
      denial(
        (d) => {
          attachIssue(d, 'c-pool', 'a-t1');
          attachIssue(d, 'c-pool', null);
        },
        't1',
        true,
      ),
    ).toBeNull();
    // Not onto another table's axis, nor the plenary's; not off another table's axis.
    expect(denial((d) => attachIssue(d, 'c-pool', 'a-t2'), 't1', true)).toBe(otherTable);
    expect(denial((d) => attachIssue(d, 'c-pool', 'a-plenary'), 't1', true)).toBe(otherTable);
    expect(denial((d) => attachIssue(d, 'c-on-t2', null), 't1', true)).toBe(otherTable);
    expect(denial((d) => attachIssue(d, 'c-on-t2', 'a-t1'), 't1', true)).toBe(otherTable);
    expect(denial((d) => attachIssue(d, 'c-on-t2', null), 't2', true)).toBeNull();
    // Without a seat, nothing; the issue's other fields stay its table's.
    expect(denial((d) => attachIssue(d, 'c-pool', 'a-t1'), null, true)).toBe(noTable);
    expect(denial((d) => moveCluster(d, 'c-pool', { x: 1, y: 1 }), 't1', true)).toBe(otherTable);
    // Deleting one's axis sends its issues back to the pool; not another table's.
    expect(denial((d) => deleteAxis(d, 'a-t2'), 't2', true)).toBeNull();
    expect(denial((d) => deleteAxis(d, 'a-t2'), 't1', true)).toBe(otherTable);
  });
});
