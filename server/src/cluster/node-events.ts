/**
 * Node events (docs/scale-out.md, "Node events"): what one node did that every other node must
 * do too — a workshop deleted (drop its rooms unsaved, close its sockets, delete their rows again),
 * a participant's sockets to close (removed, role changed, erased), an erased person's drafts to
 * drop unsaved, a workshop's rounds changed. One Redis
 * stream, `events`, read by every node from its start; a stream rather than pub/sub because
 * losing one would leave a removed person connected. In the embedded mode there is no other
 * node: `NO_NODE_EVENTS` publishes nothing.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../log';
import type { ParticipantDisconnector, ParticipantSockets } from '../sync/participant-sockets';
import { within } from './redis-close';

const id = z.string().min(1).max(100);

/** The events, as read back from Redis (shared: a malformed one is skipped, never acted on). */
export const NodeEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('workshop-deleted'), workshopId: id, participantIds: z.array(id).max(100_000) }),
  z.object({
    type: z.literal('participant-disconnect'),
    participantId: id,
    code: z.number().int().min(1000).max(4999),
    // A WebSocket close reason holds at most 123 bytes.
    reason: z.string().max(123),
  }),
  z.object({ type: z.literal('rounds-changed'), workshopId: id }),
  // An erasure with its contributions: the person's drafts room, dropped unsaved and refused.
  z.object({ type: z.literal('drafts-erased'), workshopId: id, participantId: id }),
]);
export type NodeEvent = z.infer<typeof NodeEvent>;

/** Does on this node what another node's event asks (`node-event-actions.ts`). */
export type NodeEventHandler = (event: NodeEvent, from: string) => void | Promise<void>;

/** Tells the other nodes what this one did, and hears what they did. */
export interface NodeEvents {
  /** Resolves once the event is in the stream (every other node will read it); rejects if it is not. */
  publish(event: NodeEvent): Promise<void>;
  /**
   * Acts on the other nodes' events from now on, one after the other (set once, by the server's
   * composition; events read before are of no concern to a node that holds nothing yet).
   */
  onEvent(handle: NodeEventHandler): void;
  close(): Promise<void>;
}

/** The embedded mode: one process, nobody else to tell or to hear. */
export const NO_NODE_EVENTS: NodeEvents = {
  publish: async () => {},
  onEvent: () => {},
  close: async () => {},
};

/**
 * Closes a participant's sockets on this node at once, and on the others through `events`. A
 * publication that fails is logged, not thrown: the person is removed in the database already
 * (a reconnection is refused everywhere); only sockets open on other nodes stay until they drop.
 */
export function disconnectingEveryNode(
  sockets: Pick<ParticipantSockets, 'disconnect'>,
  events: NodeEvents,
  log: Logger,
): ParticipantDisconnector {
  return {
    async disconnect(participantId, code, reason) {
      const closed = sockets.disconnect(participantId, code, reason);
      await events
        .publish({ type: 'participant-disconnect', participantId, code, reason })
        .catch((error: unknown) =>
          log.error(
            { err: error, participantId },
            'node events: the other nodes were not told to disconnect',
          ),
        );
      return closed;
    },
  };
}

export interface RedisNodeEventsOptions {
  /** A connection for commands (the caller's, not closed here); the blocking reader is a duplicate of it. */
  redis: Redis;
  /** Key prefix (`REDIS_PREFIX`), ending with ':'. */
  prefix: string;
  /** This node's id: its own events are skipped. */
  nodeId: string;
  log: Logger;
  /** How long one `XREAD` blocks (ms). */
  blockMs?: number;
  /** Events kept in the stream (`MAXLEN ~`). */
  maxLen?: number;
}

type XReadReply = [string, [string, string[]][]][] | null;

/**
 * Publishes to and reads the `events` stream. Reading starts at the stream's last entry when
 * this resolves (the `$` of the first read, noted first so that nothing published between the
 * two is missed), then follows from the last id read, across reconnections.
 */
export async function createRedisNodeEvents(options: RedisNodeEventsOptions): Promise<NodeEvents> {
  const { redis, nodeId, log } = options;
  let handle: NodeEventHandler | null = null;
  const key = `${options.prefix}events`;
  const blockMs = options.blockMs ?? 5000;
  const maxLen = options.maxLen ?? 1000;
  const reader = redis.duplicate({
    lazyConnect: true,
    connectionName: `atelier-events-${nodeId}`,
    maxRetriesPerRequest: null,
    autoResendUnfulfilledCommands: false,
  });
  reader.on('error', (error) => log.warn({ err: error, nodeId }, 'node events: redis connection error'));
  await reader.connect();
  const last = await redis.xrevrange(key, '+', '-', 'COUNT', 1);
  let lastId = last[0]?.[0] ?? '0-0';
  let closed = false;

  async function take(entryId: string, fields: string[]): Promise<void> {
    const record: Record<string, string> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) record[fields[i] as string] = fields[i + 1] as string;
    const from = record.n;
    if (from === nodeId) return;
    let event: NodeEvent | null = null;
    try {
      const parsed = NodeEvent.safeParse(JSON.parse(record.e ?? ''));
      if (parsed.success) event = parsed.data;
    } catch {}
    if (!event || !from) {
      log.warn({ nodeId, id: entryId }, 'node events: malformed event skipped');
      return;
    }
    if (!handle) return;
    try {
      await handle(event, from);
    } catch (error) {
      log.error({ err: error, nodeId, type: event.type, from }, 'node events: an event failed');
    }
  }

  async function loop(): Promise<void> {
    while (!closed) {
      try {
        const reply = (await reader.xread(
          'COUNT',
          100,
          'BLOCK',
          blockMs,
          'STREAMS',
          key,
          lastId,
        )) as XReadReply;
        for (const [, entries] of reply ?? [])
          for (const [entryId, fields] of entries) {
            lastId = entryId;
            await take(entryId, fields);
          }
      } catch (error) {
        if (closed) return;
        log.warn({ err: error, nodeId }, 'node events: read failed, retrying');
        if (reader.status !== 'ready') await new Promise((resolve) => reader.once('ready', resolve));
        // Refused by a connected Redis: not at full speed.
        else await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  const looping = loop();

  return {
    async publish(event) {
      await redis.xadd(key, 'MAXLEN', '~', maxLen, '*', 'n', nodeId, 'e', JSON.stringify(event));
    },
    onEvent(handler) {
      handle = handler;
    },
    async close() {
      if (closed) return;
      closed = true;
      reader.disconnect();
      await within(looping);
    },
  };
}
