/**
 * The room bus against the real services: nodes in this process, each with its own Y.Doc and
 * bus, on one Redis and one PostgreSQL database holding the documents' update log the way
 * docs/scale-out.md describes it (per-document contiguous seqs in `doc_heads`, commit then
 * publish). The log here is a few lines of SQL of the test's own: the PostgreSQL stores are a
 * later step.
 */
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@atelier/testing';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../log';
import type { RoomBus } from '../sync/room-bus';
import { createRoomBus } from './bus';
import { encodeEntry } from './entry';

const REMOTE = Symbol('bus');

let redis: TestRedis;
let db: TestDatabase;
let pool: pg.Pool;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  [redis, db] = await Promise.all([createTestRedis(), createTestDatabase()]);
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
  pool.on('error', () => {}); // an idle client cut by the database's drop
  await pool.query(`
    CREATE TABLE doc_heads (doc text PRIMARY KEY, seq bigint NOT NULL);
    CREATE TABLE doc_updates (doc text NOT NULL, seq bigint NOT NULL, data bytea NOT NULL, PRIMARY KEY (doc, seq));`);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await pool.end();
  await Promise.all([redis.cleanup(), db.drop()]);
});

/** Commits updates of `doc` as one turn; resolves their seqs `from..to` (contiguous per document). */
async function commit(doc: string, updates: Uint8Array[]): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ seq: string }>(
      `INSERT INTO doc_heads (doc, seq) VALUES ($1, $2)
       ON CONFLICT (doc) DO UPDATE SET seq = doc_heads.seq + $2 RETURNING seq`,
      [doc, updates.length],
    );
    const to = Number(rows[0]?.seq);
    const from = to - updates.length + 1;
    await client.query(
      'INSERT INTO doc_updates (doc, seq, data) SELECT $1, * FROM unnest($2::bigint[], $3::bytea[])',
      [doc, updates.map((_, i) => from + i), updates.map((u) => Buffer.from(u))],
    );
    await client.query('COMMIT');
    return { from, to };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The rows of `doc` after `after`. */
async function readAfter(doc: string, after: number): Promise<{ seq: number; data: Uint8Array }[]> {
  const { rows } = await pool.query<{ seq: string; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE doc = $1 AND seq > $2 ORDER BY seq',
    [doc, after],
  );
  return rows.map((r) => ({ seq: Number(r.seq), data: new Uint8Array(r.data) }));
}

interface Node {
  bus: RoomBus;
  doc: Y.Doc;
  lines: string[];
  catchUps: number[];
  applied: number;
  /** Edits made locally and their commits + publications, in order. */
  settled: () => Promise<void>;
}

/** A node following `room`: local edits are committed, then published; others' are applied. */
async function node(name: string, room = 'w1:board'): Promise<Node> {
  // Unique on the shared Redis: the reconnection test cuts this node's reader by its name.
  const nodeId = `${name}-${redis.prefix.split(':')[2]}`;
  const lines: string[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(line) });
  const bus = await createRoomBus({ url: redis.url, prefix: redis.prefix, nodeId, log });
  cleanups.push(() => bus.close());
  const doc = new Y.Doc();
  const n: Node = { bus, doc, lines, catchUps: [], applied: 0, settled: async () => {} };
  let chain = Promise.resolve();
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE) return;
    chain = chain.then(async () => {
      const { from, to } = await commit(room, [update]);
      await bus.publish(room, from, to, [update]);
    });
  });
  n.settled = () => chain;
  await bus.join(
    room,
    {
      apply(updates) {
        n.applied += updates.length;
        for (const update of updates) Y.applyUpdate(doc, update, REMOTE);
      },
      async catchUp(after) {
        n.catchUps.push(after);
        const rows = await readAfter(room, after);
        for (const row of rows) Y.applyUpdate(doc, row.data, REMOTE);
        return rows.at(-1)?.seq ?? after;
      },
    },
    async () => {
      const rows = await readAfter(room, 0);
      for (const row of rows) Y.applyUpdate(doc, row.data, REMOTE);
      return rows.at(-1)?.seq ?? 0;
    },
  );
  return n;
}

const notes = (n: Node) => n.doc.getMap<string>('notes').toJSON();

/** A standalone update adding one note. */
function noteUpdate(id: string, text: string, base?: Y.Doc): Uint8Array {
  const doc = base ?? new Y.Doc();
  const before = Y.encodeStateVector(doc);
  doc.getMap('notes').set(id, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('room bus', () => {
  it("carries two nodes' edits to each other, and a node joining late loads then follows", async () => {
    const a = await node('node-a');
    const b = await node('node-b');
    a.doc.getMap('notes').set('n1', 'Maison de santé');
    b.doc.getMap('notes').set('n2', 'Bus du plateau');
    for (let i = 0; i < 20; i++) (i % 2 ? a : b).doc.getMap('notes').set(`m${i}`, `idée ${i}`);
    await Promise.all([a.settled(), b.settled()]);
    await expect.poll(() => notes(a), { timeout: 3000 }).toEqual(notes(b));
    expect(Object.keys(notes(a))).toHaveLength(22);

    const c = await node('node-c');
    expect(notes(c)).toEqual(notes(a));
    b.doc.getMap('notes').set('n3', 'Tiers-lieu');
    await b.settled();
    await expect.poll(() => notes(c).n3, { timeout: 3000 }).toBe('Tiers-lieu');
    await expect.poll(() => notes(a).n3, { timeout: 3000 }).toBe('Tiers-lieu');
    await expect.poll(() => [a, b, c].map((n) => n.bus.applied('w1:board'))).toEqual([23, 23, 23]);
  });

  it('ignores a duplicated entry and a late one, and skips a malformed one with a log line', async () => {
    const b = await node('node-b');
    const key = redis.key('room:w1:board');
    const first = noteUpdate('n1', 'un');
    const second = noteUpdate('n2', 'deux');
    const one = await commit('w1:board', [first]);
    const two = await commit('w1:board', [second]);
    // Published out of order (two nodes' turns), then the first again, then garbage.
    await redis.redis.xadd(key, '*', ...encodeEntry({ node: 'node-a', ...two, updates: [second] }));
    await redis.redis.xadd(key, '*', ...encodeEntry({ node: 'node-x', ...one, updates: [first] }));
    await redis.redis.xadd(key, '*', ...encodeEntry({ node: 'node-x', ...one, updates: [first] }));
    await redis.redis.xadd(key, '*', 'n', 'node-a', 'a', '3', 'z', '2');
    await redis.redis.xadd(key, '*', 'n', 'node-a', 'a', '3', 'z', '3', 'u', Buffer.from([5, 1]));
    const third = noteUpdate('n3', 'trois');
    const three = await commit('w1:board', [third]);
    await redis.redis.xadd(key, '*', ...encodeEntry({ node: 'node-a', ...three, updates: [third] }));

    await expect.poll(() => b.bus.applied('w1:board'), { timeout: 3000 }).toBe(3);
    expect(notes(b)).toEqual({ n1: 'un', n2: 'deux', n3: 'trois' });
    // The early second turn sent it to the database once; the late and doubled first turn changed nothing.
    expect(b.catchUps).toEqual([0]);
    expect(b.applied).toBe(1);
    expect(b.lines.filter((l) => l.includes('malformed entry skipped'))).toHaveLength(2);
  });

  it('catches up from the database when a turn was committed but never published', async () => {
    const a = await node('node-a');
    const b = await node('node-b');
    a.doc.getMap('notes').set('n1', 'publiée');
    await a.settled();
    await expect.poll(() => b.bus.applied('w1:board'), { timeout: 3000 }).toBe(1);
    // A node died between its commit and its publication.
    await commit('w1:board', [noteUpdate('n2', 'jamais publiée')]);
    a.doc.getMap('notes').set('n3', 'après le trou');
    await a.settled();
    await expect
      .poll(() => notes(b), { timeout: 3000 })
      .toEqual({
        n1: 'publiée',
        n2: 'jamais publiée',
        n3: 'après le trou',
      });
    expect(b.catchUps).toEqual([1]);
    expect(b.lines.some((l) => l.includes('catching up from the database') && l.includes('"after":1'))).toBe(
      true,
    );
  });

  it('catches up from the database after its Redis connection was cut', async () => {
    const a = await node('node-a');
    const b = await node('node-b');
    a.doc.getMap('notes').set('n1', 'avant');
    await a.settled();
    await expect.poll(() => b.bus.applied('w1:board'), { timeout: 3000 }).toBe(1);
    // Committed while b is cut off, and never published: only the reconnection's catch-up brings it.
    await commit('w1:board', [noteUpdate('n2', 'pendant la coupure')]);
    const clients = String(await redis.redis.call('CLIENT', 'LIST', 'TYPE', 'normal'));
    const reader = clients.split('\n').find((l) => l.includes(` name=atelier-bus-reader-${b.bus.nodeId} `));
    const id = /^id=(\d+) /.exec(reader ?? '')?.[1];
    expect(id).toBeDefined();
    // What the node's write gate hears: down, then back only once the room caught up.
    const told: string[] = [];
    b.bus.onConnection((up) => told.push(`${up ? 'back' : 'lost'} after ${b.catchUps.length} catch-ups`));
    await redis.redis.client('KILL', 'ID', String(id));
    await expect.poll(() => notes(b), { timeout: 5000 }).toEqual({ n1: 'avant', n2: 'pendant la coupure' });
    expect(b.catchUps).toEqual([1]);
    await expect
      .poll(() => told, { timeout: 3000 })
      .toEqual(['lost after 0 catch-ups', 'back after 1 catch-ups']);
    expect(b.bus.applied('w1:board')).toBe(2);
    expect(b.lines.some((l) => l.includes('reconnected, catching up every room'))).toBe(true);
    // And it follows the stream again.
    a.doc.getMap('notes').set('n3', 'après');
    await a.settled();
    await expect.poll(() => notes(b).n3, { timeout: 3000 }).toBe('après');
  });

  it('adds and removes rooms while its reader is blocked, without waiting for the block to end', async () => {
    const a = await node('node-a');
    const b = await node('node-b', 'w1:control');
    // b's reader is blocked (5 s) on w1:control; joining w1:board must wake it.
    const board = new Y.Doc();
    await b.bus.join(
      'w1:board',
      {
        apply: (updates) => {
          for (const update of updates) Y.applyUpdate(board, update);
        },
        catchUp: async (after) => after,
      },
      async () => 0,
    );
    a.doc.getMap('notes').set('n1', 'vite');
    await a.settled();
    await expect.poll(() => board.getMap('notes').get('n1'), { timeout: 2000 }).toBe('vite');
    b.bus.leave('w1:board');
    expect(b.bus.applied('w1:board')).toBeUndefined();
    a.doc.getMap('notes').set('n2', 'après le départ');
    await a.settled();
    expect(b.bus.applied('w1:control')).toBe(0);
  });

  it('trims each stream (MAXLEN ~) and lets it expire', async () => {
    const log = createLogger('silent');
    const bus = await createRoomBus({ url: redis.url, prefix: redis.prefix, log, maxLen: 10, ttlMs: 60_000 });
    cleanups.push(() => bus.close());
    for (let seq = 1; seq <= 300; seq++)
      await bus.publish('w1:board', seq, seq, [noteUpdate(`n${seq}`, 'x')]);
    const key = redis.key('room:w1:board');
    expect(await redis.redis.xlen(key)).toBeLessThan(200);
    expect(await redis.redis.pttl(key)).toBeGreaterThan(50_000);
  });
});
