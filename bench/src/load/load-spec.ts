import type { ServerName } from '../servers/definitions';
import type { RoomInfo } from '../servers/provision';
import type { ClientKind } from './types';

/** The workload every client of every room runs (rates per client). */
export interface LoadSpec {
  /** Cursor moves per second per client (0: none). */
  cursorHz: number;
  /** Note moves per second per client (0: none); client i moves its own note. */
  movesPerSec: number;
  /** Full decoding clients per room (the first indexes); the rest are light. */
  probesPerRoom: number;
  /** Seconds of load before measuring. */
  warmupS: number;
  /** Seconds measured. */
  durationS: number;
  /** Seconds after the load stops for in-flight messages to arrive (still counted). */
  drainS: number;
  /**
   * Probes expect presence only from clients with a lower index than this (all by default):
   * the senders nearest to every probe, which a server with interest management (Atelier past
   * ~60 people: each client gets the nearest 25 cursors) still sends them. Cursors sit
   * `CURSOR_SPACING` apart on y by client index, so the nearest are the neighbours by index.
   */
  watchedSenders?: number;
  /** Clients connecting at once while setting up. */
  connectConcurrency?: number;
}

/** What a worker thread hosts: whole rooms, so all of a room's probes and senders are local. */
export interface WorkerSetup {
  server: { name: ServerName; url: string };
  rooms: { room: RoomInfo; seed: Uint8Array }[];
  spec: LoadSpec;
}

export interface WorkerTimeline {
  /** Absolute times (shared clock, ms). */
  startAt: number;
  measureFrom: number;
  measureTo: number;
}

export interface WorkerResult {
  clients: number;
  probes: number;
  presence: KindResult;
  doc: KindResult;
  /** Traffic inside the measured window, per client kind. */
  traffic: Record<
    ClientKind,
    { bytesIn: number; bytesOut: number; framesIn: number; framesOut: number; clients: number }
  >;
  /** Clients not connected at the end of the window. */
  disconnected: number;
  /** The worker's own event-loop delay in the window: a lagging generator inflates latencies. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

export interface KindResult {
  /** Sends in the window. */
  sent: number;
  /** Deliveries expected to probes / seen by probes. */
  expected: number;
  delivered: number;
  /** Deliveries expected to every client (probes and light) in the rooms. */
  expectedAll: number;
  /** hdr histograms (µs), compressed base64: to each probe, and to the last probe. */
  each: string;
  last: string;
}

export type ToWorker =
  | { type: 'setup'; setup: WorkerSetup }
  | { type: 'go'; timeline: WorkerTimeline }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; clients: number }
  | { type: 'result'; result: WorkerResult }
  | { type: 'closed' }
  | { type: 'error'; message: string };
