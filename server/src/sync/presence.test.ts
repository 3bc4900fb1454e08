import { describe, expect, it } from 'vitest';
import { type PresenceEntry, type PresenceLink, PresenceTable } from './presence';

const state = (clientId: number, clock: number, x = clock): PresenceEntry => ({
  clientId,
  clock,
  json: JSON.stringify({ x, user: { name: 'P' } }),
  light: JSON.stringify({ x }),
});
const gone = (clientId: number, clock: number): PresenceEntry => ({
  clientId,
  clock,
  json: null,
  light: null,
});

/** A table with a relay's link attached; `published` holds what each flush handed it. */
function relayed() {
  const table = new PresenceTable();
  const published: PresenceEntry[][] = [];
  const link: PresenceLink = { publish: (entries) => published.push([...entries]), leave: () => {} };
  table.relayTo(link);
  return { table, published };
}

describe('presence table with other nodes', () => {
  it("hands the relay this node's own changes at each flush, never other nodes'", () => {
    const { table, published } = relayed();
    table.apply([state(1, 1)]);
    table.apply([state(2, 1)], 'node-b');
    table.apply([state(1, 2)]);
    expect(table.takeChanges()).not.toBeNull();
    expect(published).toEqual([[state(1, 2)]]);
    // Only other nodes' changes this tick: sent to the peers, nothing published.
    table.apply([state(2, 2)], 'node-b');
    expect(table.takeChanges()).not.toBeNull();
    expect(published).toHaveLength(1);
    expect(table.ownStates()).toEqual([state(1, 2)]);
  });

  it("removes only its own clients, and another node's only when that node says so or is gone", () => {
    const table = new PresenceTable();
    table.apply([state(1, 5)], 'node-b');
    table.apply([state(2, 5)], 'node-b');
    table.apply([state(3, 5)], 'node-c');
    expect(table.remove(1)).toBe(false); // not a connection of this node
    expect(table.apply([gone(1, 6)], 'node-c')).toBe(false); // node-c does not hold it
    expect(table.apply([gone(1, 6)], 'node-b')).toBe(true);
    expect(table.removeNode('node-b')).toBe(true);
    expect([table.has(1), table.has(2), table.has(3)]).toEqual([false, false, true]);
    // Late entries of the removed clients are not taken again.
    expect(table.apply([state(1, 5), state(2, 6)], 'node-b')).toBe(false);
    expect(table.apply([state(2, 7)], 'node-b')).toBe(true);
  });

  it('lets a client that moved here win over the entry another node held for it', () => {
    const table = new PresenceTable();
    table.apply([state(1, 9)], 'node-b');
    // The same client id, connected here now, with the clock it had.
    expect(table.apply([state(1, 9, 42)])).toBe(true);
    expect(table.ownStates()).toEqual([state(1, 9, 42)]);
    // node-b's removal of its old connection does not remove it here.
    expect(table.apply([gone(1, 10)], 'node-b')).toBe(false);
    expect(table.remove(1)).toBe(true);
  });

  it("keeps only what a node's full states name", () => {
    const table = new PresenceTable();
    table.apply([state(1, 1), state(2, 1)], 'node-b');
    table.apply([state(3, 1)]);
    expect(table.replaceNode('node-b', [state(2, 3)])).toBe(true);
    expect([table.has(1), table.has(2), table.has(3)]).toEqual([false, true, true]);
    expect(table.nodes()).toEqual(new Set(['node-b']));
  });
});
