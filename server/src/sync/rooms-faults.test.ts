/**
 * A node that loses Redis or PostgreSQL (docs/scale-out.md, "4. Failure modes"): two
 * `RoomManager`s in this process on one PostgreSQL database and one Redis, node A reaching one of
 * them through a TCP proxy the test cuts. Its peers are faked as stock clients: each holds a
 * document, and answers a sync step 1 with its sync step 2 (what the room lacks).
 */
import { startTcpProxy, type TcpProxy } from '@atelier/testing';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createRoomBus } from '../cluster/bus';
import { createLogger } from '../log';
import { createStorageHealth, type StorageHealth } from '../store/health';
import { createPgStorage } from '../store/pg/storage';
import type { DocStorage } from '../store/transaction';
import { useClusterServices } from './cluster-services.fixture';
import { MESSAGE } from './messages';
import type { Peer, Room } from './room';
import { RoomManager } from './rooms';

const ROOM = 'w1:board';

const services = useClusterServices();

interface Node {
  rooms: RoomManager;
  health: StorageHealth;
  lines: string[];
}

/** A node with its pool, bus, storage health (probed every 50 ms) and rooms, as `startServer` composes them. */
async function node(
  name: string,
  urls: { db?: string; redis?: string; beforeCommit?: () => Promise<void> } = {},
): Promise<Node> {
  const pool = new pg.Pool({ connectionString: urls.db ?? services.db.url, max: 4 });
  pool.on('error', () => undefined); // an idle client cut with the proxy
  const lines: string[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(line) });
  const nodeId = `${name}-${services.redis.prefix.split(':')[2]}`;
  const bus = await createRoomBus({
    url: urls.redis ?? services.redis.url,
    prefix: services.redis.prefix,
    nodeId,
    log,
    blockMs: 200,
  });
  const storage = createPgStorage(pool);
  const health = createStorageHealth(storage.probe, log, { probeMs: 50 });
  const { beforeCommit } = urls;
  const { writeTurn: _oneStatement, ...turnTransactions } = storage;
  const transactions: DocStorage = beforeCommit
    ? {
        // Turns in a transaction (no one-statement turns): the turn's rows written, its COMMIT not sent yet.
        ...turnTransactions,
        withTransaction: (work) =>
          storage.withTransaction(async (tx) => {
            const result = await work(tx);
            await beforeCommit();
            return result;
          }),
      }
    : storage;
  const rooms = new RoomManager(
    storage.docs,
    transactions,
    log,
    { graceMs: 0, compactLogBytes: 64 * 1024, presenceTickMs: 0, bus },
    health,
  );
  services.cleanups.push(async () => {
    health.close();
    await rooms.closeAll();
    await bus.close();
    await pool.end();
  });
  return { rooms, health, lines };
}

interface ClientPeer extends Peer {
  /** What the client holds: its own edits, and what the room sent it. */
  doc: Y.Doc;
  /** An edit of the client's own, kept locally: the node refuses writes, so it is not sent. */
  edit(id: string, text: string): void;
  /** An edit of the client's own, sent to the room. */
  write(id: string, text: string): void;
  /** Sends what the client holds that the room lacks (as a stock client's update would). */
  send(message: Uint8Array): void;
}

/** A stock client connected to `room`: it applies what it is sent, and answers a sync step 1. */
function clientOf(room: () => Room): ClientPeer {
  const doc = new Y.Doc();
  const client: ClientPeer = {
    doc,
    awarenessClientId: null,
    close: () => {},
    edit: (id, text) => doc.getMap('notes').set(id, text),
    write: (id, text) => {
      const before = Y.encodeStateVector(doc);
      doc.getMap('notes').set(id, text);
      room().applyUpdate(Y.encodeStateAsUpdate(doc, before), client);
    },
    send: (frame) => {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MESSAGE.sync) return;
      const reply = encoding.createEncoder();
      // The answer to a sync step 1 is the sync step 2: what the room's state vector lacks.
      const type = syncProtocol.readSyncMessage(decoder, reply, doc, 'server');
      if (type !== syncProtocol.messageYjsSyncStep1) return;
      const answer = decoding.createDecoder(encoding.toUint8Array(reply));
      decoding.readVarUint(answer); // messageYjsSyncStep2
      room().applyUpdate(decoding.readVarUint8Array(answer), client);
    },
  };
  return client;
}

const notes = (doc: Y.Doc) => doc.getMap('notes').toJSON();

async function storedNotes(): Promise<Record<string, unknown>> {
  const { rows } = await services.admin.query<{ data: Buffer }>(
    'SELECT data FROM doc_updates WHERE doc = $1 ORDER BY seq',
    [ROOM],
  );
  const doc = new Y.Doc();
  for (const { data } of rows) Y.applyUpdate(doc, data);
  return notes(doc);
}

/** A proxy to `url`, closed after the nodes made after it. */
async function proxy(url: string, port: number): Promise<TcpProxy> {
  const started = await startTcpProxy(url, port);
  services.cleanups.push(() => started.close());
  return started;
}

/** Node A (reaching its services as `urlsA` says) with two clients, node B with one, the room loaded on both. */
async function twoNodes(urlsA: Parameters<typeof node>[1]) {
  const a = await node('node-a', urlsA);
  const b = await node('node-b');
  const [roomA, roomB] = await Promise.all([a.rooms.acquire(ROOM), b.rooms.acquire(ROOM)]);
  const [author, other, watcher] = [clientOf(() => roomA), clientOf(() => roomA), clientOf(() => roomB)];
  roomA.add(author);
  roomA.add(other);
  roomB.add(watcher);
  return { a, b, roomA, roomB, author, other, watcher };
}

describe('a node that loses Redis', () => {
  it('refuses writes (unavailable) until its bus is back and caught up, then asks its clients for what they kept', async () => {
    const cut = await proxy(services.redis.url, 6379);
    const { a, b, roomA, roomB, author, watcher } = await twoNodes({ redis: cut.url });

    await cut.cut();
    await expect.poll(() => a.health.refusal, { timeout: 3000 }).toBe('unavailable');
    expect(b.health.writable).toBe(true);
    // B's edit meanwhile: stored, and A catches up on it from the database once Redis is back.
    watcher.write('fromB', 'pendant la coupure');
    await expect.poll(storedNotes, { timeout: 3000 }).toEqual({ fromB: 'pendant la coupure' });
    // The author's edit is refused by the endpoint (`unavailable`): the client keeps it.
    author.edit('kept', 'gardée par le client');

    await cut.restore();
    await expect.poll(() => a.health.writable, { timeout: 5000 }).toBe(true);
    // A caught up before it took writes again, and its sync step 1 brought the kept edit.
    await expect
      .poll(() => notes(watcher.doc), { timeout: 3000 })
      .toEqual({ fromB: 'pendant la coupure', kept: 'gardée par le client' });
    expect(notes(roomA.doc)).toEqual(notes(roomB.doc));
    expect(await storedNotes()).toEqual({ fromB: 'pendant la coupure', kept: 'gardée par le client' });
    expect(a.lines.some((line) => line.includes('bus: redis lost'))).toBe(true);
    expect(a.lines.some((line) => line.includes('bus: back, every room caught up'))).toBe(true);
  });
});

describe('a Redis that stops answering without closing its connections', () => {
  it('refuses writes (unavailable) once a ping goes unanswered, and takes them again once it answers and the room caught up', async () => {
    const silent = await proxy(services.redis.url, 6379);
    const { a, b, roomA, roomB, author, watcher } = await twoNodes({ redis: silent.url });

    // Paused, or its packets dropped: nothing closes, only the ping's timeout (2 s) tells.
    silent.stall();
    await expect.poll(() => a.health.refusal, { timeout: 5000 }).toBe('unavailable');
    expect(b.health.writable).toBe(true);
    watcher.write('fromB', 'pendant le silence');
    await expect.poll(storedNotes, { timeout: 3000 }).toEqual({ fromB: 'pendant le silence' });
    author.edit('kept', 'gardée par le client');

    silent.resume();
    await expect.poll(() => a.health.writable, { timeout: 5000 }).toBe(true);
    await expect
      .poll(() => notes(watcher.doc), { timeout: 3000 })
      .toEqual({ fromB: 'pendant le silence', kept: 'gardée par le client' });
    expect(notes(roomA.doc)).toEqual(notes(roomB.doc));
    expect(await storedNotes()).toEqual({ fromB: 'pendant le silence', kept: 'gardée par le client' });
    const said = (text: string) => a.lines.findIndex((line) => line.includes(text));
    expect(said('bus: redis does not answer')).toBeGreaterThanOrEqual(0);
    // Back only after the catch-up.
    expect(said('bus: back, every room caught up')).toBeGreaterThan(said('bus: redis answers again'));
  });
});

describe('a node that loses PostgreSQL', () => {
  it('keeps the turn it could not commit, unbroadcast, refuses writes, and commits then shares it once the database is back', async () => {
    const cut = await proxy(services.db.url, 5432);
    const { a, roomA, author, other, watcher } = await twoNodes({ db: cut.url });

    await cut.cut();
    // Accepted before the node knew: its commit cannot reach the database.
    author.write('inFlight', 'en vol');
    await expect.poll(() => a.health.refusal, { timeout: 3000 }).toBe('unavailable');
    // Kept in the room, sent to nobody, stored nowhere.
    expect(notes(roomA.doc)).toEqual({ inFlight: 'en vol' });
    expect(notes(other.doc)).toEqual({});
    expect(await storedNotes()).toEqual({});
    // Refused meanwhile: kept by its client.
    other.edit('refused', 'gardée');

    await cut.restore();
    await expect.poll(() => a.health.writable, { timeout: 5000 }).toBe(true);
    const everything = { inFlight: 'en vol', refused: 'gardée' };
    await expect.poll(storedNotes, { timeout: 3000 }).toEqual(everything);
    await expect.poll(() => notes(watcher.doc), { timeout: 3000 }).toEqual(everything);
    await expect.poll(() => notes(other.doc), { timeout: 3000 }).toEqual(everything);
    expect(notes(author.doc)).toEqual(everything);
  });

  it('keeps a turn whose COMMIT the connection did not survive, and commits it again once the database is back', async () => {
    let cutting: TcpProxy | null = null;
    const cut = await proxy(services.db.url, 5432);
    const { a, roomA, author, other, watcher } = await twoNodes({
      db: cut.url,
      // The connection is cut after the turn's rows were written, before its COMMIT.
      beforeCommit: async () => {
        if (cutting) await cutting.cut();
      },
    });

    cutting = cut;
    author.write('cutMidTurn', 'coupée avant le COMMIT');
    await expect.poll(() => a.health.refusal, { timeout: 3000 }).toBe('unavailable');
    cutting = null;
    expect(a.lines.some((line) => line.includes('the database cannot be reached, kept until it can'))).toBe(
      true,
    );
    expect(notes(roomA.doc)).toEqual({ cutMidTurn: 'coupée avant le COMMIT' });
    expect(notes(other.doc)).toEqual({});
    expect(await storedNotes()).toEqual({});

    await cut.restore();
    const everything = { cutMidTurn: 'coupée avant le COMMIT' };
    await expect.poll(storedNotes, { timeout: 5000 }).toEqual(everything);
    await expect.poll(() => notes(other.doc), { timeout: 3000 }).toEqual(everything);
    await expect.poll(() => notes(watcher.doc), { timeout: 3000 }).toEqual(everything);
    expect(a.health.writable).toBe(true);
  });

  it('keeps a room holding a kept turn loaded after its last client left, until the turn is stored', async () => {
    const cut = await proxy(services.db.url, 5432);
    const a = await node('node-a', { db: cut.url });
    const roomA = await a.rooms.acquire(ROOM);
    const author = clientOf(() => roomA);
    roomA.add(author);
    await cut.cut();
    author.write('orphan', 'seule dans la salle');
    await expect.poll(() => a.health.refusal, { timeout: 3000 }).toBe('unavailable');
    roomA.remove(author);
    a.rooms.scheduleUnload(roomA);
    await expect
      .poll(() => a.lines.some((line) => line.includes('compaction on unload failed')), { timeout: 3000 })
      .toBe(true);
    expect(a.rooms.has(ROOM)).toBe(true);

    await cut.restore();
    await expect.poll(storedNotes, { timeout: 5000 }).toEqual({ orphan: 'seule dans la salle' });
    // Stored: the room unloads as usual.
    await expect.poll(() => a.rooms.has(ROOM), { timeout: 5000 }).toBe(false);
  });

  it('takes writes again after its connections were terminated by the database, losing nothing', async () => {
    const a = await node('node-a');
    const roomA = await a.rooms.acquire(ROOM);
    const author = clientOf(() => roomA);
    roomA.add(author);
    author.write('before', 'avant');
    await expect.poll(storedNotes, { timeout: 3000 }).toEqual({ before: 'avant' });

    await services.admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    author.write('after', 'après');
    await expect.poll(storedNotes, { timeout: 5000 }).toEqual({ before: 'avant', after: 'après' });
    await expect.poll(() => a.health.writable, { timeout: 5000 }).toBe(true);
  });
});
