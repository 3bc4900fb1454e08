/**
 * Rooms on several nodes (docs/scale-out.md, "2. The room bus"): two `RoomManager`s in this
 * process, each with its own pool and bus, on one PostgreSQL database (`createPgStorage`: the
 * documents and the journal) and one Redis, their peers faked as the room tests fake them.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createRoomBus } from '../cluster/bus';
import { createLogger } from '../log';
import { createPgStorage } from '../store/pg/storage';
import type { DocTransactionStores, Storage } from '../store/transaction';
import { useClusterServices } from './cluster-services.fixture';
import { MESSAGE } from './messages';
import type { Peer } from './room';
import type { RoomBus } from './room-bus';
import { RoomManager } from './rooms';

const ROOM = 'w1:board';

const services = useClusterServices();

/** A storage whose commits the test can hold open, then let through or fail (rolled back). */
function holdable(storage: Storage<DocTransactionStores>) {
  const waiting: { commit(): void; fail(): void }[] = [];
  let arrived: () => void = () => {};
  const held = {
    on: false,
    storage: {
      withTransaction: <T>(work: (tx: DocTransactionStores) => Promise<T>) =>
        storage.withTransaction(async (tx) => {
          const result = await work(tx);
          if (held.on)
            await new Promise<void>((resolve, reject) => {
              waiting.push({
                commit: resolve,
                fail: () => reject(new Error('connection lost before COMMIT')),
              });
              arrived();
            });
          return result;
        }),
    } satisfies Storage<DocTransactionStores>,
    /** The next transaction waiting for its commit (its rows written, not committed). */
    async next() {
      while (waiting.length === 0)
        await new Promise<void>((resolve) => {
          arrived = resolve;
        });
      return waiting.shift() as { commit(): void; fail(): void };
    },
  };
  return held;
}

interface Node {
  rooms: RoomManager;
  lines: string[];
  held: ReturnType<typeof holdable>;
}

/** A node: its own pool, bus and rooms. `bus` may wrap the real bus (a publication skipped). */
async function node(
  name: string,
  options: { tailCheckMs?: number; compactLogBytes?: number; bus?: (bus: RoomBus) => RoomBus } = {},
): Promise<Node> {
  const pool = new pg.Pool({ connectionString: services.db.url, max: 4 });
  pool.on('error', () => undefined);
  const lines: string[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(line) });
  const nodeId = `${name}-${services.redis.prefix.split(':')[2]}`;
  const bus = await createRoomBus({ url: services.redis.url, prefix: services.redis.prefix, nodeId, log });
  const storage = createPgStorage(pool);
  const held = holdable(storage);
  const rooms = new RoomManager(storage.docs, held.storage, log, {
    graceMs: 0,
    compactLogBytes: options.compactLogBytes ?? 64 * 1024,
    presenceTickMs: 0,
    bus: options.bus ? options.bus(bus) : bus,
    ...(options.tailCheckMs ? { tailCheckMs: options.tailCheckMs } : {}),
  });
  services.cleanups.push(async () => {
    await rooms.closeAll();
    await bus.close();
    await pool.end();
  });
  return { rooms, lines, held };
}

interface TestPeer extends Peer {
  received: Uint8Array[];
}

function peer(): TestPeer {
  const p: TestPeer = {
    received: [],
    awarenessClientId: null,
    send: (m) => p.received.push(m),
    close: () => {},
  };
  return p;
}

/** What a peer's client holds, from the sync frames it was sent. */
function clientOf(p: TestPeer): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const frame of p.received) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE.sync) continue;
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'server');
  }
  return doc.getMap('notes').toJSON();
}

/** A client's update adding one note. */
function note(id: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('notes').set(id, text);
  return Y.encodeStateAsUpdate(doc);
}

async function storedRows(): Promise<number> {
  const { rows } = await services.admin.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM doc_updates WHERE doc = $1',
    [ROOM],
  );
  return rows[0]?.n ?? 0;
}

const entries = () => services.redis.redis.xlen(services.redis.key(`room:${ROOM}`));

type NodeOptions = Parameters<typeof node>[1];

/** Nodes A and B with the room loaded on both: an author's peer on A, a watcher's on B. */
async function twoNodes(optionsA: NodeOptions = {}, optionsB: NodeOptions = {}) {
  const [a, b] = [await node('node-a', optionsA), await node('node-b', optionsB)];
  const [roomA, roomB] = await Promise.all([a.rooms.acquire(ROOM), b.rooms.acquire(ROOM)]);
  const [author, watcher] = [peer(), peer()];
  roomA.add(author);
  roomB.add(watcher);
  return { a, b, roomA, roomB, author, watcher };
}

describe('rooms on two nodes sharing one database and one bus', () => {
  it("sends an update accepted on node A to node B's peers once A committed it, and stores it once", async () => {
    const { a, roomA, roomB, author, watcher } = await twoNodes();

    a.held.on = true;
    roomA.applyUpdate(note('n1', 'Maison de santé'), author);
    const commit = await a.held.next();
    // Written, not committed: nobody else has it, and nothing went to the bus.
    expect(await storedRows()).toBe(0);
    expect(await entries()).toBe(0);
    expect(clientOf(watcher)).toEqual({});
    a.held.on = false;
    commit.commit();
    await expect.poll(() => clientOf(watcher), { timeout: 3000 }).toEqual({ n1: 'Maison de santé' });
    expect(roomB.doc.getMap('notes').get('n1')).toBe('Maison de santé');

    // B's own edit reaches A, and B stored only it: A's update is in the database once.
    roomB.applyUpdate(note('n2', 'Bus du plateau'), watcher);
    await expect.poll(() => clientOf(author), { timeout: 3000 }).toEqual({ n2: 'Bus du plateau' });
    expect(await storedRows()).toBe(2);
    const { rows } = await services.admin.query<{ seq: string }>('SELECT seq FROM doc_heads WHERE doc = $1', [
      ROOM,
    ]);
    expect(rows).toEqual([{ seq: '2' }]);
  });

  it('has a node that loads the room later see everything stored, then follow the others', async () => {
    const a = await node('node-a');
    const roomA = await a.rooms.acquire(ROOM);
    const author = peer();
    roomA.add(author);
    for (let i = 0; i < 5; i++) roomA.applyUpdate(note(`n${i}`, `idée ${i}`), author);
    await expect.poll(storedRows, { timeout: 3000 }).toBe(5);

    const b = await node('node-b');
    const roomB = await b.rooms.acquire(ROOM);
    expect(Object.keys(roomB.doc.getMap('notes').toJSON())).toHaveLength(5);
    const watcher = peer();
    roomB.add(watcher);
    roomA.applyUpdate(note('late', 'après le chargement'), author);
    await expect.poll(() => clientOf(watcher), { timeout: 3000 }).toEqual({ late: 'après le chargement' });
    expect(roomB.doc.getMap('notes').toJSON()).toEqual(roomA.doc.getMap('notes').toJSON());
  });

  it('has a node whose bus never carried a committed turn catch up by the tail check', async () => {
    let skip = true;
    const { b, roomA, author, watcher } = await twoNodes(
      {
        // The node died between its commit and its publication, as far as the others can tell.
        bus: (bus) => ({ ...bus, publish: (...args) => (skip ? Promise.resolve() : bus.publish(...args)) }),
      },
      { tailCheckMs: 100 },
    );
    roomA.applyUpdate(note('n1', 'jamais publiée'), author);
    await expect.poll(() => clientOf(watcher), { timeout: 3000 }).toEqual({ n1: 'jamais publiée' });
    expect(await entries()).toBe(0);
    expect(b.lines.some((line) => line.includes('behind the database (tail check)'))).toBe(true);
    // Published again: the next turn comes over the bus.
    skip = false;
    roomA.applyUpdate(note('n2', 'publiée'), author);
    await expect
      .poll(() => clientOf(watcher), { timeout: 3000 })
      .toEqual({ n1: 'jamais publiée', n2: 'publiée' });
    expect(await entries()).toBe(1);
  });

  it('publishes nothing of a turn whose commit failed', async () => {
    const { a, roomA, roomB, author, watcher } = await twoNodes();
    a.held.on = true;
    roomA.applyUpdate(note('lost', 'refusée'), author);
    const commit = await a.held.next();
    a.held.on = false;
    commit.fail();
    // A took it back and told its sender; then a turn that commits goes through alone.
    await expect.poll(() => roomA.doc.getMap('notes').get('lost'), { timeout: 3000 }).toBeUndefined();
    expect(
      author.received.some((frame) => decoding.readVarUint(decoding.createDecoder(frame)) === MESSAGE.auth),
    ).toBe(true);
    roomA.applyUpdate(note('kept', 'stockée'), author);
    await expect.poll(() => clientOf(watcher), { timeout: 3000 }).toEqual({ kept: 'stockée' });
    expect(roomB.doc.getMap('notes').toJSON()).toEqual({ kept: 'stockée' });
    expect(await storedRows()).toBe(1);
    expect(await entries()).toBe(1);
  });

  it("never compacts away another node's turn it has not received yet", async () => {
    // B's turn is committed but reaches A neither over the bus nor by the tail check (not yet).
    const a = await node('node-a', { compactLogBytes: 1 });
    const b = await node('node-b', { bus: (bus) => ({ ...bus, publish: () => Promise.resolve() }) });
    const [roomA, roomB] = await Promise.all([a.rooms.acquire(ROOM), b.rooms.acquire(ROOM)]);
    roomB.applyUpdate(note('fromB', 'de B'), peer());
    await expect.poll(storedRows, { timeout: 3000 }).toBe(1);
    // A's own turn passes the compaction threshold: its snapshot must not cover B's row.
    roomA.applyUpdate(note('fromA', 'de A'), peer());
    await expect
      .poll(
        async () =>
          (await services.admin.query('SELECT 1 FROM doc_snapshots WHERE doc = $1', [ROOM])).rowCount,
        {
          timeout: 3000,
        },
      )
      .toBe(1);
    await a.rooms.closeAll();
    const c = await node('node-c');
    expect((await c.rooms.acquire(ROOM)).doc.getMap('notes').toJSON()).toEqual({
      fromA: 'de A',
      fromB: 'de B',
    });
  });

  it('has three nodes editing one room at once converge, every update stored once', async () => {
    const nodes = [await node('node-a'), await node('node-b'), await node('node-c')];
    const rooms = await Promise.all(nodes.map((n) => n.rooms.acquire(ROOM)));
    const sides = rooms.map((room) => {
      const author = peer();
      room.add(author);
      return { room, author };
    });
    for (let round = 0; round < 10; round++) {
      for (const [at, { room, author }] of sides.entries())
        room.applyUpdate(note(`n${round}-${at}`, 'idée'), author);
      // Some turns hold one node's update, some several.
      if (round % 2 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const notes = () => rooms.map((room) => Object.keys(room.doc.getMap('notes').toJSON()).length);
    await expect.poll(notes, { timeout: 5000 }).toEqual([30, 30, 30]);
    // Each author's client: its own notes, and the others' sent to it.
    for (const { author } of sides) expect(Object.keys(clientOf(author))).toHaveLength(20);
    expect(await storedRows()).toBe(30);
  });
});
