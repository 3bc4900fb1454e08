/**
 * The presence relay against the real Redis: nodes in this process, each a relay, a heartbeat
 * and real `Room`s (presence only: their store holds nothing), with one watching peer per room
 * that reads every presence frame as a stock y-protocols client does.
 */
import { createTestRedis, type TestRedis } from '@atelier/testing';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createLogger } from '../log';
import { INTEREST_FROM_PEOPLE, NEAREST_CURSORS } from '../sync/interest';
import { MESSAGE } from '../sync/messages';
import type { PresenceEntry } from '../sync/presence';
import { type Peer, Room } from '../sync/room';
import { TurnFlusher } from '../sync/turn';
import { type Heartbeat, heartbeatKey, startHeartbeat } from './heartbeat';
import { decodePresenceMessage, encodePresenceMessage } from './presence-message';
import { type ClusterPresenceRelay, createPresenceRelay } from './presence-relay';

const ROOM = 'w1:board';
/** Short, so that a node's death is seen in well under a second here (5 s in production). */
const TTL_MS = 400;

let redis: TestRedis;
const cleanups: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  redis = await createTestRedis();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await redis.cleanup();
});

interface Watcher extends Peer {
  /** What the peer's client knows of who is here (client id → state), as y-protocols applies it. */
  awareness: Awareness;
}

function watcher(): Watcher {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  return {
    awareness,
    awarenessClientId: null,
    close: () => {},
    send(frame) {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MESSAGE.awareness) return;
      applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
    },
  };
}

interface Node {
  id: string;
  relay: ClusterPresenceRelay;
  heartbeat: Heartbeat;
  lines: string[];
  /** Opens `room` on this node with one watching peer; resolves once the relay follows it. */
  open(room?: string): Promise<{ room: Room; watcher: Watcher }>;
}

const emptyStore = {
  load: async () => ({ snapshot: null, updates: [], lastSeq: 0 }),
  append: async () => 0,
  compact: async () => {},
};

async function node(name: string, presenceTickMs = 10): Promise<Node> {
  const id = `${name}-${redis.prefix.split(':')[2]}`;
  const lines: string[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(line) });
  const commands = await redis.connect();
  const heartbeat = await startHeartbeat({
    redis: commands,
    prefix: redis.prefix,
    nodeId: id,
    log,
    ttlMs: TTL_MS,
    everyMs: 100,
  });
  const relay = await createPresenceRelay({
    redis: commands,
    prefix: redis.prefix,
    nodeId: id,
    log,
    checkMs: 50,
  });
  cleanups.push(
    () => heartbeat.close(),
    () => relay.close(),
  );
  const flusher = new TurnFlusher(async () => {});
  return {
    id,
    relay,
    heartbeat,
    lines,
    async open(name = ROOM) {
      const room = await Room.open(name, emptyStore, flusher, log, {
        compactLogBytes: 1 << 20,
        presenceTickMs,
        presenceRelay: relay,
      });
      cleanups.push(() => room.destroy());
      await relay.joined(name);
      const w = watcher();
      room.add(w);
      const snapshot = room.presence.snapshot();
      if (snapshot) w.send(snapshot);
      return { room, watcher: w };
    },
  };
}

/** A client's entry as a connection hands it to its room (the server-given `user` in `json`). */
function cursor(clientId: number, clock: number, x: number): PresenceEntry {
  const state = { cursor: { x, y: 0 } };
  return {
    clientId,
    clock,
    json: JSON.stringify({ ...state, user: { name: `P${clientId}` } }),
    light: JSON.stringify(state),
  };
}

/** A pointer state as awareness-filter.ts makes it, with the fields interest management reads. */
function pointed(clientId: number, clock: number, x: number, facilitator = false): PresenceEntry {
  const user = JSON.stringify({ name: `P${clientId}`, role: facilitator ? 'facilitator' : 'participant' });
  const light = JSON.stringify({ cursor: { x, y: 0 } });
  return {
    clientId,
    clock,
    json: `${light.slice(0, -1)},"user":${user}}`,
    light,
    pointer: { x, y: 0 },
    unpointed: '{}',
    unpointedJson: `{"user":${user}}`,
    facilitator,
  };
}

const gone = (clientId: number, clock: number): PresenceEntry => ({
  clientId,
  clock,
  json: null,
  light: null,
});

/** A peer of one of this node's rooms whose awareness client id is `clientId`. */
function client(clientId: number): Peer {
  return { awarenessClientId: clientId, send: () => {}, close: () => {} };
}

const xOf = (w: Watcher, clientId: number) =>
  (w.awareness.getStates().get(clientId) as { cursor?: { x: number } } | undefined)?.cursor?.x;

/** Every message published on the room's channel, decoded, from now on. */
async function listen(room = ROOM) {
  const connection = await redis.connect();
  const messages: ReturnType<typeof decodePresenceMessage>[] = [];
  connection.on('message', (_channel: string, text: string) => messages.push(decodePresenceMessage(text)));
  await connection.subscribe(redis.key(`presence:${room}`));
  return messages;
}

/** Publishes as another node would (`text` as is when a string). */
async function publishRaw(text: string, room = ROOM): Promise<void> {
  await redis.redis.publish(redis.key(`presence:${room}`), text);
}

describe('presence relay', () => {
  it("carries a node's own clients to the other nodes' peers, and nobody republishes them", async () => {
    const [a, b, c] = [await node('a'), await node('b'), await node('c')];
    const [onA, onB, onC] = [await a.open(), await b.open(), await c.open()];
    const heard = await listen();

    onA.room.applyPresence([cursor(7, 1, 10)]);
    onB.room.applyPresence([cursor(8, 1, 20)]);
    await expect.poll(() => [xOf(onB.watcher, 7), xOf(onC.watcher, 7)]).toEqual([10, 10]);
    await expect.poll(() => [xOf(onA.watcher, 8), xOf(onC.watcher, 8)]).toEqual([20, 20]);

    onA.room.applyPresence([cursor(7, 2, 11)]);
    await expect.poll(() => [xOf(onB.watcher, 7), xOf(onC.watcher, 7)]).toEqual([11, 11]);
    // The client's connection closes on A: gone everywhere.
    onA.room.remove(client(7));
    await expect
      .poll(() => [onB.watcher, onC.watcher].map((w) => w.awareness.getStates().has(7)))
      .toEqual([false, false]);

    const changes = heard.filter((m) => m?.kind === 'u');
    for (const m of changes) {
      const ids = m?.kind === 'u' ? m.entries.map((e) => e.clientId) : [];
      // Each node published its own client only.
      expect(ids).toEqual(m?.node === a.id ? [7] : [8]);
    }
    expect(changes.map((m) => m?.node).sort()).toEqual([a.id, a.id, a.id, b.id].sort());
  });

  it("publishes a node's own change as it arrives, not at its tick; the other node's idle tick sends it at once", async () => {
    // A tick far longer than the test: whatever arrives before it was not sent by a tick.
    const tick = 5_000;
    const [a, b] = [await node('a', tick), await node('b', tick)];
    const [onA, onB] = [await a.open(), await b.open()];
    const heard = await listen();
    const published = (clock: number) =>
      heard.some((m) => m?.kind === 'u' && m.node === a.id && m.entries.some((e) => e.clock === clock));

    // Both ticks idle: A's peers and, through Redis, B's get it on the leading edge.
    onA.room.applyPresence([cursor(7, 1, 10)]);
    await expect
      .poll(() => [xOf(onA.watcher, 7), xOf(onB.watcher, 7)], { timeout: tick / 2 })
      .toEqual([10, 10]);

    // A's tick is busy now (its peers wait for it), yet the change is on Redis at once.
    onA.room.applyPresence([cursor(7, 2, 11)]);
    await expect.poll(() => published(2), { timeout: tick / 2 }).toBe(true);
    expect(xOf(onA.watcher, 7)).toBe(10);
  });

  it('carries the pointer fields, so that a room past the interest threshold on another node shows only the cursors near each receiver', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const [onA, onB] = [await a.open(), await b.open()];
    // B's probe points at x = 0 (applied while the room is small: a plain broadcast).
    const probeId = 500;
    onB.room.applyPresence([pointed(probeId, 1, 0)]);
    await expect.poll(() => xOf(onB.watcher, probeId)).toBe(0);
    const probe = Object.assign(watcher(), { awarenessClientId: probeId });
    onB.room.add(probe);
    for (let i = onB.room.size; i <= INTEREST_FROM_PEOPLE; i++) onB.room.add(watcher());
    expect(onB.room.size).toBeGreaterThan(INTEREST_FROM_PEOPLE);

    // A's clients 1…30 at x = 10·id, and a facilitator far away, in one turn.
    const people = Array.from({ length: 30 }, (_, i) => pointed(i + 1, 1, 10 * (i + 1)));
    onA.room.applyPresence([...people, pointed(99, 1, 1e6, true)]);
    await expect.poll(() => probe.awareness.getStates().size).toBe(31);

    const cursors = [...probe.awareness.getStates()]
      .filter(([, state]) => state.cursor)
      .map(([id]) => id)
      .sort((x, y) => x - y);
    // The nearest to the probe, and the facilitator; the others listed without a cursor.
    expect(cursors).toEqual([...Array.from({ length: NEAREST_CURSORS }, (_, i) => i + 1), 99]);
    expect(probe.awareness.getStates().get(30)).toEqual({ user: { name: 'P30', role: 'participant' } });
  });

  it('ignores doubled and late entries, and skips a malformed message with a log line', async () => {
    const b = await node('b');
    const onB = await b.open();
    const other = 'x-node';
    // Another node, as far as B can tell: its heartbeat is there.
    await redis.redis.set(heartbeatKey(redis.prefix, other), '1', 'PX', 60_000);
    const from = (entries: PresenceEntry[]) => encodePresenceMessage({ node: other, kind: 'u', entries });
    /** Published after the others: pub/sub keeps one connection's order, so once it is seen, they were handled. */
    let marks = 0;
    const settled = async () => {
      marks += 1;
      await publishRaw(from([cursor(99, marks, marks)]));
      await expect.poll(() => xOf(onB.watcher, 99)).toBe(marks);
    };

    await publishRaw(from([cursor(5, 3, 30)]));
    await publishRaw(from([cursor(5, 2, 20)])); // late
    await publishRaw(from([cursor(5, 3, 31)])); // same clock: not newer
    await settled();
    expect(xOf(onB.watcher, 5)).toBe(30);

    await publishRaw(from([gone(5, 4)]));
    await publishRaw(from([gone(5, 4)])); // doubled removal
    await publishRaw(from([cursor(5, 3, 30)])); // a late state after its removal
    await settled();
    expect(onB.watcher.awareness.getStates().has(5)).toBe(false);
    expect(onB.room.presence.has(5)).toBe(false);

    await publishRaw('{"n":"x-node","t":"u","e":[[5,"nine"]]}');
    await publishRaw('not json');
    await publishRaw(from([cursor(6, 1, 60)]));
    await expect.poll(() => xOf(onB.watcher, 6)).toBe(60);
    expect(b.lines.filter((l) => l.includes('presence: malformed message skipped'))).toHaveLength(2);
  });

  it("answers a room's load with the other nodes' clients, and a node's answer drops what it no longer has", async () => {
    const [a, b] = [await node('a'), await node('b')];
    const [onA, onB] = [await a.open(), await b.open()];
    onA.room.applyPresence([cursor(1, 4, 10)]);
    onB.room.applyPresence([cursor(2, 9, 20)]);
    await expect.poll(() => xOf(onA.watcher, 2)).toBe(20);

    // C loads the room after both moved: it asks, they answer with their own clients.
    const c = await node('c');
    const onC = await c.open();
    await expect.poll(() => [xOf(onC.watcher, 1), xOf(onC.watcher, 2)]).toEqual([10, 20]);
    expect(onC.room.presence.nodes()).toEqual(new Set([a.id, b.id]));

    // A removal C never heard (lost): A's next answer, to anyone's query, removes the client.
    await publishRaw(encodePresenceMessage({ node: a.id, kind: 's', entries: [] }));
    await expect.poll(() => onC.watcher.awareness.getStates().has(1)).toBe(false);
    expect(xOf(onC.watcher, 2)).toBe(20);
  });

  it("removes a node's clients on the others once its heartbeat expired", async () => {
    const [a, b, c] = [await node('a'), await node('b'), await node('c')];
    const [onA, onB, onC] = [await a.open(), await b.open(), await c.open()];
    onA.room.applyPresence([cursor(1, 1, 10)]);
    onA.room.applyPresence([cursor(2, 1, 20)]);
    onB.room.applyPresence([cursor(3, 1, 30)]);
    await expect
      .poll(() => [xOf(onC.watcher, 1), xOf(onC.watcher, 2), xOf(onC.watcher, 3)])
      .toEqual([10, 20, 30]);
    await expect.poll(() => [xOf(onB.watcher, 1), xOf(onB.watcher, 2)]).toEqual([10, 20]);

    // A dies: it says nothing more and its key is left to expire.
    const died = Date.now();
    a.heartbeat.stop();
    await a.relay.close();
    const present = (w: Watcher) => [1, 2, 3].map((id) => w.awareness.getStates().has(id));
    await expect
      .poll(() => [present(onB.watcher), present(onC.watcher)], { timeout: 6000 })
      .toEqual([
        [false, false, true],
        [false, false, true],
      ]);
    expect(Date.now() - died).toBeLessThan(TTL_MS + 2000);
    expect(b.lines.some((l) => l.includes('a node stopped beating') && l.includes('"clients":2'))).toBe(true);
  });
});
