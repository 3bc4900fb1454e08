import type { PresenceUser } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { filterAwarenessUpdate } from './awareness-filter';
import type { PresenceEntry } from './presence';

const user: PresenceUser = {
  participantId: 'p1',
  name: 'Léa',
  color: '#d32f2f',
  role: 'participant',
  group: 'resident',
};

function updateFrom(state: unknown, clientID = 7): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const awareness = new Awareness(doc);
  awareness.setLocalState(state as Record<string, unknown>);
  const update = encodeAwarenessUpdate(awareness, [clientID]);
  awareness.destroy();
  return update;
}

/** The states the room would relay, by client id. */
function statesOf(entries: readonly PresenceEntry[]): Map<number, unknown> {
  return new Map(entries.map((e) => [e.clientId, e.json === null ? null : JSON.parse(e.json)]));
}

describe('filterAwarenessUpdate', () => {
  it('replaces whatever user a client claims with the server-known person', () => {
    const identity = { clientId: null, user };
    const out = filterAwarenessUpdate(
      updateFrom({ cursor: { x: 1, y: 2 }, user: { name: 'Mallory', role: 'facilitator' } }),
      identity,
    );
    expect(statesOf(out).get(7)).toEqual({ cursor: { x: 1, y: 2 }, user });
    // The light form, relayed once peers know who this client is, carries no user at all.
    expect(JSON.parse(out[0]!.light!)).toEqual({ cursor: { x: 1, y: 2 } });
  });

  it('binds the connection to its first client id and drops entries for any other', () => {
    const identity = { clientId: null as number | null, user };
    filterAwarenessUpdate(updateFrom({ cursor: null }, 7), identity);
    expect(identity.clientId).toBe(7);
    expect(filterAwarenessUpdate(updateFrom({ cursor: null }, 8), identity)).toEqual([]);
  });

  it('drops oversized states and strips unknown fields', () => {
    const identity = { clientId: null, user };
    expect(filterAwarenessUpdate(updateFrom({ editing: 'x', junk: 'y'.repeat(5000) }), identity)).toEqual([]);
    const out = filterAwarenessUpdate(updateFrom({ editing: 'n1', colour: 'red' }), { clientId: null, user });
    expect(statesOf(out).get(7)).toEqual({ editing: 'n1', user });
  });

  it('drops states that do not match the presence schema', () => {
    const identity = { clientId: null, user };
    expect(filterAwarenessUpdate(updateFrom({ cursor: { x: 'left', y: 0 } }), identity)).toEqual([]);
  });

  it('relays where a person is in an action sheet, and drops a malformed one', () => {
    const sheet = { id: 's1', field: 'objectives', anchor: 'AQKWAQQ=', head: 'AQKWAQY=' };
    const out = filterAwarenessUpdate(updateFrom({ cursor: null, sheet }), { clientId: null, user });
    expect(statesOf(out).get(7)).toEqual({ cursor: null, sheet, user });
    const closed = filterAwarenessUpdate(updateFrom({ sheet: null }), { clientId: null, user });
    expect(statesOf(closed).get(7)).toEqual({ sheet: null, user });
    for (const bad of [
      { ...sheet, field: 'password' },
      { ...sheet, anchor: 'not base64!' },
      { ...sheet, head: 'A'.repeat(400) },
      { ...sheet, id: '' },
    ])
      expect(filterAwarenessUpdate(updateFrom({ sheet: bad }), { clientId: null, user })).toEqual([]);
  });

  it('throws on a truncated update', () => {
    const update = updateFrom({ cursor: { x: 1, y: 2 } });
    expect(() =>
      filterAwarenessUpdate(update.slice(0, update.length - 4), { clientId: null, user }),
    ).toThrow();
  });

  it('relays a pointer state as the bytes received, with the same result as the full check', () => {
    const states = [
      { cursor: { x: 1.5, y: -2e3 } },
      { cursor: null },
      { cursor: { x: 0, y: 1e-7 }, editing: null, dragging: 'note-1' },
      { cursor: { x: -10, y: 3 }, editing: 'idée 1', dragging: null },
    ];
    for (const s of states) {
      const [entry] = filterAwarenessUpdate(updateFrom(s), { clientId: null, user });
      expect(entry!.light).toBe(JSON.stringify(s));
      expect(JSON.parse(entry!.json!)).toEqual({ ...s, user });
      const { cursor, ...others } = s;
      expect(entry!.pointer).toEqual(cursor);
      expect(JSON.parse(entry!.unpointed!)).toEqual(others);
      expect(JSON.parse(entry!.unpointedJson!)).toEqual({ ...others, user });
    }
  });

  it('checks the states a pointer state only resembles in full', () => {
    const identity = () => ({ clientId: null, user });
    // Out of the board: dropped, as the schema says.
    expect(filterAwarenessUpdate(updateFrom({ cursor: { x: 2e7, y: 0 } }), identity())).toEqual([]);
    expect(filterAwarenessUpdate(updateFrom({ cursor: null, editing: 'x'.repeat(65) }), identity())).toEqual(
      [],
    );
    // Escaped or unknown content: re-serialised from the parsed, stripped state.
    const quoted = filterAwarenessUpdate(updateFrom({ cursor: null, editing: 'a"b\n' }), identity());
    expect(JSON.parse(quoted[0]!.light!)).toEqual({ cursor: null, editing: 'a"b\n' });
    const extra = filterAwarenessUpdate(updateFrom({ cursor: { x: 1, y: 2 }, evil: 1 }), identity());
    expect(extra[0]!.light).toBe('{"cursor":{"x":1,"y":2}}');
  });
});
