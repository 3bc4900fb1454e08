/**
 * Leases against a real PostgreSQL, migrated (the token table is the migrations'): three "nodes"
 * (each its own lease connection) contend for duties; the duty's effect is a write fenced by the
 * lease's token, as docs/scale-out.md has it.
 */
import { createTestDatabase, type TestDatabase } from '@atelier/testing';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { migratePostgres } from '../store/pg/migrate';
import { fenced, type Lease, type Leases, lockKeys, openLeases } from './lease';

let db: TestDatabase;
let pool: pg.Pool;
const opened: Leases[] = [];

beforeEach(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 6 });
  pool.on('error', () => {}); // an idle client cut by the database's drop
  await migratePostgres(pool);
  // A timed round already due, and the test's record of who closed it.
  await pool.query(`
    INSERT INTO workshops (id, title, territory_name, territory_kind, locale, join_code, created_at)
      VALUES ('w1', 'Atelier', 'Ornans', 'commune', 'fr', 'ABC', now());
    INSERT INTO vote_rounds (id, workshop_id, config, state, ends_at, created_at)
      VALUES ('r1', 'w1', '{}', 'open', 0, now());
    CREATE TABLE closings (round text NOT NULL, node text NOT NULL);`);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((leases) => leases.close()));
  await pool.end();
  await db.drop();
});

async function nodes(count: number): Promise<Leases[]> {
  const made = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      openLeases({ url: db.url, nodeId: `node-${i}`, log: createLogger('silent') }),
    ),
  );
  opened.push(...made);
  return made;
}

/** The deadline duty: closes the round if it is due and still open, fenced by the lease; true if it did. */
async function closeRound(node: string, lease: Lease): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rowCount } = await client.query(
      `UPDATE vote_rounds SET state = 'closed'
       WHERE id = $1 AND state = 'open' AND ends_at <= $4 AND ${fenced('$2', '$3')}`,
      ['r1', lease.key, lease.token, Date.now()],
    );
    if (rowCount === 1) await client.query('INSERT INTO closings VALUES ($1, $2)', ['r1', node]);
    await client.query('COMMIT');
    return rowCount === 1;
  } finally {
    client.release();
  }
}

/** Ends `nodeId`'s lease session from outside, as a node dying would. */
async function terminate(nodeId: string): Promise<void> {
  const { rows } = await pool.query<{ ok: boolean }>(
    'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
    [db.name, `atelier-lease-${nodeId}`],
  );
  expect(rows.map((r) => r.ok)).toEqual([true]);
}

describe('leases', () => {
  it('gives a duty to exactly one of three contenders, and the next token on release', async () => {
    const contenders = await nodes(3);
    const key = 'vote-deadline:r1';
    const got = await Promise.all(contenders.map((leases) => leases.tryAcquire(key)));
    const holders = got.flatMap((lease, i) => (lease ? [i] : []));
    expect(holders).toHaveLength(1);
    const first = got[holders[0] as number] as Lease;
    expect(first.token).toBe(1);
    // Asking again while holding it changes nothing.
    expect(await contenders[holders[0] as number]?.tryAcquire(key)).toEqual(first);
    // Another key is free.
    expect(
      await contenders[(holders[0] as number) === 0 ? 1 : 0]?.tryAcquire('room-compaction:w1:board'),
    ).not.toBeNull();

    await contenders[holders[0] as number]?.release(key);
    const next = (holders[0] as number) === 2 ? 0 : 2;
    expect(await contenders[next]?.tryAcquire(key)).toEqual({ key, token: 2 });
  });

  it("is taken over when the holder's connection dies, and the stale holder's write is refused", async () => {
    const [a, b] = (await nodes(2)) as [Leases, Leases];
    const key = 'vote-deadline:r1';
    const old = (await a.tryAcquire(key)) as Lease;
    expect(await b.tryAcquire(key)).toBeNull();
    const lost: string[][] = [];
    a.onLost((keys) => lost.push(keys));

    await terminate('node-0');
    await expect.poll(() => lost).toEqual([[key]]);
    expect(a.held(key)).toBeUndefined();
    const taken = (await b.tryAcquire(key)) as Lease;
    expect(taken.token).toBeGreaterThan(old.token);

    // The former holder, not yet aware, acts with its old token: refused by the fence.
    expect(await closeRound('node-0', old)).toBe(false);
    expect(await closeRound('node-1', taken)).toBe(true);
    // And it gets a connection again, without the lease.
    expect(await a.tryAcquire(key)).toBeNull();
  });

  it('fires a deadline exactly once with three contenders sweeping, even when the holder dies', async () => {
    const contenders = await nodes(3);
    const key = 'vote-deadline:r1';
    // Every node sweeps as the scheduler would: take the lease if free, run the duty if held.
    const sweep = async (leases: Leases, i: number): Promise<void> => {
      const lease = await leases.tryAcquire(key);
      if (lease) await closeRound(`node-${i}`, lease);
    };
    // The first holder dies before acting; its stale attempt later is fenced off.
    const first = await contenders[0]?.tryAcquire(key);
    expect(first?.token).toBe(1);
    await terminate('node-0');
    for (let round = 0; round < 3; round++) await Promise.all(contenders.map(sweep));
    expect(await closeRound('node-0', first as Lease)).toBe(false);

    const { rows } = await pool.query<{ node: string }>('SELECT node FROM closings');
    // Once, by whichever node held the lease then (node-0 too, had it reconnected first).
    expect(rows).toHaveLength(1);
    const state = await pool.query<{ state: string }>('SELECT state FROM vote_rounds');
    expect(state.rows[0]?.state).toBe('closed');
  });

  it('releases every lease on close', async () => {
    const [a, b] = (await nodes(2)) as [Leases, Leases];
    expect(await a.tryAcquire('room-compaction:w1:board')).not.toBeNull();
    expect(await b.tryAcquire('room-compaction:w1:board')).toBeNull();
    await a.close();
    expect(await b.tryAcquire('room-compaction:w1:board')).toEqual({
      key: 'room-compaction:w1:board',
      token: 2,
    });
  });

  it('maps a duty key to two int4 lock keys, the kind apart from the id', () => {
    const [kind, id] = lockKeys('vote-deadline:r1');
    expect(lockKeys('vote-deadline:r2')[0]).toBe(kind);
    expect(lockKeys('vote-deadline:r2')[1]).not.toBe(id);
    for (const n of [kind, id]) expect(n).toBe(n | 0);
  });
});
