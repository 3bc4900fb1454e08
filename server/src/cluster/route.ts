import net, { type Socket } from 'node:net';
import { parseRoomName } from '@atelier/shared';
import { z } from 'zod';
import type { Logger } from '../log';

/*
 * `WORKERS=n`'s routing (docs/scale-out.md §5): the primary owns the port, reads each
 * connection's request line and hands the socket to a worker, so that every socket of one
 * workshop lands on the same worker and its rooms are open once on this machine, not once per
 * worker. Anything that is not a sync upgrade goes round-robin.
 */

/** The request line must have arrived within this many bytes; past it the worker answers the request. */
export const HEAD_LIMIT_BYTES = 8192;
/** A connection that has not sent its request line by then is closed (nothing to route on). */
export const HEAD_TIMEOUT_MS = 5000;

const SYNC_PREFIX = '/sync/';
const REQUEST_LINE = /^GET (\S+) HTTP\/1\.[01]\r?$/;

/** The workshop a connection's first bytes upgrade to (`GET /sync/<room>`), or null (route it round-robin). */
export function workshopOfRequest(head: Buffer): string | null {
  const end = head.indexOf(0x0a);
  if (end < 0) return null;
  const match = REQUEST_LINE.exec(head.subarray(0, end).toString('latin1'));
  const target = match?.[1];
  if (!target?.startsWith('/')) return null;
  // Read as the sync endpoint reads it (server/src/sync/endpoint.ts), so both agree on the room.
  let pathname: string;
  try {
    pathname = new URL(target, 'http://localhost').pathname;
  } catch {
    return null;
  }
  if (!pathname.startsWith(SYNC_PREFIX)) return null;
  let room: string;
  try {
    room = decodeURIComponent(pathname.slice(SYNC_PREFIX.length));
  } catch {
    return null;
  }
  return parseRoomName(room)?.workshopId ?? null;
}

/** The worker slot (0…slots-1) of a workshop: FNV-1a, stable across processes and restarts. */
export function slotOf(workshopId: string, slots: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < workshopId.length; i++) {
    hash ^= workshopId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % slots;
}

/** The first live slot from `slot` on: a dead or restarting worker's share goes to the next (the bus keeps that correct). */
export function liveSlotFrom<T>(slot: number, workers: readonly (T | null)[]): T | null {
  for (let i = 0; i < workers.length; i++) {
    const worker = workers[(slot + i) % workers.length];
    if (worker) return worker;
  }
  return null;
}

/** What the primary sends a worker along with a socket. */
export const connectionMessage = z.object({ kind: z.literal('atelier:connection'), head: z.string() });
export type ConnectionMessage = z.infer<typeof connectionMessage>;

/** The worker a connection is handed to (a cluster `Worker`). */
export interface RouteTarget {
  send(
    message: ConnectionMessage,
    socket: Socket,
    options: { keepOpen: boolean },
    callback: (error: Error | null) => void,
  ): boolean;
}

export interface RouterOptions {
  /** How many worker slots. */
  slots: number;
  /** The ready worker serving `slot`, or the next live one; null when none is. */
  pick(slot: number): RouteTarget | null;
  log: Logger;
  headTimeoutMs?: number;
}

export interface Router {
  /** The primary's listening server. */
  server: net.Server;
  /** A worker gone: the connections still waiting to be sent to it are closed (their clients retry). */
  lost(target: RouteTarget): void;
}

/** The primary's listening server: reads each connection's request line and hands the socket on. */
export function createRouter(options: RouterOptions): Router {
  const { log, slots } = options;
  let turn = 0;
  const timeoutMs = options.headTimeoutMs ?? HEAD_TIMEOUT_MS;
  /** Sockets given to `send` whose message is not written yet (Node sends one handle at a time). */
  const unsent = new Map<RouteTarget, Set<Socket>>();

  const route = (socket: Socket, head: Buffer): void => {
    const workshopId = workshopOfRequest(head);
    const slot = workshopId === null ? turn++ % slots : slotOf(workshopId, slots);
    const worker = options.pick(slot);
    if (!worker) {
      // No worker is up (all restarting): the client retries, as after any lost connection.
      socket.destroy();
      return;
    }
    socket.setTimeout(0);
    const waiting = unsent.get(worker) ?? new Set<Socket>();
    unsent.set(worker, waiting);
    waiting.add(socket);
    // `keepOpen`: this process closes its copy itself once the message is written (the socket
    // then travels to the worker, which owns it). Node's own close waits for the worker's
    // acknowledgement, and never comes when the worker dies first: the client would hang.
    const message: ConnectionMessage = { kind: 'atelier:connection', head: head.toString('base64') };
    worker.send(message, socket, { keepOpen: true }, (error) => {
      waiting.delete(socket);
      if (error) log.warn({ err: error.message }, 'connection not handed to a worker');
      socket.destroy();
    });
  };

  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    let size = 0;
    socket.on('error', () => socket.destroy());
    socket.setTimeout(timeoutMs, () => socket.destroy());
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      size += chunk.length;
      if (chunk.indexOf(0x0a) < 0 && size < HEAD_LIMIT_BYTES) return;
      socket.off('data', onData);
      // Nothing more may be read here: the worker reads the rest from the same descriptor,
      // and `pause()` only stops 'data' events, the kernel reads go on.
      stopReading(socket);
      socket.pause();
      route(socket, Buffer.concat(chunks, size));
    };
    socket.on('data', onData);
  });

  return {
    server,
    lost(target) {
      for (const socket of unsent.get(target) ?? []) socket.destroy();
      unsent.delete(target);
    },
  };
}

/**
 * Stops the reads on the socket's handle (Node has no public call for it). Its `reading` flag
 * stays set: the stream's own read-ahead (`maybeReadMore`, on the next tick) would otherwise
 * start them again and take bytes that are the worker's.
 */
function stopReading(socket: Socket): void {
  const handle = (socket as unknown as { _handle?: { readStop?: () => number } })._handle;
  handle?.readStop?.();
}

/**
 * The worker's side: a socket handed over by the primary joins `server` as if accepted there,
 * its first bytes put back before it reads on (as @socket.io/sticky does).
 */
export function acceptConnection(server: net.Server, socket: Socket, head: Buffer): void {
  server.emit('connection', socket);
  socket.emit('data', head);
  socket.resume();
}
