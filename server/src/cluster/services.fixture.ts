/**
 * Several nodes in one test process: a throwaway PostgreSQL database (migrated) and Redis key
 * prefix per test, an admin pool to read what the nodes stored, and the nodes' own cleanups run
 * after the test, last started first.
 */
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@atelier/testing';
import pg from 'pg';
import { migratePostgres } from '../store/pg/migrate';

export interface ClusterServices {
  redis: TestRedis;
  db: TestDatabase;
  /** The test's own connections, to read what the nodes stored. */
  admin: pg.Pool;
}

export async function openClusterServices(): Promise<ClusterServices> {
  const [redis, db] = await Promise.all([createTestRedis(), createTestDatabase()]);
  const admin = new pg.Pool({ connectionString: db.url, max: 2 });
  admin.on('error', () => undefined); // an idle client cut by the database's drop
  await migratePostgres(admin);
  return { redis, db, admin };
}

export async function closeClusterServices(
  services: ClusterServices,
  cleanups: (() => Promise<void>)[],
): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await services.admin.end();
  await Promise.all([services.redis.cleanup(), services.db.drop()]);
}
