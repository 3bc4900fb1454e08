import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import type { PresenceRelay } from '../sync/presence';
import type { RoomBus } from '../sync/room-bus';
import { createRoomBus } from './bus';
import { type Heartbeat, startHeartbeat } from './heartbeat';
import { type Leases, openLeases } from './lease';
import { createRedisNodeEvents, type NodeEvents } from './node-events';
import { createPresenceRelay } from './presence-relay';

/** What a node shares with the others over Redis (docs/scale-out.md, "2. The room bus"). */
export interface NodeCluster {
  nodeId: string;
  bus: RoomBus;
  events: NodeEvents;
  presenceRelay: PresenceRelay;
  /** The single-writer duties' leases, on their own PostgreSQL connection (`databaseUrl`). */
  leases?: Leases;
  /** Stops the heartbeat (the others drop this node's clients at once), then every connection. */
  close(): Promise<void>;
}

export interface NodeClusterOptions {
  /** `REDIS_URL`. */
  url: string;
  /** `REDIS_PREFIX`, ending with ':'. */
  prefix: string;
  /** `DATABASE_URL`: the duties' lease connection (none without it). */
  databaseUrl?: string | null;
  log: Logger;
}

/**
 * Joins the other nodes: one node id for the bus, the node events, the presence relay and the
 * heartbeat, which share one command connection (each blocking reader or subscriber holds its
 * own). Whatever was opened is closed again if a part fails to start.
 */
export async function joinCluster(options: NodeClusterOptions): Promise<NodeCluster> {
  const { url, prefix, log } = options;
  const nodeId = randomBytes(8).toString('hex');
  const redis = new Redis(url, { lazyConnect: true, connectionName: `atelier-node-${nodeId}` });
  redis.on('error', (error) => log.warn({ err: error, nodeId }, 'cluster: redis connection error'));
  const opened: { close(): Promise<void> }[] = [];
  try {
    await redis.connect();
    const bus = await createRoomBus({ url, prefix, nodeId, log });
    opened.push(bus);
    const events = await createRedisNodeEvents({ redis, prefix, nodeId, log });
    opened.push(events);
    const presenceRelay = await createPresenceRelay({ redis, prefix, nodeId, log });
    opened.push(presenceRelay);
    const heartbeat: Heartbeat = await startHeartbeat({ redis, prefix, nodeId, log });
    // Connects at the first lease asked for; closing it ends the session, releasing every lease.
    const leases = options.databaseUrl
      ? await openLeases({ url: options.databaseUrl, nodeId, log })
      : undefined;
    if (leases) opened.push(leases);
    log.info({ nodeId, prefix }, 'joined the cluster');
    let closing: Promise<void> | null = null;
    return {
      nodeId,
      bus,
      events,
      presenceRelay,
      ...(leases ? { leases } : {}),
      close() {
        closing ??= (async () => {
          await heartbeat.close().catch(() => undefined);
          for (const part of opened.reverse()) await part.close().catch(() => undefined);
          redis.disconnect();
        })();
        return closing;
      },
    };
  } catch (error) {
    for (const part of opened.reverse()) await part.close().catch(() => undefined);
    redis.disconnect();
    throw error;
  }
}
