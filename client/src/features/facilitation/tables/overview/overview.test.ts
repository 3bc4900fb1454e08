import type { ParticipantSummary } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { ACTIVE_MS, activitySignatures, isActive, touchActivity } from './activity';
import { overviewCards, stepCount, tableMiniatures } from './overview';

const red = { id: 't1', name: 'Table 1', color: '#d81b60', order: 0 };
const blue = { id: 't2', name: 'Table 2', color: '#3949ab', order: 1 };

function person(id: string, name: string, extra: Partial<ParticipantSummary> = {}): ParticipantSummary {
  return {
    id,
    name,
    group: 'resident',
    role: 'participant',
    color: '#123456',
    coFacilitator: false,
    removed: false,
    ...extra,
  };
}

describe('overviewCards', () => {
  it('lists each table’s people, active first, with its counts', () => {
    const now = 1_000_000;
    const cards = overviewCards({
      tables: [red, blue],
      seats: { ana: 't1', bob: 't1', cat: 't1', dan: 't2', eve: 't2', late: 't2' },
      participants: [
        person('ana', 'Ana'),
        person('bob', 'Bob'),
        person('cat', 'Cat'),
        person('dan', 'Dan'),
      ].concat(person('eve', 'Eve', { removed: true })),
      present: [
        { participantId: 'bob', name: 'Bob', color: '#000000' },
        { participantId: 'cat', name: 'Cat', color: '#000000' },
        // Joined after the list was read: known by presence.
        { participantId: 'late', name: 'Léa', color: '#abcdef' },
      ],
      lastActive: { cat: now - 1000, bob: now - ACTIVE_MS - 1, ana: now },
      counts: { t1: { notes: 3, issues: 1, axes: 0, sheets: 0 } },
      now,
      locale: 'fr',
    });
    expect(cards.map((c) => c.table.id)).toEqual(['t1', 't2']);
    const [one, two] = cards;
    // Ana was active but is gone: offline.
    expect(one?.people.map((p) => [p.name, p.state])).toEqual([
      ['Cat', 'active'],
      ['Bob', 'online'],
      ['Ana', 'offline'],
    ]);
    expect(one).toMatchObject({ online: 2, active: 1, counts: { notes: 3, issues: 1 } });
    // A removed person is left out; a table with nothing yet counts zero.
    expect(two?.people.map((p) => [p.name, p.state, p.color])).toEqual([
      ['Léa', 'online', '#abcdef'],
      ['Dan', 'offline', '#123456'],
    ]);
    expect(two?.counts).toEqual({ notes: 0, issues: 0, axes: 0, sheets: 0 });
  });

  it('puts first the count of what the round’s step makes', () => {
    expect(stepCount('assessment')).toBe('notes');
    expect(stepCount('issues')).toBe('issues');
    expect(stepCount('partnerships')).toBe('sheets');
    expect(stepCount(null)).toBeNull();
  });
});

describe('tableMiniatures', () => {
  it('places each table’s notes in the box around them, leaving the plenary’s out', () => {
    const minis = tableMiniatures(
      {
        a: { id: 'a', x: 100, y: 50, table: 't1' },
        b: { id: 'b', x: 400, y: 250, table: 't1' },
        c: { id: 'c', x: 0, y: 0, table: null },
        d: { id: 'd', x: -20, y: 10, table: 't2' },
      },
      { width: 200, height: 160 },
    );
    expect(Object.keys(minis).sort()).toEqual(['t1', 't2']);
    expect(minis.t1?.box).toEqual({ x: 100, y: 50, width: 500, height: 360 });
    expect(minis.t1?.notes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(minis.t2?.box).toEqual({ x: -20, y: 10, width: 200, height: 160 });
  });
});

describe('activity', () => {
  it('marks a person active when their pointer, typing or dragging changes, not when they leave', () => {
    const cursor = (participantId: string, x: number) => ({
      clientId: 1,
      participantId,
      name: participantId,
      color: '#000000',
      x,
      y: 0,
    });
    const before = activitySignatures([cursor('ana', 0), cursor('bob', 0)], [], {});
    const after = activitySignatures([cursor('ana', 5)], [], {
      n1: [{ participantId: 'cat', name: 'Cat', color: '#000000', kind: 'editing' }],
    });
    const last = touchActivity({ bob: 1 }, before, after, 500);
    expect(last).toEqual({ ana: 500, bob: 1, cat: 500 });
    // Nothing changed: the same object (no re-render).
    expect(touchActivity(last, after, after, 900)).toBe(last);
    expect(isActive(last, 'ana', 500 + ACTIVE_MS - 1)).toBe(true);
    expect(isActive(last, 'ana', 500 + ACTIVE_MS)).toBe(false);
    expect(isActive(last, 'zoe', 500)).toBe(false);
  });
});
