/**
 * The presence relay over Redis pub/sub (docs/scale-out.md, "Presence relay"). Each node keeps
 * its rooms' presence tables and merges per tick for its own sockets as in one process; the
 * relay adds, per room:
 * - this node's own clients' changes as they arrive, one publication per event-loop turn (the
 *   table gathers them), on `presence:<room>` with the node id, pointer fields included for the
 *   other nodes' interest management (never other nodes' entries: nothing is republished);
 * - other nodes' entries, applied to the table with y-protocols' clock rule (a lost, doubled or
 *   late message is replaced or ignored) and sent to the local peers by the room's tick (at once
 *   when the tick is idle, its leading edge; else with the tick already due);
 * - a query when the room loads here (and after a reconnection to Redis), which the other nodes
 *   answer with their own clients' full states;
 * - other nodes' heartbeats (`heartbeat.ts`), checked every second: when one has expired, that
 *   node's clients are removed here (null states to the local peers).
 * Pub/sub, not a stream: presence is latest-wins and ephemeral, a lost message is replaced by
 * the next one.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../log';
import type { PresenceEntry, PresenceLink, PresenceRelay, PresenceTable } from '../sync/presence';
import { nodesAlive } from './heartbeat';
import { decodePresenceMessage, encodePresenceMessage, type PresenceMessage } from './presence-message';
import { closeRedis } from './redis-close';

export interface PresenceRelayOptions {
  /** A connection for commands (the caller's, not closed here); the subscriber is a duplicate of it. */
  redis: Redis;
  /** Key prefix (`REDIS_PREFIX`), ending with ':'. */
  prefix: string;
  /** This node's id (the bus's, and its heartbeat's). */
  nodeId: string;
  log: Logger;
  /** How often the other nodes' heartbeats are checked (ms). */
  checkMs?: number;
}

export interface ClusterPresenceRelay extends PresenceRelay {
  readonly nodeId: string;
  /** Resolves once `room` is subscribed and its query sent (rejects if the subscription failed). */
  joined(room: string): Promise<void>;
  /** Stops relaying: unsubscribes and closes the subscriber connection. */
  close(): Promise<void>;
}

interface Joined {
  table: PresenceTable;
  changed: () => void;
  subscribed: Promise<void>;
}

const CHECK_MS = 1000;

export async function createPresenceRelay(options: PresenceRelayOptions): Promise<ClusterPresenceRelay> {
  const { redis, prefix, nodeId, log } = options;
  const channelOf = (room: string) => `${prefix}presence:${room}`;
  const rooms = new Map<string, Joined>();
  const byChannel = new Map<string, string>();
  let closed = false;

  const subscriber = redis.duplicate({ lazyConnect: true, connectionName: `atelier-presence-${nodeId}` });
  subscriber.on('error', (error) => log.warn({ err: error, nodeId }, 'presence: redis connection error'));
  await subscriber.connect();

  let failing = false;
  function send(room: string, message: PresenceMessage): void {
    redis.publish(channelOf(room), encodePresenceMessage(message)).then(
      () => {
        failing = false;
      },
      (error: unknown) => {
        // Presence is lossy by design: the next tick replaces what was lost. Logged once per outage.
        if (!failing) log.warn({ err: error, nodeId, room }, 'presence: not published');
        failing = true;
      },
    );
  }

  function subscribe(room: string): Promise<void> {
    return subscriber.subscribe(channelOf(room)).then(() => {
      if (rooms.has(room)) send(room, { node: nodeId, kind: 'q' });
    });
  }

  subscriber.on('messageBuffer', (channelBytes: Buffer, bytes: Buffer) => {
    const room = byChannel.get(channelBytes.toString());
    const joined = room === undefined ? undefined : rooms.get(room);
    if (room === undefined || !joined) return;
    const message = decodePresenceMessage(bytes.toString());
    if (!message) {
      log.warn({ room, nodeId }, 'presence: malformed message skipped');
      return;
    }
    if (message.node === nodeId) return;
    if (message.kind === 'q') {
      // Every node answers, even with nobody: its answer also says who of its clients is gone.
      send(room, { node: nodeId, kind: 's', entries: joined.table.ownStates() });
      return;
    }
    const changed =
      message.kind === 's'
        ? joined.table.replaceNode(message.node, message.entries)
        : joined.table.apply(message.entries, message.node);
    if (changed) joined.changed();
  });

  // After a reconnection, what was said meanwhile is lost: ask again (subscriptions are renewed
  // by ioredis; subscribing again first makes sure the answers are heard).
  subscriber.on('ready', () => {
    for (const room of rooms.keys()) void subscribe(room).catch(() => undefined);
  });

  /** Removes, in every room, the clients of nodes whose heartbeat expired. */
  let checking = false;
  async function checkNodes(): Promise<void> {
    if (checking || closed) return;
    checking = true;
    try {
      const seen = new Set<string>();
      for (const { table } of rooms.values()) for (const node of table.nodes()) seen.add(node);
      if (seen.size === 0) return;
      const alive = await nodesAlive(redis, prefix, [...seen]);
      for (const node of seen) {
        if (alive.has(node)) continue;
        let clients = 0;
        for (const joined of rooms.values()) {
          const before = joined.table.size;
          if (joined.table.removeNode(node)) {
            clients += before - joined.table.size;
            joined.changed();
          }
        }
        log.info({ nodeId, gone: node, clients }, 'presence: a node stopped beating, its clients removed');
      }
    } catch (error) {
      // Redis unreachable: nobody is declared gone on no evidence.
      log.warn({ err: error, nodeId }, 'presence: heartbeats not checked');
    } finally {
      checking = false;
    }
  }
  const checker = setInterval(() => void checkNodes(), options.checkMs ?? CHECK_MS);
  checker.unref();

  return {
    nodeId,
    join(room, table, changed) {
      const channel = channelOf(room);
      const subscribed = subscribe(room);
      const joined: Joined = { table, changed, subscribed };
      subscribed.catch((error: unknown) =>
        log.warn({ err: error, nodeId, room }, 'presence: room not subscribed'),
      );
      rooms.set(room, joined);
      byChannel.set(channel, room);
      const link: PresenceLink = {
        publish(entries: readonly PresenceEntry[]) {
          if (rooms.get(room) === joined) send(room, { node: nodeId, kind: 'u', entries: [...entries] });
        },
        leave() {
          if (rooms.get(room) !== joined) return;
          rooms.delete(room);
          byChannel.delete(channel);
          if (!closed) void subscriber.unsubscribe(channel).catch(() => undefined);
        },
      };
      table.relayTo(link);
      return link;
    },
    joined(room) {
      return rooms.get(room)?.subscribed ?? Promise.reject(new Error(`presence: ${room} not joined`));
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(checker);
      rooms.clear();
      byChannel.clear();
      await closeRedis(subscriber);
    },
  };
}
