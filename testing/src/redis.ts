/**
 * Redis for tests (docs/scale-out.md, "Tests"): one shared server (`TEST_REDIS_URL`, default
 * 127.0.0.1:6379 — .ci/run starts it), each test confined to a key prefix of its own, whose keys
 * are deleted at the end, so tests never see one another's streams and may run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** Every test's prefix starts so (`atelier:t:<random>:`); the code under test is given its prefix. */
export const TEST_REDIS_PREFIX = 'atelier:t:';

export interface TestRedis {
  readonly url: string;
  /** This test's key prefix, ending with ':'; every key the test or the code under test writes starts so. */
  readonly prefix: string;
  /** A connection for the test's own commands (keys are not prefixed for it: use `key`). */
  readonly redis: Redis;
  /** `prefix` + `name`. */
  key(name: string): string;
  /** Another connection (a blocking XREAD holds its own), closed by `cleanup`. */
  connect(): Promise<Redis>;
  /** Deletes every key under `prefix` and closes the connections (idempotent). */
  cleanup(): Promise<void>;
}

/** The URL the tests use: `TEST_REDIS_URL`, else the local default. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL || DEFAULT_TEST_REDIS_URL;
}

/** `url` without its password, for messages. */
function shown(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** A connection that fails at once instead of retrying for ever when Redis is not there. */
async function open(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  // Without a listener, ioredis reports a lost connection as an unhandled 'error' event.
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Redis does not answer at ${shown(url)} (${String(error)}). Start it (README, "Prerequisites"; ` +
        '.ci/run installs and starts it) or point TEST_REDIS_URL at one.',
    );
  }
  return redis;
}

/** Deletes every key matching `pattern`, by SCAN batches (never KEYS, which blocks the server). */
export async function deleteKeys(redis: Redis, pattern: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

/** Opens a connection under a fresh key prefix; call `cleanup()` at the end (`afterAll`), or use `withRedis`. */
export async function createTestRedis(url = testRedisUrl()): Promise<TestRedis> {
  const prefix = `${TEST_REDIS_PREFIX}${randomBytes(6).toString('hex')}:`;
  const redis = await open(url);
  const extra: Redis[] = [];
  let cleaned: Promise<void> | null = null;
  return {
    url,
    prefix,
    redis,
    key: (name) => `${prefix}${name}`,
    async connect() {
      const connection = await open(url);
      extra.push(connection);
      return connection;
    },
    cleanup() {
      cleaned ??= (async () => {
        // A connection blocked in XREAD would wait for its timeout: closed first.
        for (const connection of extra) connection.disconnect();
        try {
          await deleteKeys(redis, `${prefix}*`);
        } finally {
          redis.disconnect();
        }
      })();
      return cleaned;
    },
  };
}

/** Runs `work` with a fresh prefix, cleaned up afterwards whether `work` succeeds or throws. */
export async function withRedis<T>(work: (redis: TestRedis) => Promise<T>): Promise<T> {
  const redis = await createTestRedis();
  try {
    return await work(redis);
  } finally {
    await redis.cleanup();
  }
}
