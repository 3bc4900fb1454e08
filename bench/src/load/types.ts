import type { PresenceClientState } from '@atelier/shared';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Protocol, ServerName } from '../servers/definitions';
import type { Traffic } from './traffic';

/**
 * `probe`: a full stock client (y-websocket's WebsocketProvider, or HocuspocusProvider for
 * Hocuspocus) that decodes everything, so it can observe latencies and convergence.
 * `light`: a raw socket that applies the first sync once (to hold valid notes to move), then
 * only counts what it receives and sends its own edits and presence: cheap enough to run
 * thousands on one core without the generator becoming the bottleneck.
 */
export type ClientKind = 'probe' | 'light';

export interface ConnectOptions {
  kind: ClientKind;
  /**
   * The document to sync, with whatever it already holds (local state kept across a
   * reconnect, or a room's seed); a fresh empty one otherwise.
   */
  doc?: Y.Doc;
  /** Presence set before connecting (sent with the greeting). */
  presence?: PresenceClientState;
  /**
   * Probes only: reconnect by the stock provider's own logic after a close (the default,
   * as in the field). Light clients never reconnect by themselves: call `reconnect()`.
   */
  autoReconnect?: boolean;
  /**
   * Light clients only: count the first sync without applying it (a read-only viewer, which
   * never edits, need not hold the board: a thousand of them fit in one generator thread).
   */
  discardSync?: boolean;
  /**
   * y-websocket probes only: reconnect as Atelier's own client does on top of the stock
   * provider, with full jitter (client/src/sync/backoff.ts).
   */
  atelierClient?: boolean;
}

export interface BenchClient {
  readonly kind: ClientKind;
  readonly server: ServerName;
  readonly room: string;
  /** The client's index in its room (ClientInfo.index). */
  readonly index: number;
  /** Probe: the live document. Light: its first sync plus its own edits, nothing after. */
  readonly doc: Y.Doc;
  /** The client id its presence is published under (the doc's clientID). */
  readonly clientId: number;
  /** Probes only: the provider's awareness, with everyone's presence. */
  readonly awareness: Awareness | null;
  readonly traffic: Traffic;
  /** True once the current connection finished its first sync. */
  readonly synced: boolean;
  /** Number of times the client (re)connected and synced. */
  readonly syncCount: number;
  /** Resolves when the current connection has synced. */
  whenSynced(timeoutMs?: number): Promise<void>;
  /** Publishes a presence state (every call is one awareness message, clock + 1). */
  setPresence(state: PresenceClientState): void;
  /** Closes the socket abruptly (no close handshake) and does not reconnect by itself. */
  drop(): void;
  /** Opens a new connection (after `drop`, or after any close of a light client). */
  reconnect(): void;
  /** Closes for good. */
  close(): void;
}

/** Where and as whom a client connects (internal to the client implementations). */
export interface ClientTarget {
  server: ServerName;
  protocol: Protocol;
  /** WebSocket base of the rooms. */
  url: string;
  room: string;
  index: number;
  /** Hocuspocus token message (any value: the bench's Hocuspocus has no auth hook). */
  token: string;
  /** Query parameters of the y-websocket URL (Atelier's token). */
  params: Record<string, string>;
}
