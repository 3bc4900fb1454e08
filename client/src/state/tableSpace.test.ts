import type { TablesState } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import {
  inSpace,
  mySeat,
  newItemTable,
  personInSpace,
  spaceWritable,
  tableSpace,
  visitedTable,
} from './tableSpace';

const red = { id: 't1', name: 'Table 1', color: '#e91e63', order: 0 };
const blue = { id: 't2', name: 'Table 2', color: '#3f51b5', order: 1 };
const state = (round: TablesState['round']): TablesState => ({
  tables: [red, blue],
  seats: { ana: 't1', ben: 't2' },
  seating: { mode: 'manual', cap: null },
  round,
  presenting: null,
});
const open = state({ step: 'assessment', closed: false, startedAt: 1 });
const closed = state({ step: 'assessment', closed: true, startedAt: 1 });
const ana = { participantId: 'ana', role: 'participant' as const };

describe('tableSpace', () => {
  it('shows everything in plenary', () => {
    const space = tableSpace({ tables: state(null), me: ana, viewedTable: null });
    expect(space).toEqual({ kind: 'plenary' });
    expect(inSpace(space, 't2')).toBe(true);
    expect(inSpace(space, null)).toBe(true);
    expect(newItemTable(space)).toBeNull();
  });

  it("shows a participant their own table's items during a round, new items going to it", () => {
    const space = tableSpace({ tables: open, me: ana, viewedTable: null });
    expect(space).toEqual({ kind: 'table', table: red, own: true });
    expect(inSpace(space, 't1')).toBe(true);
    expect(inSpace(space, 't2')).toBe(false);
    expect(inSpace(space, null)).toBe(false);
    expect(newItemTable(space)).toBe('t1');
    expect(spaceWritable(space)).toBe(true);
  });

  it('lets a participant look at another table, read only, only when tables are open', () => {
    const looking = tableSpace({ tables: open, me: ana, viewedTable: 't2' });
    expect(looking).toEqual({ kind: 'table', table: blue, own: false });
    expect(spaceWritable(looking)).toBe(false);
    expect(newItemTable(looking)).toBeNull();
    expect(tableSpace({ tables: closed, me: ana, viewedTable: 't2' })).toEqual({
      kind: 'table',
      table: red,
      own: true,
    });
  });

  it('gives a participant with no seat during a round nothing to see nor write', () => {
    const space = tableSpace({
      tables: open,
      me: { participantId: 'cleo', role: 'participant' },
      viewedTable: null,
    });
    expect(space).toEqual({ kind: 'noSeat' });
    expect(inSpace(space, 't1')).toBe(false);
    expect(spaceWritable(space)).toBe(false);
  });

  it('shows the facilitator the whole room, or the one table they look at', () => {
    const boss = { participantId: 'fac', role: 'facilitator' as const };
    expect(tableSpace({ tables: closed, me: boss, viewedTable: null })).toEqual({ kind: 'plenary' });
    const visiting = tableSpace({ tables: closed, me: boss, viewedTable: 't2' });
    expect(visiting).toEqual({ kind: 'table', table: blue, own: false });
    expect(spaceWritable(visiting)).toBe(false);
    expect(visitedTable(visiting, 'facilitator')).toEqual(blue);
    expect(visitedTable(visiting, 'participant')).toBeNull();
    expect(visitedTable({ kind: 'plenary' }, 'facilitator')).toBeNull();
  });

  it("shows only the table's people (and oneself) during a round", () => {
    const space = tableSpace({ tables: open, me: ana, viewedTable: null });
    expect(personInSpace(space, open.seats, 'ana', 'ana')).toBe(true);
    expect(personInSpace(space, open.seats, 'ben', 'ana')).toBe(false);
    expect(personInSpace(space, { ...open.seats, dan: 't1' }, 'dan', 'ana')).toBe(true);
    expect(personInSpace({ kind: 'plenary' }, open.seats, 'ben', 'ana')).toBe(true);
  });

  it("finds one's seat, none when its table is gone", () => {
    expect(mySeat(open, 'ben')).toEqual(blue);
    expect(mySeat({ ...open, tables: [red] }, 'ben')).toBeNull();
    expect(mySeat(open, undefined)).toBeNull();
  });
});
