/**
 * A node's heartbeat (docs/scale-out.md, "Keys"): `node:<node id>` set with a short expiry and
 * refreshed well within it, so the other nodes see a node die (SIGKILL, a lost machine) when
 * the key expires, without it having to say anything.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../log';
import { within } from './redis-close';

export interface HeartbeatOptions {
  /** A connection for commands (shared with the caller). */
  redis: Redis;
  /** Key prefix (`REDIS_PREFIX`), ending with ':'. */
  prefix: string;
  nodeId: string;
  log: Logger;
  /** The key's expiry (ms): the node counts as gone this long after its last refresh. */
  ttlMs?: number;
  /** How often the key is refreshed (ms). */
  everyMs?: number;
}

export interface Heartbeat {
  /** Stops refreshing and deletes the key: the other nodes see this node gone at once. */
  close(): Promise<void>;
  /** Stops refreshing and leaves the key to expire, as a dead node would (tests). */
  stop(): void;
}

export const HEARTBEAT_DEFAULTS = { ttlMs: 5000, everyMs: 1000 };

export function heartbeatKey(prefix: string, nodeId: string): string {
  return `${prefix}node:${nodeId}`;
}

/** Sets the key now (resolved once it is set), then refreshes it every `everyMs`. */
export async function startHeartbeat(options: HeartbeatOptions): Promise<Heartbeat> {
  const { redis, log, nodeId } = options;
  const ttlMs = options.ttlMs ?? HEARTBEAT_DEFAULTS.ttlMs;
  const everyMs = options.everyMs ?? HEARTBEAT_DEFAULTS.everyMs;
  const key = heartbeatKey(options.prefix, nodeId);
  let failing = false;
  const beat = () =>
    redis.set(key, '1', 'PX', ttlMs).then(
      () => {
        failing = false;
      },
      (error: unknown) => {
        // Once per outage, not every second.
        if (!failing) log.warn({ err: error, nodeId }, 'heartbeat not refreshed');
        failing = true;
      },
    );
  await redis.set(key, '1', 'PX', ttlMs);
  const timer = setInterval(beat, everyMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    async close() {
      clearInterval(timer);
      // Its key expires by itself if Redis does not answer now.
      await within(redis.del(key));
    },
  };
}

/** Which of `nodeIds` still have their heartbeat key. */
export async function nodesAlive(
  redis: Redis,
  prefix: string,
  nodeIds: readonly string[],
): Promise<Set<string>> {
  if (nodeIds.length === 0) return new Set();
  const pipeline = redis.pipeline();
  for (const id of nodeIds) pipeline.exists(heartbeatKey(prefix, id));
  const results = (await pipeline.exec()) ?? [];
  const alive = new Set<string>();
  results.forEach(([error, exists], i) => {
    if (error) throw error;
    if (exists === 1) alive.add(nodeIds[i] as string);
  });
  return alive;
}
