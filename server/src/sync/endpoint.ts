import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  CLOSE_CODES,
  inputFrozen,
  parseRoomName,
  participantColor,
  type RoomRef,
  readControlState,
  readSeat,
  readTableRound,
  roomName,
  roomRefName,
} from '@atelier/shared';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import { clientAddress } from '../limits/client-address';
import {
  isRefusal,
  SocketLimits,
  type SocketLimitsConfig,
  type UpgradeRefusal,
} from '../limits/socket-limits';
import { correlationId, type Logger } from '../log';
import type { AfterWave } from '../memory/after-wave';
import type { SyncMetrics } from '../metrics/metrics';
import type { ActivityTracker } from '../store/activity';
import type { StorageHealth } from '../store/health';
import type { ParticipantRecord, WorkshopStore } from '../store/workshops';
import type { Attendance } from './attendance';
import { closeReason } from './close-reason';
import { Connection } from './connection';
import { KEEPALIVE } from './messages';
import { isOriginAllowed } from './origin';
import type { ParticipantSockets } from './participant-sockets';
import type { BoardPolicy } from './roles';
import type { Room } from './room';
import type { RoomManager } from './rooms';
import { RoomDamaged, RoomDropped } from './stored-doc';

export interface SyncEndpointOptions {
  /** Largest accepted frame; bigger ones close the connection with 1009. */
  maxMessageBytes: number;
  /** Origins allowed besides the server's own. */
  allowedOrigins: readonly string[];
  pingIntervalMs?: number;
  /** Longest silence towards a client before a keepalive message is sent (must stay under 30 s). */
  keepaliveMs?: number;
  /** Caps on sockets per address and per token, upgrades per second, and each connection's rates (off when absent). */
  limits?: SocketLimitsConfig;
  /** Proxies in front (`TRUST_PROXY`): their `X-Forwarded-For` names the client, their `X-Request-Id` the connection. */
  trustProxyHops?: number;
}

export interface SyncEndpoint {
  /** Closes every socket with 1001 so clients reconnect to the next server. */
  close(): void;
  connections(): number;
}

const SYNC_PREFIX = '/sync/';
/** How long a connection closed for its rate may take to answer the close before it is cut. */
const CLOSE_GRACE_MS = 1000;

/** Attaches the y-websocket endpoint (`/sync/:room`) to an HTTP server's upgrade event. */
export function attachSyncEndpoint(
  server: Server,
  deps: {
    rooms: RoomManager;
    workshops: WorkshopStore;
    sockets: ParticipantSockets;
    log: Logger;
    /** Told of every message, so a workshop in use for days stays active. */
    activity?: ActivityTracker;
    /** Counts sockets, messages and refused writes (`GET /metrics`). */
    metrics?: SyncMetrics;
    /** While the node refuses writes, every write is refused (`storage-full`, `unavailable`) before it is applied. */
    storage?: Pick<StorageHealth, 'refusal'>;
    /** Counts every connection asked for, to give memory back once a wave of them is over. */
    afterWave?: Pick<AfterWave, 'asked'>;
    /** Counts participants' sockets per workshop (the edit journal's "between sessions"). */
    attendance?: Pick<Attendance, 'opened'>;
  },
  options: SyncEndpointOptions,
): SyncEndpoint {
  const { rooms, workshops, sockets, metrics } = deps;
  // `ws` defaults to 100 MiB frames; the limit must be set here, per server.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  /** Set by `close()`: a socket whose admission (token lookup, room load) ends later is closed, not joined. */
  let shuttingDown = false;
  const connections = new Map<WebSocket, Connection>();
  const limits = options.limits ? new SocketLimits(options.limits) : null;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    deps.afterWave?.asked();
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(SYNC_PREFIX)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    // Every line about this connection, and every close frame it gets, names it.
    const hops = options.trustProxyHops ?? 0;
    const id = correlationId(req.headers['x-request-id'], hops > 0);
    const log = deps.log.child({ connectionId: id });
    // The caps are counters in memory, checked before the handshake, the token lookup and any room load.
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], hops);
    const admission = limits?.admit(address, url.searchParams.get('token'));
    if (admission && isRefusal(admission)) {
      refuseUpgrade(socket, admission);
      log.info({ limit: admission.limit, address, path: url.pathname }, 'sync upgrade refused');
      deps.metrics?.rateLimited(admission.limit);
      return;
    }
    // The slot is held until the TCP socket closes, whatever happens in between (refused token, bad frames).
    // Given as is, not wrapped in a closure here: one would keep this handler's scope (the
    // request, its headers, the URL) for the socket's whole life.
    if (admission) socket.once('close', admission.release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      try {
        accept(ws, socket, req, url, id, log);
      } catch (error) {
        log.error({ path: url.pathname, err: String(error) }, 'sync connection failed');
        ws.close(1011, closeReason('internal error', id));
      }
    });
  });

  /** A connection refused before it joins: the close code and the reason logged and sent. */
  const refusal = (code: number, reason: string) => ({ refused: { code, reason } }) as const;

  function accept(
    ws: WebSocket,
    socket: Duplex,
    req: IncomingMessage,
    url: URL,
    id: string,
    log: Logger,
  ): void {
    const refuse = (code: number, reason: string) => {
      log.info({ path: url.pathname, code, reason }, 'sync refused');
      ws.close(code, closeReason(reason, id));
    };
    if (!isOriginAllowed(req.headers.origin, req.headers.host, options.allowedOrigins)) {
      refuse(CLOSE_CODES.forbiddenOrigin, 'origin not allowed');
      return;
    }
    // The token may have to be looked up and the room read from the store first: what the client
    // sends meanwhile waits, in order, and a socket closed meanwhile lets go of what it asked for.
    const early: { data: Buffer; isBinary: boolean }[] = [];
    let closedEarly = false;
    const buffer = (data: Buffer, isBinary: boolean) => early.push({ data, isBinary });
    const closeEarly = () => {
      closedEarly = true;
    };
    const stopBuffering = () => {
      ws.off('message', buffer);
      ws.off('close', closeEarly);
    };
    ws.on('message', buffer);
    ws.on('close', closeEarly);
    logSocketErrors(ws, log, url.pathname);
    const admitted = async () => {
      const token = url.searchParams.get('token');
      const participant = token ? await workshops.participantByToken(token) : null;
      if (!participant) return refusal(CLOSE_CODES.unauthorized, token ? 'invalid token' : 'missing token');
      const parsed = parseRoomName(safeDecode(url.pathname.slice(SYNC_PREFIX.length)));
      if (parsed && parsed.workshopId !== participant.workshopId)
        return refusal(CLOSE_CODES.unauthorized, 'token of another workshop');
      if (!parsed) return refusal(CLOSE_CODES.unknownRoom, 'unknown room');
      // Private drafts are their author's alone: facilitators see only how many there are.
      if (parsed.kind === 'drafts' && parsed.owner !== participant.id)
        return refusal(CLOSE_CODES.unauthorized, 'drafts of another participant');
      // Gone before it was let in, or the server is shutting down: nothing is loaded for it.
      if (closedEarly || shuttingDown) return null;
      const name = roomRefName(parsed);
      // A board connection reads the lock from the workshop's control room, loaded while it lasts.
      const control =
        parsed.kind === 'board' ? await rooms.hold(roomName(parsed.workshopId, 'control')) : null;
      try {
        return { room: await rooms.acquire(name), control, parsed, participant, name };
      } catch (error) {
        control?.release();
        throw error;
      }
    };
    admitted().then(
      (admission) => {
        stopBuffering();
        if (admission !== null && 'refused' in admission) {
          refuse(admission.refused.code, admission.refused.reason);
          return;
        }
        if (shuttingDown) {
          // Admitted while the server shuts down (an awaited lookup let `close()` run first): its
          // room is written for the last time now, so the client is sent elsewhere as the others.
          admission?.control?.release();
          if (!closedEarly) refuse(CLOSE_CODES.goingAway, 'server shutting down');
          return;
        }
        if (admission === null) return;
        const { room, control } = admission;
        if (closedEarly) {
          control?.release();
          if (room.size === 0) rooms.scheduleUnload(room);
          return;
        }
        try {
          join({ ws, socket, early, id, log, ...admission });
        } catch (error) {
          log.error({ path: url.pathname, err: String(error) }, 'sync connection failed');
          ws.close(1011, closeReason('internal error', id));
        }
      },
      (error: unknown) => {
        stopBuffering();
        if (error instanceof RoomDamaged) refuse(CLOSE_CODES.roomDamaged, 'room damaged');
        else if (error instanceof RoomDropped) refuse(CLOSE_CODES.unknownRoom, 'unknown room');
        else {
          log.error({ path: url.pathname, err: String(error) }, 'sync connection failed');
          ws.close(1011, closeReason('internal error', id));
        }
      },
    );
  }

  /** The room is loaded: the connection joins it and handles what the client sent meanwhile. */
  function join(joining: {
    ws: WebSocket;
    socket: Duplex;
    room: Room;
    control: { room: Room; release(): void } | null;
    early: readonly { data: Buffer; isBinary: boolean }[];
    parsed: RoomRef;
    participant: ParticipantRecord;
    name: string;
    id: string;
    log: Logger;
  }): void {
    const { ws, socket, room, control, early, parsed, participant, name, id, log } = joining;
    const connection = new Connection(
      ws,
      socket,
      room,
      {
        id,
        kind: parsed.kind,
        writeCheck: () => ({
          role: participant.role,
          kind: parsed.kind,
          participantId: participant.id,
          policy: boardPolicy(control?.room.doc, participant.id),
          refusal: deps.storage?.refusal ?? null,
        }),
        user: {
          participantId: participant.id,
          name: participant.name,
          color: participantColor(participant.id),
          role: participant.role,
          group: participant.group,
        },
      },
      log,
      metrics,
    );
    connections.set(ws, connection);
    metrics?.connected(parsed.kind);
    // Findable by participant: removing someone or changing their role closes their sockets at once.
    sockets.add(participant.id, connection);
    // Board sockets only: the one whose closing ends the person's presence, so an edit made once
    // the others see them gone is journalled as made between sessions (their control socket may close later).
    const leave =
      participant.role === 'participant' && parsed.kind === 'board'
        ? deps.attendance?.opened(participant.workshopId)
        : undefined;
    room.add(connection);
    log.info({ room: name, participantId: participant.id, role: participant.role }, 'sync connected');

    const rate = limits?.connectionRate();
    const onMessage = (data: Buffer, isBinary: boolean) => {
      metrics?.received();
      const exceeded = rate?.exceeded(data.byteLength);
      if (exceeded) {
        limitExceeded(ws, connection, exceeded, name, participant.id);
        return;
      }
      deps.activity?.seen(participant.workshopId);
      connection.handle(toBytes(data), isBinary);
    };
    ws.on('message', onMessage);
    ws.on('pong', () => {
      connection.alive = true;
    });
    ws.on('close', (code) => {
      connections.delete(ws);
      metrics?.disconnected(parsed.kind);
      sockets.delete(participant.id, connection);
      leave?.();
      control?.release();
      const left = room.remove(connection);
      log.info({ room: name, participantId: participant.id, code }, 'sync disconnected');
      if (left === 0) rooms.scheduleUnload(room);
    });
    void connection.start();
    // What the client sent while its room loaded, in order.
    for (const message of early) onMessage(message.data, message.isBinary);
  }

  /** Closes a connection past its message or byte rate; one that keeps sending is cut a second later. */
  function limitExceeded(
    ws: WebSocket,
    connection: Connection,
    limit: 'message-rate' | 'byte-rate',
    room: string,
    participantId: string,
  ): void {
    if (ws.readyState !== ws.OPEN) return;
    deps.log.info(
      { limit, room, participantId, code: CLOSE_CODES.rateLimited },
      'sync connection over its rate',
    );
    deps.metrics?.rateLimited(limit);
    connection.close(CLOSE_CODES.rateLimited, limit);
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
  }

  // Drop sockets that stopped answering pings (laptops closed, Wi-Fi gone) so presence stays true.
  const ping = setInterval(() => {
    for (const [ws, connection] of connections) {
      if (!connection.alive) {
        ws.terminate();
        continue;
      }
      connection.alive = false;
      ws.ping();
    }
  }, options.pingIntervalMs ?? 30_000);
  ping.unref();

  // Keep quiet sockets from being recycled by the client's 30 s message timeout.
  const keepaliveMs = options.keepaliveMs ?? 15_000;
  const keepalive = setInterval(
    () => {
      const silentSince = performance.now() - keepaliveMs;
      for (const connection of connections.values()) {
        if (connection.lastSentAt <= silentSince) connection.send(KEEPALIVE);
      }
    },
    Math.max(10, Math.floor(keepaliveMs / 2)),
  );
  keepalive.unref();

  return {
    close() {
      shuttingDown = true;
      clearInterval(ping);
      clearInterval(keepalive);
      for (const connection of connections.values())
        connection.close(CLOSE_CODES.goingAway, 'server shutting down');
      wss.close();
    },
    connections: () => connections.size,
  };
}

/**
 * Logs the socket's errors for its whole life. Its own scope on purpose: a listener made inside
 * `accept` would keep all of `accept`'s captured state (the URL, the early frames and their
 * buffers, the buffering closures) as long as the socket is open.
 */
function logSocketErrors(ws: WebSocket, log: Logger, path: string): void {
  ws.on('error', (error) => log.warn({ path, err: error.message }, 'socket error'));
}

/** A plain `429` on the raw socket, before any handshake: the cheapest refusal there is. */
function refuseUpgrade(socket: Duplex, refusal: UpgradeRefusal): void {
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${refusal.retryAfterS}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${refusal.limit.length}\r\n\r\n${refusal.limit}`,
  );
}

/**
 * What the control document says about this person writing the board now: locked, the timer ran
 * out with a freeze, silent ideation, whose notes, and during a table round their table.
 */
function boardPolicy(control: Y.Doc | undefined, participantId: string): BoardPolicy {
  if (!control) return { locked: false, timeUp: false, silent: false, noteEditing: 'own' };
  const state = readControlState(control);
  const round = readTableRound(control);
  return {
    locked: state.locked,
    timeUp: inputFrozen(state.timer, Date.now()),
    silent: state.silent,
    noteEditing: state.noteEditing,
    tableRound: round && { seat: readSeat(control, participantId), closed: round.closed },
  };
}

/** Room names may arrive percent-encoded; a malformed escape names no room (and must not throw). */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}

function toBytes(data: Buffer): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
