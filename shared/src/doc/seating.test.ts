import { describe, expect, it } from 'vitest';
import type { ParticipantGroup } from '../schema/enums';
import { balancedSeating, isBalanced, placeLate, type SeatedPerson } from './seating';
import type { Seats, Table } from './tables';

const tables = (n: number): Table[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `t${i + 1}`,
    name: `Table ${i + 1}`,
    color: '#123456',
    order: i,
  }));

const people = (groups: Record<string, number>): SeatedPerson[] =>
  Object.entries(groups).flatMap(([group, count]) =>
    Array.from({ length: count }, (_, i) => ({ id: `${group}-${i + 1}`, group: group as ParticipantGroup })),
  );

function sizes(seats: Seats, of: readonly Table[]): number[] {
  return of.map((t) => Object.values(seats).filter((s) => s === t.id).length);
}

function groupsAt(seats: Seats, everyone: readonly SeatedPerson[], table: string): string[] {
  return everyone
    .filter((p) => seats[p.id] === table)
    .map((p) => p.group)
    .sort();
}

describe('balancedSeating', () => {
  it('gives each of 3 tables one person of each of 4 groups (12 people)', () => {
    const cast = people({ elected: 3, staff: 3, resident: 3, business: 3 });
    const seats = balancedSeating(cast, tables(3), {});
    expect(Object.keys(seats)).toHaveLength(12);
    for (const table of tables(3))
      expect(groupsAt(seats, cast, table.id)).toEqual(['business', 'elected', 'resident', 'staff']);
  });

  it('keeps sizes within one and spreads each group fairly, whatever the mix', () => {
    const cast = people({
      elected: 5,
      staff: 9,
      resident: 17,
      business: 4,
      association: 3,
      partner: 2,
      other: 5,
    });
    const seats = balancedSeating(cast, tables(7), {});
    const counts = sizes(seats, tables(7));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(45);
    expect(isBalanced(cast, tables(7), seats)).toBe(true);
  });

  it('is deterministic, and stable: a balanced seating is kept as it is', () => {
    const cast = people({ elected: 4, staff: 3, resident: 6, business: 2 });
    const first = balancedSeating(cast, tables(4), {});
    expect(balancedSeating(cast, tables(4), {})).toEqual(first);
    expect(balancedSeating(cast, tables(4), first)).toEqual(first);
    // The tables' order, not the array's, decides.
    expect(balancedSeating(cast, [...tables(4)].reverse(), {})).toEqual(first);
  });

  it('keeps people where they sit when the split allows it', () => {
    const cast = people({ elected: 2, resident: 2 });
    // Both elected at t1, both residents at t2: not mixed, so one of each moves.
    const current: Seats = { 'elected-1': 't1', 'elected-2': 't1', 'resident-1': 't2', 'resident-2': 't2' };
    const seats = balancedSeating(cast, tables(2), current);
    expect(isBalanced(cast, tables(2), seats)).toBe(true);
    const kept = cast.filter((p) => seats[p.id] === current[p.id]).length;
    expect(kept).toBe(2);
  });

  it('seats nobody without tables, and ignores seats at unknown tables', () => {
    const cast = people({ staff: 2 });
    expect(balancedSeating(cast, [], {})).toEqual({});
    const seats = balancedSeating(cast, tables(2), { 'staff-1': 'gone' });
    expect(sizes(seats, tables(2))).toEqual([1, 1]);
  });
});

describe('placeLate', () => {
  it('places an arrival at the least full table, then the one with fewest of their group', () => {
    const cast = people({ elected: 3, resident: 3 });
    const seats = balancedSeating(cast, tables(3), {});
    const late = { id: 'late-1', group: 'resident' as const };
    const first = placeLate(late, tables(3), seats, [...cast, late]);
    expect(first).not.toBeNull();
    const after = { ...seats, [late.id]: first as string };
    const next = { id: 'late-2', group: 'resident' as const };
    const second = placeLate(next, tables(3), after, [...cast, late, next]);
    expect(second).not.toBe(first);
    const counts = sizes({ ...after, [next.id]: second as string }, tables(3));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('prefers, among equally full tables, the one lacking the arrival’s group', () => {
    const seats: Seats = { a: 't1', b: 't2' };
    const cast: SeatedPerson[] = [
      { id: 'a', group: 'elected' },
      { id: 'b', group: 'resident' },
    ];
    expect(placeLate({ id: 'c', group: 'elected' }, tables(2), seats, cast)).toBe('t2');
    expect(placeLate({ id: 'c', group: 'resident' }, tables(2), seats, cast)).toBe('t1');
  });

  it('keeps someone already seated where they are, and has nothing without tables', () => {
    expect(placeLate({ id: 'a', group: 'staff' }, tables(2), { a: 't2' }, [])).toBe('t2');
    expect(placeLate({ id: 'a', group: 'staff' }, [], {}, [])).toBeNull();
  });
});
