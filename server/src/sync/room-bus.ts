/**
 * What the rooms need of the room bus (docs/scale-out.md, "2. The room bus"): several nodes
 * serving one room, each turn a node commits published after its commit and applied by the others
 * without being stored again. None in the embedded mode (one process, no bus); the Redis Streams
 * implementation is `cluster/bus.ts`.
 */

/** What a room gives the bus to receive other nodes' turns. */
export interface RoomSink {
  /** Applies updates another node committed (in order; already in the database: not to be stored again). */
  apply(updates: Uint8Array[]): void;
  /**
   * The bus cannot vouch for this room past seq `after`: read what was stored after it from the
   * database, apply it, and resolve the last seq read.
   */
  catchUp(after: number): Promise<number>;
}

export interface RoomBus {
  readonly nodeId: string;
  /**
   * Follows `room`: notes the stream's last entry, then `load`s the room from the database
   * (resolving the last seq loaded), then reads every entry after the noted one — so nothing
   * committed between the load and the subscription falls between the two.
   */
  join(room: string, sink: RoomSink, load: () => Promise<number>): Promise<void>;
  /** Stops following `room` (its entries still unread are dropped). */
  leave(room: string): void;
  /** Publishes this node's committed turn `from..to` of `room` (call after the commit resolved). */
  publish(room: string, from: number, to: number, updates: Uint8Array[]): Promise<void>;
  /** The last seq of `room` this node holds without a hole, or `undefined` if it does not follow it. */
  applied(room: string): number | undefined;
  /**
   * The database's last seq of `room` is `lastSeq` (the tail check): if this node holds less, the
   * room catches up, in turn with its entries. Resolves once it did (or had nothing to do).
   */
  tail(room: string, lastSeq: number): Promise<void>;
  /**
   * Calls `listener(false)` when the bus lost Redis (what this node commits would reach no other
   * node), and `listener(true)` once it is back: connected again and every followed room caught up
   * from the database. The node refuses writes in between (`StorageHealth.hold`).
   */
  onConnection(listener: (up: boolean) => void): void;
  /** Stops reading and closes the bus's connections. */
  close(): Promise<void>;
}

/**
 * The transaction origin of updates applied from the bus (beside `@atelier/shared`'s
 * `LOCAL_ORIGIN` and `SERVER_ORIGIN`): the room sends them to its peers and its sync-reply
 * cache, but does not store them again, and nothing checks them again against a writer's rights
 * or rewrites them (the node that accepted them did).
 */
export const BUS_ORIGIN = 'atelier:bus' as const;
