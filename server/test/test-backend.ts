/**
 * Which backend the integration harness's servers run on (docs/scale-out.md, "The whole server
 * suite on both backends"): `TEST_BACKEND=sqlite` (the default) leaves them on SQLite in their
 * data directory; `TEST_BACKEND=postgres` gives each data directory a throwaway PostgreSQL
 * database and a Redis key prefix of its own, so every server is a one-node cluster
 * (`DATABASE_URL`, `REDIS_URL`, `REDIS_PREFIX`). A restart test that reuses a data directory
 * finds the same database, as it would find the same SQLite file.
 */
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@atelier/testing';
import { inject } from 'vitest';
import { z } from 'zod';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's migrated database to copy (pg-template.setup.ts); absent outside `test:unit:pg`. */
    pgTemplate?: string;
  }
}

export const TEST_BACKEND = z
  .enum(['sqlite', 'postgres'])
  .default('sqlite')
  .parse(process.env.TEST_BACKEND || undefined);

/** The server's settings that choose its backend: never inherited by a child process from the test's env. */
export const BACKEND_ENV_KEYS = ['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'WORKERS'];

interface Services {
  database: TestDatabase;
  redis: TestRedis;
}

/** By data directory: what a server started on it was given (created once, reused on restart). */
const servicesByDataDir = new Map<string, Promise<Services>>();

async function createServices(): Promise<Services> {
  // Copied from the run's migrated template when there is one (vitest.pg.config.ts's global setup).
  const template = inject('pgTemplate');
  const [database, redis] = await Promise.all([
    createTestDatabase(undefined, template ? { template } : {}),
    createTestRedis(),
  ]);
  return { database, redis };
}

/**
 * The environment choosing the backend of a server on `dataDir`: nothing on SQLite, nor when the
 * test chose a database itself (`env.DATABASE_URL`: the cluster tests).
 */
export async function backendEnv(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<Record<string, string>> {
  if (TEST_BACKEND === 'sqlite' || env.DATABASE_URL !== undefined) return {};
  let services = servicesByDataDir.get(dataDir);
  if (!services) {
    services = createServices();
    servicesByDataDir.set(dataDir, services);
  }
  const { database, redis } = await services;
  return { DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix };
}

/** The PostgreSQL database given to the servers on `dataDir`; null on SQLite or before one started there. */
export async function databaseUrlOf(dataDir: string): Promise<string | null> {
  const services = servicesByDataDir.get(dataDir);
  return services ? (await services).database.url : null;
}

/** Drops every database and Redis prefix given so far (after their servers stopped). */
export async function dropBackends(): Promise<void> {
  const all = [...servicesByDataDir.values()];
  servicesByDataDir.clear();
  await Promise.all(
    all.map(async (services) => {
      const { database, redis } = await services.catch(() => ({ database: null, redis: null }));
      await redis?.cleanup();
      await database?.drop();
    }),
  );
}
