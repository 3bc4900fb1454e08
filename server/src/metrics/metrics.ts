import { DOC_KINDS, type DocKind, WRITE_DENIED_REASONS, type WriteDeniedReason } from '@atelier/shared';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { EXPORT_FORMAT_NAMES, type ExportFormatName } from '../export/formats';

/*
 * What `GET /metrics` shows (docs/operations.md, "Metrics and health"). One registry per server
 * (tests run several servers in one process), plus one per process for what belongs to the
 * process: memory, CPU, event-loop delay, GC. Every label takes a bounded set of values (room
 * kinds, denial reasons, export formats, limit names): never a room, a workshop or a person.
 */

/** What the sync endpoint and its connections count, per message: each call is one counter step. */
export interface SyncMetrics {
  connected(kind: DocKind): void;
  disconnected(kind: DocKind): void;
  /** One message received from a client. */
  received(): void;
  /** Frames written to a client. */
  sent(frames: number): void;
  /** A write dropped and answered "permission denied". */
  writeRefused(reason: WriteDeniedReason): void;
  /**
   * A request or socket refused by a rate limit. `limit` names the limit (as in the refusal's
   * log line, e.g. `join-address`); names outside `[a-z0-9_-]{1,40}` count as `other`, so a
   * caller's mistake cannot grow the label set.
   */
  rateLimited(limit: string): void;
}

export interface Metrics extends SyncMetrics {
  /** The Prometheus text exposition: this server's metrics, then the process's. */
  text(): Promise<string>;
  readonly contentType: string;
  /** Reads the number of loaded rooms at each scrape, and of those whose document is on a thread of its own. */
  countRooms(loaded: () => number, onThreads?: () => number): void;
  /** Reads why the node refuses writes now (`StorageHealth.refusal`; null: it takes them) at each scrape. */
  watchWrites(refusal: () => WriteDeniedReason | null): void;
  /** One turn's storage transaction took this long. */
  committed(seconds: number): void;
  /** An export was written in this format, in this time. */
  exported(format: ExportFormatName | 'pack', seconds: number): void;
}

/** A counter other modules call when a rate limit refuses something (see `Metrics.rateLimited`). */
export type RateLimitCounter = (limit: string) => void;

const LIMIT_NAME = /^[a-z0-9_-]{1,40}$/;

export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  let loadedRooms: () => number = () => 0;
  let roomsOnThreads: () => number = () => 0;
  let writeRefusal: () => WriteDeniedReason | null = () => null;

  const connections = new Gauge({
    name: 'atelier_sync_connections',
    help: 'Open sync sockets, by document kind (board, control, drafts).',
    labelNames: ['kind'],
    registers,
  });
  new Gauge({
    name: 'atelier_rooms_loaded',
    help: 'Documents (rooms) held in memory.',
    registers,
    collect() {
      this.set(loadedRooms());
    },
  });
  new Gauge({
    name: 'atelier_rooms_on_threads',
    help: 'Loaded rooms whose document is on a worker thread of its own (a board whose stored state passed 512 KiB).',
    registers,
    collect() {
      this.set(roomsOnThreads());
    },
  });
  new Gauge({
    name: 'atelier_writes_refused',
    help: 'Whether the node refuses every write now (1), by reason: storage-full (its database does not take them), unavailable (its database or its room bus cannot be reached).',
    labelNames: ['reason'],
    registers,
    collect() {
      const now = writeRefusal();
      for (const reason of [WRITE_DENIED_REASONS.storageFull, WRITE_DENIED_REASONS.unavailable])
        this.set({ reason }, now === reason ? 1 : 0);
    },
  });
  const received = new Counter({
    name: 'atelier_sync_messages_received_total',
    help: 'Sync messages received from clients (rate() gives messages per second).',
    registers,
  });
  const sent = new Counter({
    name: 'atelier_sync_messages_sent_total',
    help: 'Sync frames sent to clients (rate() gives frames per second).',
    registers,
  });
  const refused = new Counter({
    name: 'atelier_sync_writes_refused_total',
    help: 'Writes dropped and answered "permission denied", by reason.',
    labelNames: ['reason'],
    registers,
  });
  const commits = new Histogram({
    name: 'atelier_commit_duration_seconds',
    help: "Time to store one event-loop turn's updates (one SQLite transaction for every room).",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers,
  });
  const exports = new Histogram({
    name: 'atelier_export_duration_seconds',
    help: 'Time to read and write a workshop export, by format (_count: exports by format).',
    labelNames: ['format'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const limited = new Counter({
    name: 'atelier_rate_limited_total',
    help: 'Requests and sockets refused by a rate limit, by limit.',
    labelNames: ['limit'],
    registers,
  });

  // Known label values start at 0, so that rate() and absent() work from the first scrape.
  const byKind = Object.fromEntries(DOC_KINDS.map((kind) => [kind, connections.labels(kind)])) as Record<
    DocKind,
    ReturnType<typeof connections.labels>
  >;
  for (const kind of DOC_KINDS) byKind[kind].set(0);
  const byReason = new Map(
    Object.values(WRITE_DENIED_REASONS).map((reason) => [reason as string, refused.labels(reason)]),
  );
  for (const child of byReason.values()) child.inc(0);
  for (const format of [...EXPORT_FORMAT_NAMES, 'pack']) exports.labels(format);

  const processRegistry = processMetrics();
  return {
    contentType: registry.contentType,
    text: async () => `${await registry.metrics()}\n${await processRegistry.metrics()}`,
    countRooms(loaded, onThreads = () => 0) {
      loadedRooms = loaded;
      roomsOnThreads = onThreads;
    },
    watchWrites(refusal) {
      writeRefusal = refusal;
    },
    connected: (kind) => byKind[kind].inc(),
    disconnected: (kind) => byKind[kind].dec(),
    received: () => received.inc(),
    sent: (frames) => sent.inc(frames),
    writeRefused: (reason) => (byReason.get(reason) ?? refused.labels(reason)).inc(),
    committed: (seconds) => commits.observe(seconds),
    exported: (format, seconds) => exports.observe({ format }, seconds),
    rateLimited: (limit) => limited.inc({ limit: LIMIT_NAME.test(limit) ? limit : 'other' }),
  };
}

let processRegistry: Registry | null = null;

/**
 * prom-client's default metrics, once per process: resident memory (`process_resident_memory_bytes`),
 * CPU, heap, handles, GC and the event-loop delay measured by `monitorEventLoopDelay`
 * (`nodejs_eventloop_lag_p99_seconds`, …, over the time since the previous scrape). They watch
 * the process with an observer and a histogram that are never stopped, so they are made once,
 * not once per server.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}
