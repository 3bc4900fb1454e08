import type { PresenceUser } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { applyPresence, derivePresence, parsePeers } from './presence';
import { createPresenceStores } from './presenceStores';

const user = (participantId: string, name: string): PresenceUser => ({
  participantId,
  name,
  color: '#d32f2f',
  role: 'participant',
  group: 'resident',
});

describe('presence', () => {
  it('keeps only server-stamped states of other clients', () => {
    const states = new Map<number, unknown>([
      [1, { cursor: { x: 1, y: 1 } }],
      [2, { user: user('p2', 'Bea'), cursor: { x: 3, y: 4 }, editing: 'n1' }],
      [3, { user: { name: 'forged' } }],
      [4, { user: user('p4', 'Ali'), cursor: null }],
    ]);
    const peers = parsePeers(states, 1);
    expect(peers.map((p) => p.clientId)).toEqual([2, 4]);
    expect(peers[0]).toMatchObject({ cursor: { x: 3, y: 4 }, editing: 'n1', dragging: null });
  });

  it('keeps the user of a client whose later states come without it', () => {
    const known = new Map<number, PresenceUser>();
    parsePeers(new Map([[2, { user: user('p2', 'Bea'), cursor: { x: 0, y: 0 } }]]), 1, known);
    const later = parsePeers(
      new Map<number, unknown>([
        [2, { cursor: { x: 5, y: 6 } }],
        [3, { cursor: { x: 1, y: 1 } }],
      ]),
      1,
      known,
    );
    // Client 3 was never stamped by the server: not shown.
    expect(later).toEqual([
      {
        clientId: 2,
        user: user('p2', 'Bea'),
        cursor: { x: 5, y: 6 },
        editing: null,
        dragging: null,
        view: null,
      },
    ]);
  });

  it('counts a person once however many tabs they have, yourself first', () => {
    const peers = parsePeers(
      new Map<number, unknown>([
        [2, { user: user('p2', 'Bea') }],
        [3, { user: user('p2', 'Bea') }],
        [4, { user: user('p4', 'Ali') }],
      ]),
      1,
    );
    const view = derivePresence(peers, user('p1', 'Zoé'));
    expect(view.people.map((p) => p.name)).toEqual(['Zoé', 'Ali', 'Bea']);
  });

  it('keeps avatars and note activity identical while only cursors move', () => {
    const stores = createPresenceStores();
    const at = (x: number) =>
      derivePresence(
        parsePeers(new Map([[2, { user: user('p2', 'Bea'), cursor: { x, y: 0 }, editing: 'n1' }]]), 1),
        null,
      );
    applyPresence(stores, at(0));
    const presence = stores.presence.getState();
    const { cursors } = stores.cursors.getState();
    let presenceWrites = 0;
    stores.presence.subscribe(() => presenceWrites++);
    applyPresence(stores, at(5));
    expect(presenceWrites).toBe(0);
    expect(stores.presence.getState()).toBe(presence);
    expect(stores.cursors.getState().cursors).not.toBe(cursors);
    expect(stores.cursors.getState().cursors[0]).toMatchObject({ x: 5, name: 'Bea' });
  });
});

describe('shared views ("follow me")', () => {
  it('keeps the area a peer shares, by participant, and ignores a malformed one', () => {
    const view = { x: -100, y: 50, width: 1600, height: 900 };
    const peers = parsePeers(
      new Map<number, unknown>([
        [2, { user: user('p2', 'Bea'), view }],
        [3, { user: user('p3', 'Cem'), view: { ...view, width: -1 } }],
      ]),
      1,
    );
    expect(derivePresence(peers, null).views).toEqual({ p2: view });
  });
});

describe('who is in which action sheet (step 4)', () => {
  const caret = { anchor: 'AQKWAQQ=', head: 'AQKWAQY=' };
  const states = (beaField: string | null, beaCaret = caret) =>
    new Map<number, unknown>([
      [2, { user: user('p2', 'Bea'), sheet: { id: 's1', field: beaField, ...beaCaret } }],
      [3, { user: user('p3', 'Ali'), sheet: { id: 's1', field: null, anchor: null, head: null } }],
      // Bea's second tab, in no field: she counts once, in the field she is in.
      [4, { user: user('p2', 'Bea'), sheet: { id: 's1', field: null, anchor: null, head: null } }],
      [5, { user: user('p5', 'Cem'), sheet: { id: 's2', field: 'budget', anchor: null, head: null } }],
      [6, { user: user('p6', 'Dan'), sheet: { id: 's2', field: 'nope', anchor: null, head: null } }],
    ]);

  it('lists the people in each sheet with their field, and the carets in prose fields', () => {
    const view = derivePresence(parsePeers(states('objectives'), 1), null);
    expect(view.sheets).toEqual({
      s1: [
        { participantId: 'p3', name: 'Ali', color: '#d32f2f', field: null },
        { participantId: 'p2', name: 'Bea', color: '#d32f2f', field: 'objectives' },
      ],
      s2: [{ participantId: 'p5', name: 'Cem', color: '#d32f2f', field: 'budget' }],
    });
    expect(view.carets).toEqual([
      {
        clientId: 2,
        participantId: 'p2',
        name: 'Bea',
        color: '#d32f2f',
        sheet: 's1',
        field: 'objectives',
        ...caret,
      },
    ]);
    // A malformed sheet entry is ignored, not the person.
    expect(parsePeers(states('objectives'), 1).find((p) => p.clientId === 6)).not.toHaveProperty('sheet');
  });

  it('moves carets without re-rendering the cards, and re-renders only the sheet whose people changed', () => {
    const stores = createPresenceStores();
    applyPresence(stores, derivePresence(parsePeers(states('objectives'), 1), null));
    const { sheets } = stores.presence.getState();
    let presenceWrites = 0;
    stores.presence.subscribe(() => presenceWrites++);
    applyPresence(
      stores,
      derivePresence(parsePeers(states('objectives', { anchor: 'AQKWAQg=', head: 'AQKWAQg=' }), 1), null),
    );
    expect(presenceWrites).toBe(0);
    expect(stores.cursors.getState().carets[0]?.head).toBe('AQKWAQg=');
    applyPresence(stores, derivePresence(parsePeers(states('risks'), 1), null));
    const after = stores.presence.getState().sheets;
    expect(after.s1?.find((a) => a.name === 'Bea')?.field).toBe('risks');
    expect(after.s2).toBe(sheets.s2);
  });
});
