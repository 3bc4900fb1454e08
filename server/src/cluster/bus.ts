/**
 * The room bus on Redis Streams (docs/scale-out.md, "2. The room bus"): a stream per room, an
 * entry per committed turn (`entry.ts`), one blocking reader per node over every room it has
 * loaded. Redis is not the durable copy — everything published is committed in the database
 * first — so whenever the bus cannot vouch for what this node holds (a gap in a room's
 * sequence numbers, a reconnection to Redis), it does not guess: it asks the room to catch up
 * from the database after the last seq it holds.
 *
 * The rooms join it with a sink that applies updates with the bus origin (sent to their peers,
 * never stored again): `sync/room-bus.ts` is the interface they see.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import type { RoomBus, RoomSink } from '../sync/room-bus';
import { AppliedSeqs } from './applied';
import { type BusEntry, decodeEntry, encodeEntry } from './entry';
import { closeRedis, within } from './redis-close';

export interface RoomBusOptions {
  /** `REDIS_URL`. */
  url: string;
  /** Key prefix (`REDIS_PREFIX`), ending with ':'. */
  prefix?: string;
  /** This node's id; random per process by default. */
  nodeId?: string;
  log: Logger;
  /** How long one `XREAD` blocks (ms). */
  blockMs?: number;
  /** Entries kept per stream (`MAXLEN ~`). */
  maxLen?: number;
  /** A stream untouched this long disappears (ms). */
  ttlMs?: number;
  /** How often the command connection is pinged (ms). */
  pingMs?: number;
  /** A ping unanswered this long means Redis is lost, though no connection closed (ms). */
  pingTimeoutMs?: number;
}

interface Followed {
  sink: RoomSink;
  seqs: AppliedSeqs;
  /** The last stream entry read (or noted at join). */
  lastId: string;
  /** Entries of this room are handled one after the other (a catch-up is async). */
  queue: Promise<void>;
}

const DEFAULTS = {
  prefix: 'atelier:',
  blockMs: 5000,
  maxLen: 1000,
  ttlMs: 10 * 60 * 1000,
  pingMs: 1000,
  pingTimeoutMs: 2000,
};

type XReadReply = [Buffer, [Buffer, Buffer[]][]][] | null;

export async function createRoomBus(options: RoomBusOptions): Promise<RoomBus> {
  const { url, log } = options;
  const prefix = options.prefix ?? DEFAULTS.prefix;
  const blockMs = options.blockMs ?? DEFAULTS.blockMs;
  const maxLen = options.maxLen ?? DEFAULTS.maxLen;
  const ttlMs = options.ttlMs ?? DEFAULTS.ttlMs;
  const pingMs = options.pingMs ?? DEFAULTS.pingMs;
  const pingTimeoutMs = options.pingTimeoutMs ?? DEFAULTS.pingTimeoutMs;
  const nodeId = options.nodeId ?? randomBytes(8).toString('hex');
  const streamKey = (room: string) => `${prefix}room:${room}`;

  // Commands fail fast (a publish that cannot reach Redis is the caller's to handle); the reader
  // waits through reconnections, and its read in flight is rejected rather than resent, so the
  // loop knows it reconnected.
  const commands = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  const reader = new Redis(url, {
    lazyConnect: true,
    connectionName: `atelier-bus-reader-${nodeId}`,
    maxRetriesPerRequest: null,
    autoResendUnfulfilledCommands: false,
  });
  for (const connection of [commands, reader])
    connection.on('error', (error) => log.warn({ err: error, nodeId }, 'bus: redis connection error'));
  await Promise.all([commands.connect(), reader.connect()]);

  const rooms = new Map<string, Followed>();
  const byKey = new Map<string, string>();
  let closed = false;
  let readerId: number | null = null;
  /** Set when the reader's connection dropped: what was said meanwhile is the database's to tell. */
  let lost = false;
  /** Set while a ping goes unanswered: Redis silent (paused, packets dropped) with its connections open. */
  let silent = false;
  /** Whether the bus is up as `onConnection` listeners were last told (both connections, rooms caught up). */
  let up = true;
  const connectionListeners: ((up: boolean) => void)[] = [];
  const tell = (now: boolean): void => {
    if (up === now || closed) return;
    up = now;
    log[now ? 'info' : 'error']({ nodeId }, now ? 'bus: back, every room caught up' : 'bus: redis lost');
    for (const listener of connectionListeners) listener(now);
  };
  reader.on('close', () => {
    readerId = null;
    lost = true;
    tell(false);
  });
  // A publication needs this one: down with it too, back once the reader says so.
  commands.on('close', () => tell(false));
  /** Back when both connections are and nothing is left to catch up (no room followed: nothing to). */
  const maybeUp = (): void => {
    if (reader.status === 'ready' && commands.status === 'ready' && !lost && !silent) tell(true);
  };
  commands.on('ready', maybeUp);
  reader.on('ready', () => {
    if (rooms.size === 0) lost = false;
    maybeUp();
  });

  /** The read in flight, if any (a number per read, so a wake-up aimed at one read does not hit the next). */
  let reading: number | null = null;
  let reads = 0;
  let idle: (() => void) | null = null;

  /** Makes the reader start a new read with the current set of rooms. */
  function wake(): void {
    if (idle) {
      idle();
      idle = null;
      return;
    }
    const read = reading;
    if (read === null || readerId === null) return;
    const id = readerId;
    // The unblock can reach Redis before the read it aims at: tried again until that read ended.
    const attempt = async (): Promise<void> => {
      while (!closed && reading === read) {
        const unblocked = await commands.client('UNBLOCK', id).catch(() => 0);
        if (unblocked === 1) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    void attempt();
  }

  function enqueue(room: string, followed: Followed, work: () => Promise<void>): void {
    followed.queue = followed.queue.then(work).catch((error: unknown) => {
      log.error({ err: error, room, nodeId }, 'bus: a room failed to take an entry');
    });
  }

  async function catchUp(followed: Followed): Promise<void> {
    const after = followed.seqs.upTo;
    const last = await followed.sink.catchUp(after);
    followed.seqs.add(after + 1, last);
  }

  async function receive(room: string, followed: Followed, entry: BusEntry): Promise<void> {
    if (rooms.get(room) !== followed) return; // left meanwhile
    if (entry.node === nodeId) return; // its own turn, recorded when published
    if (followed.seqs.holds(entry.from, entry.to)) return; // a duplicate, or already read from the database
    if (entry.from > followed.seqs.upTo + 1 || entry.updates === null) {
      // A hole before it (a turn lost, or still on its way) or no bytes carried: the database has
      // every row up to `entry.to`, since the sender committed before publishing.
      log.info(
        { room, nodeId, after: followed.seqs.upTo, from: entry.from },
        'bus: catching up from the database',
      );
      await catchUp(followed);
      if (followed.seqs.upTo >= entry.to) return;
    }
    if (entry.updates) followed.sink.apply(entry.updates);
    followed.seqs.add(entry.from, entry.to);
  }

  function take(key: string, entries: [Buffer, Buffer[]][]): void {
    const room = byKey.get(key);
    const followed = room === undefined ? undefined : rooms.get(room);
    if (room === undefined || !followed) return;
    for (const [id, fields] of entries) {
      followed.lastId = id.toString();
      const entry = decodeEntry(fields);
      if (!entry) {
        log.warn({ room, nodeId, id: followed.lastId }, 'bus: malformed entry skipped');
        continue;
      }
      enqueue(room, followed, () => receive(room, followed, entry));
    }
  }

  /**
   * Has every followed room catch up from the database, then says the bus is back; if one could not
   * (the database is away too), the next read tries them all again.
   */
  async function caughtUpAll(): Promise<void> {
    const done = [...rooms].map(([room, followed]) => {
      const caught = followed.queue.then(() => catchUp(followed));
      followed.queue = caught.catch((error: unknown) => {
        log.error({ err: error, room, nodeId }, 'bus: a room could not catch up');
      });
      return caught;
    });
    const results = await Promise.allSettled(done);
    if (results.some((result) => result.status === 'rejected')) {
      lost = true;
      // Not at once: the loop's next read (at most `blockMs`) tries again.
      return;
    }
    maybeUp();
  }

  async function loop(): Promise<void> {
    while (!closed) {
      if (rooms.size === 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
        });
        continue;
      }
      try {
        if (readerId === null) readerId = Number(await reader.client('ID'));
        if (lost) {
          // Entries may have been trimmed or lost with Redis meanwhile: the database decides.
          lost = false;
          log.info({ nodeId, rooms: rooms.size }, 'bus: reconnected, catching up every room');
          void caughtUpAll();
        }
        const names = [...rooms.keys()];
        const ids = names.map((room) => (rooms.get(room) as Followed).lastId);
        reads += 1;
        reading = reads;
        const reply = (await reader.xreadBuffer(
          'COUNT',
          500,
          'BLOCK',
          blockMs,
          'STREAMS',
          ...names.map(streamKey),
          ...ids,
        )) as XReadReply;
        reading = null;
        for (const [key, entries] of reply ?? []) take(key.toString(), entries);
      } catch (error) {
        reading = null;
        if (closed) return;
        lost = true;
        log.warn({ err: error, nodeId }, 'bus: read failed, retrying');
        if (reader.status !== 'ready') await new Promise((resolve) => reader.once('ready', resolve));
      }
    }
  }
  const looping = loop();

  // TCP notices a silent Redis only after minutes: a ping unanswered in time counts as lost (the
  // write gate closes); the same ping answered at last runs the way back, every room caught up first.
  let pinging = false;
  const pinger = setInterval(() => {
    if (pinging || closed || commands.status !== 'ready') return;
    pinging = true;
    const late = setTimeout(() => {
      if (silent || closed) return;
      silent = true;
      lost = true;
      log.error({ nodeId, pingTimeoutMs }, 'bus: redis does not answer');
      tell(false);
    }, pingTimeoutMs);
    commands
      .ping()
      .then(
        () => {
          if (!silent || closed) return;
          silent = false;
          log.info({ nodeId }, 'bus: redis answers again, catching up every room');
          lost = false;
          void caughtUpAll();
        },
        () => undefined, // the connection closed: its `close` said lost
      )
      .finally(() => {
        clearTimeout(late);
        pinging = false;
      });
  }, pingMs);
  pinger.unref();

  return {
    nodeId,
    async join(room, sink, load) {
      const key = streamKey(room);
      const last = await commands.xrevrange(key, '+', '-', 'COUNT', 1);
      const lastId = last[0]?.[0] ?? '0-0';
      const upTo = await load();
      const followed: Followed = { sink, seqs: new AppliedSeqs(upTo), lastId, queue: Promise.resolve() };
      rooms.set(room, followed);
      byKey.set(key, room);
      wake();
    },
    leave(room) {
      if (!rooms.delete(room)) return;
      byKey.delete(streamKey(room));
      wake();
    },
    async publish(room, from, to, updates) {
      // Held from now on, whether or not the entry reaches Redis: the commit resolved.
      rooms.get(room)?.seqs.add(from, to);
      const key = streamKey(room);
      const fields = encodeEntry({ node: nodeId, from, to, updates });
      await commands
        .pipeline()
        .xadd(key, 'MAXLEN', '~', maxLen, '*', ...fields)
        .pexpire(key, ttlMs)
        .exec()
        .then((results) => {
          const failed = results?.find(([error]) => error);
          if (failed) throw failed[0];
        });
    },
    applied(room) {
      return rooms.get(room)?.seqs.upTo;
    },
    onConnection(listener) {
      connectionListeners.push(listener);
    },
    tail(room, lastSeq) {
      const followed = rooms.get(room);
      if (!followed || followed.seqs.upTo >= lastSeq) return Promise.resolve();
      enqueue(room, followed, async () => {
        // Left, or an entry or a catch-up brought it meanwhile.
        if (rooms.get(room) !== followed || followed.seqs.upTo >= lastSeq) return;
        log.info(
          { room, nodeId, after: followed.seqs.upTo, lastSeq },
          'bus: behind the database (tail check), catching up',
        );
        await catchUp(followed);
      });
      return followed.queue;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(pinger);
      idle?.();
      reader.disconnect();
      await within(looping);
      await within(Promise.all([...rooms.values()].map((followed) => followed.queue)));
      rooms.clear();
      await closeRedis(commands);
    },
  };
}
