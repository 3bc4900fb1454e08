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

/** Resolves after the table's end-of-turn publication (an immediate queued before this one runs first). */
const turnEnd = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('presence table with other nodes', () => {
  it("hands the relay this node's own changes once per event-loop turn, without a flush, never other nodes'", async () => {
    const { table, published } = relayed();
    table.apply([state(1, 1)]);
    table.apply([state(2, 1)], 'node-b');
    table.apply([state(1, 2)]);
    table.apply([state(3, 1)]);
    expect(published).toEqual([]);
    await turnEnd();
    // One publication for the turn, the latest per client; no tick has taken anything.
    expect(published).toEqual([[state(1, 2), state(3, 1)]]);
    expect(table.hasChanges).toBe(true);
    // A flush publishes nothing more.
    expect(table.takeChanges()).not.toBeNull();
    await turnEnd();
    expect(published).toHaveLength(1);
    // Only other nodes' changes this turn: for the peers, nothing published.
    table.apply([state(2, 2)], 'node-b');
    await turnEnd();
    expect(published).toHaveLength(1);
    // A connection closing is a change of this node's like any other.
    expect(table.remove(3)).toBe(true);
    await turnEnd();
    expect(published[1]).toEqual([gone(3, 2)]);
    expect(table.ownStates()).toEqual([state(1, 2)]);
  });

  it('hands nothing over once detached (the room unloaded)', async () => {
    const { table, published } = relayed();
    table.apply([state(1, 1)]);
    table.detach();
    await turnEnd();
    table.apply([state(1, 2)]);
    await turnEnd();
    expect(published).toEqual([]);
  });

  it('says whether another node holds someone of a role, from the server-given user of their state', () => {
    const table = new PresenceTable();
    const as = (clientId: number, role: string): PresenceEntry => ({
      clientId,
      clock: 1,
      json: JSON.stringify({ cursor: null, user: { name: 'P', role } }),
      light: JSON.stringify({ cursor: null }),
    });
    // Here: a participant of this node does not count (this node's sockets do).
    table.apply([as(1, 'participant'), as(2, 'facilitator')]);
    table.apply([as(3, 'observer')], 'node-b');
    expect(table.hasRemoteRole('participant')).toBe(false);
    table.apply([as(4, 'participant')], 'node-b');
    expect(table.hasRemoteRole('participant')).toBe(true);
    // They leave (their node says so): nobody of that role elsewhere any more.
    table.apply([gone(4, 2)], 'node-b');
    expect(table.hasRemoteRole('participant')).toBe(false);
    expect(table.hasRemoteRole('observer')).toBe(true);
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

describe('presence snapshot for a newcomer', () => {
  /** The snapshot a table holding just `entries` encodes afresh. */
  const fresh = (entries: PresenceEntry[], pointers = true) => {
    const table = new PresenceTable();
    table.apply(entries);
    return table.snapshot(pointers);
  };

  it('shares one message among arrivals until a state changes, then carries the change', () => {
    const table = new PresenceTable();
    expect(table.snapshot()).toBeNull();
    table.apply([state(1, 1), state(2, 1)]);
    const first = table.snapshot();
    expect(first).toEqual(fresh([state(1, 1), state(2, 1)]));
    // A burst of arrivals with no change between them: the same bytes, encoded once.
    expect(table.snapshot()).toBe(first);

    table.apply([state(2, 2, 7)]);
    expect(table.snapshot()).toEqual(fresh([state(1, 1), state(2, 2, 7)]));
    table.remove(1);
    expect(table.snapshot()).toEqual(fresh([state(2, 2, 7)]));
    table.remove(2);
    expect(table.snapshot()).toBeNull();
  });

  it('keeps the snapshot without pointers apart from the one with them', () => {
    const pointed = { ...state(1, 1), unpointedJson: JSON.stringify({ user: { name: 'P' } }) };
    const table = new PresenceTable();
    table.apply([pointed]);
    expect(table.snapshot(false)).toEqual(fresh([pointed], false));
    expect(table.snapshot(true)).toEqual(fresh([pointed], true));
    expect(table.snapshot(true)).not.toEqual(table.snapshot(false));
  });
});
