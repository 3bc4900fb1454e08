/**
 * What the tests of rooms on several nodes share (`rooms-bus.test.ts`, `rooms-faults.test.ts`):
 * per test, a fresh migrated PostgreSQL database and a Redis key prefix of its own, the test's own
 * pool to read what the nodes stored, and the nodes' cleanups, run in reverse before both go.
 */
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@atelier/testing';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { migratePostgres } from '../store/pg/migrate';

export interface ClusterServices {
  readonly redis: TestRedis;
  readonly db: TestDatabase;
  /** The test's own connections, to read what the nodes stored. */
  readonly admin: pg.Pool;
  /** Run after the test, last added first (a node's rooms, bus and pool). */
  readonly cleanups: (() => Promise<void>)[];
}

export function useClusterServices(): ClusterServices {
  let current: Omit<ClusterServices, 'cleanups'> | null = null;
  const cleanups: (() => Promise<void>)[] = [];
  const get = () => {
    if (!current) throw new Error('the cluster services exist only during a test');
    return current;
  };
  beforeEach(async () => {
    const [redis, db] = await Promise.all([createTestRedis(), createTestDatabase()]);
    const admin = new pg.Pool({ connectionString: db.url, max: 2 });
    admin.on('error', () => undefined); // an idle client cut by the database's drop
    await migratePostgres(admin);
    current = { redis, db, admin };
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    const { redis, db, admin } = get();
    current = null;
    await admin.end();
    await Promise.all([redis.cleanup(), db.drop()]);
  });
  return {
    get redis() {
      return get().redis;
    },
    get db() {
      return get().db;
    },
    get admin() {
      return get().admin;
    },
    cleanups,
  };
}
