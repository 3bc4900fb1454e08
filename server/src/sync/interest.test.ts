import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type HeldUpdate, InterestRelay, nearestIds, pointersOf } from './interest';
import { encodeUpdate, MESSAGE } from './messages';
import { type PresenceEntry, PresenceTable } from './presence';

/** A receiving client: a stock `Awareness` fed the frames it is sent (what the app renders from). */
function client(clientId: number | null) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState(null);
  const c = {
    awarenessClientId: clientId,
    frames: 0,
    send(frame: Uint8Array) {
      c.frames++;
      const decoder = decoding.createDecoder(frame);
      expect(decoding.readVarUint(decoder)).toBe(MESSAGE.awareness);
      applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
    },
    /** Who this client lists (everyone it has a state for). */
    people: () => [...awareness.getStates().keys()].sort((a, b) => a - b),
    /** Whose cursor it draws, and where. */
    cursors: () =>
      new Map(
        [...awareness.getStates()]
          .filter(([, s]) => s.cursor)
          .map(([id, s]) => [id, (s.cursor as { x: number }).x] as const),
      ),
  };
  return c;
}

function state(clientId: number, clock: number, x: number | null, facilitator = false): PresenceEntry {
  const user = { name: `u${clientId}`, role: facilitator ? 'facilitator' : 'participant' };
  const light = x === null ? '{"editing":null}' : JSON.stringify({ cursor: { x, y: 0 }, editing: null });
  const unpointed = '{"editing":null}';
  const withUser = (json: string) => `${json.slice(0, -1)},"user":${JSON.stringify(user)}}`;
  return {
    clientId,
    clock,
    json: withUser(light),
    light,
    pointer: x === null ? null : { x, y: 0 },
    unpointed,
    unpointedJson: withUser(unpointed),
    facilitator,
  };
}

/** A stored update as the room holds it: one note added to a board. */
function noteUpdate(id: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('notes').set(id, `texte de ${id}`);
  return Y.encodeStateAsUpdate(doc);
}
const held = (update: Uint8Array, origin: unknown): HeldUpdate => ({
  message: encodeUpdate(update),
  update,
  origin,
});

const options = { nearest: 3, refreshMs: 100, backgroundMs: 1_000, renewMs: 10_000, audienceMs: 0 };

/** A room of people 1…n with pointers at x = 10·id, a facilitator (id 100) far away, and a viewer with none. */
function room(n: number) {
  const table = new PresenceTable();
  const people = Array.from({ length: n }, (_, i) => client(i + 1));
  const facilitator = client(100);
  const viewer = client(200);
  const peers = [...people, facilitator, viewer];
  table.apply(people.map((_, i) => state(i + 1, 1, 10 * (i + 1))));
  table.apply([state(100, 1, 5_000, true)]);
  const relay = new InterestRelay(options);
  const tick = (now: number) => relay.relay(table, table.takePending(), peers, now);
  return { table, people, facilitator, viewer, relay, tick };
}

describe('nearestIds', () => {
  const points = pointersOf(
    [0, 50, 11, 9, 30, -12].map((x, i) => ({ clientId: i + 1, pointer: { x, y: 0 } })),
  );

  it('picks the pointers nearest to the origin, leaving the receiver out', () => {
    expect(nearestIds({ x: 10, y: 0 }, points, 3, 3)).toEqual([4, 1, 5]);
    expect(nearestIds({ x: 10, y: 0 }, points, 10, null)).toEqual([3, 4, 1, 5, 6, 2]);
  });
});

describe('InterestRelay', () => {
  it('lists everyone for everyone, but draws only the nearest cursors and the facilitator’s', () => {
    const { people, facilitator, viewer, table, tick } = room(10);
    tick(0);
    const everyone = [...people.map((_, i) => i + 1), 100];
    // First states reach everyone; with the pointer only for those near.
    for (const c of [people[0]!, people[5]!, facilitator, viewer])
      expect(c.people()).toEqual(everyone.filter((id) => id !== c.awarenessClientId));
    expect([...people[0]!.cursors().keys()]).toEqual([2, 3, 4, 100]);

    // Everyone moves: each sees the cursors of its 3 nearest and the facilitator's, the viewer the facilitator's only.
    table.apply([...people.map((_, i) => state(i + 1, 2, 10 * (i + 1) + 1)), state(100, 2, 5_001, true)]);
    tick(200);
    // Person 5 (x 51): 4 and 6 at 10, then 3 and 7 at 20 (a tie goes to the earlier one).
    expect(people[4]!.cursors()).toEqual(
      new Map([
        [3, 31],
        [4, 41],
        [6, 61],
        [100, 5_001],
      ]),
    );
    expect(viewer.cursors()).toEqual(new Map([[100, 5_001]]));
    expect(facilitator.cursors().size).toBe(3);
  });

  it('hides a cursor that left the interest at its next state, and renews every state for everyone', () => {
    const { people, viewer, table, tick } = room(10);
    tick(0);
    table.apply(people.map((_, i) => state(i + 1, 2, 10 * (i + 1))));
    tick(200);
    expect(people[0]!.cursors().has(2)).toBe(true);
    // Person 2 goes far away: out of person 1's interest from the next refresh.
    table.apply([state(2, 3, 9_000)]);
    tick(400);
    table.apply([state(2, 4, 9_001)]);
    tick(600);
    expect(people[0]!.cursors().has(2)).toBe(false);
    expect(people[0]!.people()).toContain(2);
    const framesBefore = viewer.frames;
    // Moves of people far from everyone's interest cost the viewer nothing until the renewal.
    for (let t = 1; t <= 5; t++) {
      table.apply([state(2, 4 + t, 9_001 + t)]);
      tick(600 + t * 10);
    }
    expect(viewer.frames).toBe(framesBefore);
    table.apply([state(2, 20, 9_100)]);
    tick(11_000);
    expect(viewer.frames).toBe(framesBefore + 1);
    expect(viewer.people()).toContain(2);
    expect(viewer.cursors().has(2)).toBe(false);
  });

  it('tells everyone at once who left', () => {
    const { people, viewer, table, tick } = room(10);
    tick(0);
    table.remove(7);
    tick(10);
    expect(viewer.people()).not.toContain(7);
    expect(people[0]!.people()).not.toContain(7);
  });

  it('never sends a client its own state', () => {
    const { people, table } = room(10);
    const sent: Uint8Array[] = [];
    const self = { awarenessClientId: 1, send: (m: Uint8Array) => sent.push(m) };
    const relay = new InterestRelay(options);
    relay.relay(table, table.takePending(), [self, ...people.slice(1)], 0);
    table.apply([state(1, 2, 11)]);
    relay.relay(table, table.takePending(), [self, ...people.slice(1)], 200);
    const ids = sent.flatMap((frame) => {
      const d = decoding.createDecoder(frame);
      decoding.readVarUint(d);
      const u = decoding.createDecoder(decoding.readVarUint8Array(d));
      return Array.from({ length: decoding.readVarUint(u) }, () => {
        const id = decoding.readVarUint(u);
        decoding.readVarUint(u);
        decoding.readVarString(u);
        return id;
      });
    });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(1);
  });

  it('never leaves a stored update unsent to a viewer: not when it takes a pointer, not when the room shrinks', () => {
    const { table } = room(4);
    const slow = new InterestRelay({ ...options, audienceMs: 1_000 });
    const recording = (awarenessClientId: number | null) => {
      const got: Uint8Array[] = [];
      return { awarenessClientId, got, send: (m: Uint8Array) => got.push(m) };
    };
    const people = [1, 2, 3, 4].map(recording);
    const late = recording(300);
    const stays = recording(null);
    const peers = [late, stays, ...people];
    const update = held(noteUpdate('n1'), people[0]);
    slow.relay(table, table.takePending(), peers, 0);
    slow.relay(table, [], peers, 10, [update]);
    expect(people[1]!.got).toContain(update.message);
    expect(people[0]!.got).not.toContain(update.message);
    // Neither viewer has it yet (no pointer: every second). Then `late` puts a pointer on the board.
    expect(late.got).not.toContain(update.message);
    table.apply([state(300, 1, 15)]);
    slow.relay(table, table.takePending(), peers, 200);
    expect(late.got).toContain(update.message);
    expect(stays.got).not.toContain(update.message);
    slow.drainAudience(peers);
    expect(stays.got).toContain(update.message);
  });
  it('sends a tick’s updates merged in one message to those who sent none, and the others, never its own, to a sender', () => {
    const { table } = room(62);
    const relay = new InterestRelay(options);
    const receiving = (awarenessClientId: number | null) => {
      const doc = new Y.Doc();
      const got: Uint8Array[] = [];
      const peer = {
        awarenessClientId,
        got,
        doc,
        send(message: Uint8Array) {
          got.push(message);
          const d = decoding.createDecoder(message);
          if (decoding.readVarUint(d) !== MESSAGE.sync) return;
          decoding.readVarUint(d); // the update message
          Y.applyUpdate(doc, decoding.readVarUint8Array(d));
        },
      };
      return peer;
    };
    const author = receiving(1);
    const reader = receiving(2);
    const viewer = receiving(null);
    const peers = [author, reader, viewer];
    const notesOf = (peer: { doc: Y.Doc }) => [...peer.doc.getMap('notes').keys()].sort();
    const updates = [
      held(noteUpdate('a'), author),
      held(noteUpdate('b'), null),
      held(noteUpdate('c'), reader),
    ];
    relay.relay(table, table.takePending(), peers, 0, updates);
    const syncMessages = (peer: { got: Uint8Array[] }) => peer.got.filter((m) => m[0] === MESSAGE.sync);
    // One message with the three for the viewer, the others one by one to their senders.
    expect(syncMessages(viewer)).toHaveLength(1);
    expect(notesOf(viewer)).toEqual(['a', 'b', 'c']);
    expect(syncMessages(author)).toEqual([updates[1]?.message, updates[2]?.message]);
    expect(notesOf(author)).toEqual(['b', 'c']);
    expect(notesOf(reader)).toEqual(['a', 'b']);
  });
});
