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
