/**
 * The scale-out tests' services (docs/scale-out.md, "Tests"): a throwaway PostgreSQL database
 * per test and a Redis key prefix per test, both gone afterwards. Also the two operations the
 * room bus rests on: a Yjs update's bytes through a stream to a reader already waiting, and a
 * table in the test's own database.
 */
import {
  createTestDatabase,
  createTestRedis,
  DEFAULT_TEST_DATABASE_URL,
  testDatabaseUrl,
  withPostgres,
  withRedis,
} from '@atelier/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

/** Whether a database of that name exists on the tests' server. */
async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client(testDatabaseUrl());
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Every key matching `pattern` (SCAN to the end). */
async function keysMatching(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

/** A Yjs update with one note-like entry: the kind of bytes the bus carries. */
function sampleUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('notes').set('n1', text);
  return Y.encodeStateAsUpdate(doc);
}

describe('PostgreSQL: a throwaway database per test', () => {
  it('gives a database of its own, with a table and its rows, dropped at the end', async () => {
    let name = '';
    const rows = await withPostgres(async (db) => {
      name = db.name;
      expect(db.name).toMatch(/^atelier_t_[0-9a-z]+_[0-9a-f]{12}$/);
      expect(new URL(db.url).pathname).toBe(`/${db.name}`);
      expect(await databaseExists(db.name)).toBe(true);
      const pool = new pg.Pool({ connectionString: db.url, max: 2 });
      try {
        await pool.query(
          'CREATE TABLE doc_updates (seq BIGSERIAL PRIMARY KEY, doc TEXT NOT NULL, data BYTEA NOT NULL)',
        );
        const update = sampleUpdate('Bus, desserte du plateau');
        await pool.query('INSERT INTO doc_updates (doc, data) VALUES ($1, $2)', ['w1', Buffer.from(update)]);
        const { rows } = await pool.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM doc_updates');
        const doc = new Y.Doc();
        Y.applyUpdate(doc, new Uint8Array(rows[0]?.data ?? []));
        expect(doc.getMap('notes').get('n1')).toBe('Bus, desserte du plateau');
        return rows.length;
      } finally {
        await pool.end();
      }
    });
    expect(rows).toBe(1);
    expect(await databaseExists(name)).toBe(false);
  });

  it('drops the database even when the test left a connection open, and when it threw', async () => {
    const db = await createTestDatabase();
    const leaked = new pg.Client(db.url);
    leaked.on('error', () => {}); // the drop terminates it
    await leaked.connect();
    await db.drop();
    expect(await databaseExists(db.name)).toBe(false);
    await leaked.end().catch(() => {});

    let name = '';
    await expect(
      withPostgres(async (other) => {
        name = other.name;
        throw new Error('the test failed');
      }),
    ).rejects.toThrow('the test failed');
    expect(await databaseExists(name)).toBe(false);
  });

  it('keeps two tests apart: a table in one is not in the other', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(a.name).not.toBe(b.name);
      const clientA = new pg.Client(a.url);
      const clientB = new pg.Client(b.url);
      await Promise.all([clientA.connect(), clientB.connect()]);
      await clientA.query('CREATE TABLE only_in_a (id INT)');
      const { rows } = await clientB.query("SELECT to_regclass('only_in_a') AS t");
      expect(rows[0]?.t).toBeNull();
      await Promise.all([clientA.end(), clientB.end()]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  it('says how to start PostgreSQL when it does not answer', async () => {
    expect(DEFAULT_TEST_DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    await expect(createTestDatabase('postgres://postgres:secret@127.0.0.1:1/postgres')).rejects.toThrow(
      /PostgreSQL does not answer at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/postgres .*TEST_DATABASE_URL/,
    );
  });
});

describe('Redis: a key prefix per test', () => {
  it('carries a Yjs update through a stream to a reader already waiting (XADD → XREAD), then deletes the keys', async () => {
    const test = await createTestRedis();
    const stream = test.key('room:w1');
    expect(stream.startsWith(test.prefix)).toBe(true);
    expect(test.prefix).toMatch(/^atelier:t:[0-9a-f]{12}:$/);
    try {
      const reader = await test.connect();
      // The reader blocks first, from "only what comes next" ($), as a node following a room does.
      const readerId = await reader.client('ID');
      const read = reader.xreadBuffer('BLOCK', 5000, 'STREAMS', stream, '$');
      // Sent only once Redis holds the reader blocked ("flags=b"): an entry added before would be missed.
      await expect
        .poll(async () => String(await test.redis.client('LIST', 'ID', readerId)))
        .toMatch(/ flags=b /);
      const update = sampleUpdate('Maison de santé à Ornans');
      const id = await test.redis.xadd(stream, '*', 'origin', 'node-a', 'update', Buffer.from(update));
      const result = await read;
      expect(result).not.toBeNull();
      const [[key, entries]] = result as [[Buffer, [Buffer, Buffer[]][]]];
      expect(key.toString()).toBe(stream);
      expect(entries).toHaveLength(1);
      const [entryId, fields] = entries[0] as [Buffer, Buffer[]];
      expect(entryId.toString()).toBe(id);
      expect(fields.map((f, i) => (i % 2 === 0 ? f.toString() : f))).toEqual([
        'origin',
        Buffer.from('node-a'),
        'update',
        Buffer.from(update),
      ]);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(fields[3] as Buffer));
      expect(doc.getMap('notes').get('n1')).toBe('Maison de santé à Ornans');
      // Catch-up after a missed message: a range read from an id gives it again.
      const again = await test.redis.xrangeBuffer(stream, '-', '+');
      expect(again).toHaveLength(1);
      await test.redis.set(test.key('lease:w1'), 'node-a');
    } finally {
      await test.cleanup();
    }
    // Another connection sees none of the test's keys; the test's own connections are closed.
    const outside = new Redis(test.url);
    try {
      expect(await keysMatching(outside, `${test.prefix}*`)).toEqual([]);
      expect(await outside.exists(stream)).toBe(0);
    } finally {
      outside.disconnect();
    }
    expect(test.redis.status).toBe('end');
  });

  it('keeps tests apart and cleans up when the test threw', async () => {
    let prefix = '';
    const other = await createTestRedis();
    try {
      await other.redis.set(other.key('kept'), '1');
      await expect(
        withRedis(async (test) => {
          prefix = test.prefix;
          expect(test.prefix).not.toBe(other.prefix);
          await test.redis.set(test.key('a'), '1');
          throw new Error('the test failed');
        }),
      ).rejects.toThrow('the test failed');
      expect(await keysMatching(other.redis, `${prefix}*`)).toEqual([]);
      // The other test's key is still there: cleanup deletes only its own prefix.
      expect(await other.redis.get(other.key('kept'))).toBe('1');
    } finally {
      await other.cleanup();
    }
  });

  it('says how to start Redis when it does not answer', async () => {
    await expect(createTestRedis('redis://127.0.0.1:1')).rejects.toThrow(
      /Redis does not answer at redis:\/\/127\.0\.0\.1:1 .*TEST_REDIS_URL/,
    );
  });
});
