import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseRoomName, roomName } from '@atelier/shared';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { type DeadlineSweep, startDeadlineSweep } from './cluster/deadline-sweep';
import type { Leases } from './cluster/lease';
import { joinCluster, type NodeCluster } from './cluster/node-cluster';
import { actOnNodeEvents } from './cluster/node-event-actions';
import { disconnectingEveryNode, NO_NODE_EVENTS, type NodeEvents } from './cluster/node-events';
import { acceptConnection } from './cluster/route';
import type { Config } from './config';
import { createStrategyReader } from './export/read';
import { createFollowUpService } from './followUp/service';
import type { NetworkInfo } from './http/deps';
import { localUrl, machineNetwork } from './http/share-origins';
import { JoinAttempts } from './limits/join-attempts';
import { createLogger, type Logger } from './log';
import { afterWave } from './memory/after-wave';
import { fullGc } from './memory/full-gc';
import { createMetrics, type Metrics } from './metrics/metrics';
import { createStrategyDeletion, createWorkshopDeletion } from './privacy/deletion';
import { createParticipantErasure } from './privacy/erasure';
import { createPrivacyNotices } from './privacy/notice';
import { participantData } from './privacy/own-data';
import { startRetention } from './privacy/retention';
import { createActivityTracker, recordingActivity } from './store/activity';
import { createStorageHealth, isStorageFault } from './store/health';
import { type OpenStorage, openStorage } from './store/open';
import { createSessionService } from './strategies/sessions';
import { Attendance } from './sync/attendance';
import { createEditJournal } from './sync/edit-journal';
import { attachSyncEndpoint } from './sync/endpoint';
import { ParticipantSockets } from './sync/participant-sockets';
import type { PresenceRelay } from './sync/presence';
import type { RoomBus } from './sync/room-bus';
import { RoomManager } from './sync/rooms';
import { createSilentIdeation } from './sync/silent-ideation';
import { createTableSeating } from './sync/table-seating';
import { createVoteService } from './votes/service';
import { boardThreads } from './workers/doc-threads';
import { WorkPool } from './workers/pool';

/** 1,000 connections asked for, then a 5 s window with fewer than 20: the wave is over. */
const AFTER_WAVE = { wave: 1000, quietMs: 5000, calm: 20 };

/*
 * The server's public entry (`@atelier/server`): `startServer` composes it in-process, for
 * main.ts, the integration tests, scripts and bench. It owns no process concern (signals, exit).
 * Also exported: what bench measures of the server from outside (export writers, note rules).
 */

export { type Config, loadConfig, WRITE_LIMIT_DEFAULTS } from './config';
export { EXPORT_FORMATS, type ExportFormatName, STRATEGY_FILE_FORMATS } from './export/formats';
export type { NetworkInfo } from './http/deps';
export { createLogger, type Logger } from './log';
export type { Metrics, RateLimitCounter } from './metrics/metrics';
export { BackupRefused, backupDatabase, restoreDatabase } from './store/backup';
export {
  type RecoveredLink,
  recoverFacilitatorLink,
  recoverFacilitatorLinkOnPostgres,
  recoverLink,
} from './store/recovery';
export { noteWriteDenial } from './sync/ownership';

export interface StartOptions {
  /** The logger; by default JSON lines on stdout at `config.logLevel`. */
  log?: Logger;
  /** The machine's network as the share links see it; the real one by default. */
  network?: NetworkInfo;
  /**
   * With other nodes (docs/scale-out.md): what this node tells them and hears from them, its
   * rooms' presence relay and their bus, owned and closed by the caller (tests). By default the
   * node joins them on `config.redis` (`REDIS_URL`) and closes that with the server; without it,
   * the embedded mode: one process, no bus. With `leases` (the node's lease connection,
   * `openLeases`; the joined cluster opens one on `DATABASE_URL`), this node sweeps the vote
   * deadlines while it holds their lease (`cluster/deadline-sweep.ts`), and gives it back at close.
   */
  cluster?: { events: NodeEvents; presenceRelay?: PresenceRelay; bus?: RoomBus; leases?: Leases };
  /**
   * False: the server listens on no port and takes its connections from `accept` (a `WORKERS=n`
   * worker, whose primary owns the port and routes each connection, docs/scale-out.md §5).
   */
  listen?: boolean;
}

export interface RunningServer {
  /** `http://HOST:PORT` (127.0.0.1 when listening on every interface), as logged. */
  url: string;
  /** The port listened on (the one chosen by the system when `config.port` is 0). */
  port: number;
  /** Serves a connection accepted elsewhere (the `WORKERS=n` primary), `head` its bytes already read. */
  accept(socket: Socket, head: Buffer): void;
  /** The HTTP application: `app.request(path, init)` answers without a socket. */
  app: ReturnType<typeof createApp>;
  /** This server's metrics (`GET /metrics`); `metrics.rateLimited(limit)` counts a limit's refusal. */
  metrics: Metrics;
  /**
   * Closes the sync sockets (1001, so clients reconnect elsewhere), the listening socket and
   * its connections, the vote deadlines, the rooms (compacted) and the database, in that
   * order, at once; resolves when the listening socket is closed.
   */
  close(): Promise<void>;
  /**
   * Resolves once `close()` has stored the rooms' last turn and snapshots and closed the database,
   * without waiting for the last sockets to end (what a process exits on).
   */
  readonly storageClosed: Promise<void>;
}

/** Composition root: configuration → storage → rooms → HTTP + sync on one port. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const store = await openStorage(config, log);
  let joined: NodeCluster | null = null;
  try {
    // A cluster given by the caller (tests) is theirs; one joined here on REDIS_URL closes with the server.
    if (!options.cluster && config.redis)
      joined = await joinCluster({ ...config.redis, databaseUrl: config.databaseUrl, log });
    const cluster = options.cluster ?? joined ?? undefined;
    // With several nodes, every line says which one wrote it.
    const nodeLog = joined ? log.child({ node: joined.nodeId }) : log;
    return await startNode(
      config,
      { ...options, log: nodeLog, ...(cluster ? { cluster } : {}) },
      store,
      joined,
    );
  } catch (error) {
    await joined?.close();
    await store.close();
    throw error;
  }
}

/** The server on `store` and its cluster side, if any; `joined` (its own) is closed with it. */
function startNode(
  config: Config,
  options: StartOptions & { log: Logger },
  store: OpenStorage,
  joined: NodeCluster | null,
): Promise<RunningServer> {
  const { log } = options;
  const bus = options.cluster?.bus ?? null;
  const storage = createStorageHealth(store.probe, log, { probeMs: config.storageProbeMs });
  const stored = store.workshops;
  const activity = createActivityTracker(stored, {
    onError: (error) => {
      log.warn({ err: String(error) }, 'last activity not recorded');
      if (isStorageFault(error)) storage.report(error);
    },
  });
  const workshops = recordingActivity(stored, activity);
  const { strategies: strategyStore, docs, ballots, transactions } = store;
  const metrics = createMetrics();
  // Who edited which board item when, and whether participants were there (issue 18 §2).
  const journalStore = store.journal;
  // A participant on another node shows here as their board's relayed presence (scale-out).
  const attendance = new Attendance(
    (workshopId) => rooms.presenceOf(roomName(workshopId, 'board'))?.hasRemoteRole('participant') ?? false,
  );
  const editJournal = createEditJournal({ attendance });
  // Imports' reading, exports' writing and big rooms' cold loads, off the sync loop (issue 19 §3).
  const work = new WorkPool({
    workers: config.workerThreads,
    timeoutMs: config.importParseTimeoutMs,
    exportTimeoutMs: config.exportTimeoutMs,
  });
  const rooms = new RoomManager(
    docs,
    transactions,
    log,
    {
      graceMs: config.roomGraceMs,
      compactLogBytes: config.compactLogBytes,
      presenceTickMs: config.presenceTickMs,
      onCommit: metrics.committed,
      // Written at the workshop's creation: with nothing stored, their snapshot is missing.
      seeded: (name) => parseRoomName(name)?.kind !== 'drafts',
      journal: editJournal,
      slicer: work,
      // A big board's document on a thread of its own, from its cold load on (issue 19 §3).
      threads: boardThreads,
      ...(options.cluster?.presenceRelay ? { presenceRelay: options.cluster.presenceRelay } : {}),
      ...(bus ? { bus } : {}),
    },
    storage,
  );
  metrics.countRooms(
    () => rooms.loaded,
    () => rooms.onThreads,
  );
  metrics.watchWrites(() => storage.refusal);

  const sockets = new ParticipantSockets();
  const events = options.cluster?.events ?? NO_NODE_EVENTS;
  // Removals, role changes and erasures close the person's sockets on every node.
  const disconnector = disconnectingEveryNode(sockets, events, log);
  // Registers its control-room guard before any room loads; schedules open rounds' deadlines
  // (`votes.ready`, awaited before the server is said to be started).
  // Its round changes are told to the other nodes (`rounds-changed`), whose kept faces follow.
  const votes = createVoteService({ store: ballots, workshops, rooms, log, events });
  // What another node deleted or disconnected is let go here too; its round changes read again.
  events.onEvent(
    actOnNodeEvents({
      rooms,
      sockets,
      votes,
      activity,
      purge: store.purge,
      log,
      roundsChanged: (workshopId) => votes.changedElsewhere(workshopId),
    }),
  );
  const leases = options.cluster?.leases;
  let sweep: DeadlineSweep | null = null;

  // Personal data (docs/security.md): erasure, deletion, retention (swept now, awaited before the
  // server is said to be started, then hourly).
  const purge = store.purge;
  const deletion = createWorkshopDeletion({ workshops, purge, rooms, sockets, votes, activity, events, log });
  const strategyDeletion = createStrategyDeletion({ strategies: strategyStore, deletion, purge, log });
  const retention =
    config.retentionDays === null
      ? null
      : startRetention({
          days: config.retentionDays,
          workshops,
          deletion,
          strategies: strategyStore,
          strategyDeletion,
          log,
        });
  const privacy = {
    notice: createPrivacyNotices({
      retentionDays: config.retentionDays,
      contact: config.privacyContact,
      file: config.privacyNotice,
    }),
    erasure: createParticipantErasure({
      workshops,
      purge,
      rooms,
      sockets: disconnector,
      events,
      journal: { ...journalStore, forget: editJournal.forget },
      log,
    }),
    deletion,
    strategyDeletion,
    retention,
    ownData: participantData.bind(null, { rooms, docs, votes, journal: journalStore }),
  };

  const strategyReader = createStrategyReader(rooms, workshops);
  const app = createApp({
    workshops,
    sockets: disconnector,
    silent: createSilentIdeation(rooms),
    tables: createTableSeating(rooms),
    votes,
    strategies: strategyReader,
    followUp: createFollowUpService({
      followUps: store.followUps,
      workshops,
      strategies: strategyReader,
      reader: work,
      rooms,
    }),
    strategyStore,
    journal: journalStore,
    sessions: createSessionService({ workshops, strategies: strategyStore, rooms, transactions }),
    transactions,
    importParser: work,
    exporter: work,
    writeLimits: config.writeLimits,
    log,
    publicUrl: config.publicUrl,
    ...(store.ready ? { ready: store.ready } : {}),
    storage,
    network: options.network ?? machineNetwork(config.host),
    clientDist: config.clientDist,
    serveSourcemaps: config.serveSourcemaps,
    metrics,
    metricsToken: config.metricsToken,
    trustProxyHops: config.trustProxyHops,
    joinAttempts: new JoinAttempts(config.joinLimits),
    joinCodeTtlMs: config.joinCodeTtlMs,
    privacy,
  });

  // After a wave of connections (a flood, a reconnect storm), one full collection gives back what it took.
  const relief = afterWave({
    ...AFTER_WAVE,
    collect: fullGc(),
    collected: (durationMs) =>
      log.info(
        { durationMs: Math.round(durationMs), rssMB: Math.round(process.memoryUsage.rss() / 2 ** 20) },
        'memory given back after a wave of connections',
      ),
  });

  let storageClosed: () => void = () => {};
  const storageDone = new Promise<void>((done) => {
    storageClosed = done;
  });

  return new Promise<RunningServer>((resolve, reject) => {
    let closing: Promise<void> | null = null;
    const close = (): Promise<void> => {
      if (closing) return closing;
      // Every update is already committed; close sockets so clients reconnect elsewhere, then compact.
      sync.close();
      const listening = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      votes.close();
      const swept = sweep?.stop() ?? Promise.resolve();
      storage.close();
      void work.close();
      retention?.stop();
      relief.stop();
      // The rooms' last turn and snapshots are written before the database closes.
      const stored = swept
        .then(() => rooms.closeAll())
        .catch((error: unknown) => log.error({ err: String(error) }, 'rooms not all written at shutdown'))
        .then(() => joined?.close())
        .catch((error: unknown) => log.warn({ err: String(error) }, 'cluster connections not closed cleanly'))
        .then(() => store.close())
        .catch((error: unknown) => log.error({ err: String(error) }, 'database not closed cleanly'))
        .finally(() => storageClosed());
      closing = Promise.all([listening, stored]).then(() => undefined);
      return closing;
    };

    const started = (port: number): void => {
      server.off('error', failed);
      const url = localUrl(config.host, port);
      const where = store.backend === 'sqlite' ? { dataDir: config.dataDir } : { database: 'postgres' };
      // A worker's primary logs "listening" (and the address) for the process.
      log.info({ url, ...where }, options.listen === false ? 'serving for the primary' : 'listening');
      // Started once the deadlines are scheduled and the first retention sweep is over: on
      // PostgreSQL both await the database, and an idle workshop must be gone when start-up ends.
      Promise.all([votes.ready, retention?.ready]).then(() => {
        // The deadlines the start-up scheduled are this node's; the sweep adds those of dead nodes.
        if (leases && !closing)
          sweep = startDeadlineSweep({ leases, sweep: () => votes.sweepDeadlines(), log });
        const accept = (socket: Socket, head: Buffer) => acceptConnection(server, socket, head);
        resolve({ url, port, accept, app, metrics, close, storageClosed: storageDone });
      }, failed);
    };
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    if (options.listen === false) {
      // Node's http server sets up its connection tracking (timeouts, closeAllConnections) on
      // 'listening'; a server that never listens needs it all the same.
      server.emit('listening');
      queueMicrotask(() => started(config.port));
    } else {
      server.listen(config.port, config.host, () => started((server.address() as AddressInfo).port));
    }
    const failed = (error: Error): void => {
      // Rejected once the database is closed (the rooms' writes are over).
      const rejected = () => reject(error);
      close().then(rejected, rejected);
    };
    server.once('error', failed);

    const sync = attachSyncEndpoint(
      server,
      { rooms, workshops, sockets, log, activity, metrics, storage, afterWave: relief, attendance },
      {
        maxMessageBytes: config.maxMessageBytes,
        allowedOrigins: config.allowedOrigins,
        keepaliveMs: config.keepaliveMs,
        limits: config.socketLimits,
        trustProxyHops: config.trustProxyHops,
      },
    );
  });
}
