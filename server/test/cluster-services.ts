/**
 * What the tests of servers on PostgreSQL + Redis share (`services-lost.test.ts`,
 * `cluster-privacy.test.ts`): one throwaway database and one Redis key prefix for the file, the
 * test's own pool to read what the servers stored, TCP proxies closed after each test (with the
 * harness's servers and clients), and a node's environment on them.
 */
import {
  createTestDatabase,
  createTestRedis,
  startTcpProxy,
  type TcpProxy,
  type TestDatabase,
  type TestRedis,
} from '@atelier/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup } from './harness';

export interface ServersServices {
  readonly redis: TestRedis;
  readonly database: TestDatabase;
  /** The test's own connection, to read what the servers stored. */
  readonly admin: pg.Pool;
  /** A proxy to `url` (`startTcpProxy`), closed after the test. */
  proxy(url: string, defaultPort: number): Promise<TcpProxy>;
  /** A node's settings: the database and Redis at these URLs (directly by default), the file's prefix. */
  env(databaseUrl?: string, redisUrl?: string): Record<string, string>;
}

export function useServersServices(): ServersServices {
  let current: { redis: TestRedis; database: TestDatabase; admin: pg.Pool } | null = null;
  const proxies: TcpProxy[] = [];
  const get = () => {
    if (!current) throw new Error('the services exist only while the file runs');
    return current;
  };
  beforeAll(async () => {
    const [redis, database] = await Promise.all([createTestRedis(), createTestDatabase()]);
    const admin = new pg.Pool({ connectionString: database.url, max: 1 });
    admin.on('error', () => undefined); // an idle client cut by the database's drop
    current = { redis, database, admin };
  });
  afterEach(async () => {
    await cleanup();
    for (const proxy of proxies.splice(0)) await proxy.close();
  });
  afterAll(async () => {
    const { redis, database, admin } = get();
    current = null;
    await admin.end();
    await Promise.all([redis.cleanup(), database.drop()]);
  });
  return {
    get redis() {
      return get().redis;
    },
    get database() {
      return get().database;
    },
    get admin() {
      return get().admin;
    },
    async proxy(url, defaultPort) {
      const started = await startTcpProxy(url, defaultPort);
      proxies.push(started);
      return started;
    },
    env(databaseUrl, redisUrl) {
      const { database, redis } = get();
      return {
        DATABASE_URL: databaseUrl ?? database.url,
        REDIS_URL: redisUrl ?? redis.url,
        REDIS_PREFIX: redis.prefix,
      };
    },
  };
}
