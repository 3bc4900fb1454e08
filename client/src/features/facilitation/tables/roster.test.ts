import type { ParticipantSummary } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { goneIds, nextTableColor, roster, seatedAt, seatsLeft, TABLE_PALETTE } from './roster';

const person = (id: string, name: string, extra: Partial<ParticipantSummary> = {}): ParticipantSummary => ({
  id,
  name,
  group: 'resident',
  role: 'participant',
  color: '#000000',
  coFacilitator: false,
  removed: false,
  ...extra,
});
const tables = [
  { id: 't1', name: 'Table 1', color: '#d81b60', order: 0 },
  { id: 't2', name: 'Table 2', color: '#3949ab', order: 1 },
];

describe('the tables panel roster', () => {
  it('lists participants by table, by name, the others without a table', () => {
    const people = [
      person('z', 'Zoé'),
      person('a', 'Ana', { group: 'elected' }),
      person('b', 'Ben'),
      person('f', 'Fatou', { role: 'facilitator' }),
      person('o', 'Omar', { role: 'observer' }),
      person('r', 'Rémi', { removed: true }),
      person('g', 'Gus'),
    ];
    const list = roster(people, tables, { z: 't1', a: 't1', b: 't2', f: 't2', g: 'gone' }, 'fr');
    expect(list.byTable.t1?.map((p) => p.name)).toEqual(['Ana', 'Zoé']);
    expect(list.byTable.t1?.[0]?.group).toBe('elected');
    expect(list.byTable.t2?.map((p) => p.name)).toEqual(['Ben']);
    expect(list.unseated.map((p) => p.name)).toEqual(['Gus']);
  });

  it('counts the seats left under the cap, oneself aside', () => {
    const seats = { a: 't1', b: 't1', c: 't2' };
    expect(seatsLeft('t1', seats, 2)).toBe(0);
    expect(seatsLeft('t1', seats, 2, 'a')).toBe(1);
    expect(seatsLeft('t2', seats, 2)).toBe(1);
    expect(seatsLeft('t1', seats, null)).toBeNull();
  });

  it('leaves out people no longer in the workshop, as the server does for the cap', () => {
    const seats = { a: 't1', gone: 't1', former: 't1', newcomer: 't1' };
    const gone = goneIds([
      { id: 'a', removed: false },
      { id: 'gone', removed: true },
      { id: 'former', removed: true },
    ]);
    expect(seatsLeft('t1', seats, 3, undefined, gone)).toBe(1);
    expect(seatedAt('t1', seats, 'a', gone)).toBe(1);
    expect(seatedAt('t1', seats)).toBe(4);
  });

  it('gives a new table a colour no table has yet', () => {
    expect(nextTableColor([])).toBe(TABLE_PALETTE[0]);
    expect(nextTableColor([TABLE_PALETTE[0], TABLE_PALETTE[2]])).toBe(TABLE_PALETTE[1]);
    expect(TABLE_PALETTE).toContain(nextTableColor([...TABLE_PALETTE]));
  });
});
