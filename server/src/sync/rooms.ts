import { parseRoomName, WRITE_DENIED_REASONS } from '@atelier/shared';
import type * as Y from 'yjs';
import type { Logger } from '../log';
import { type DocStore, snapshotDamaged } from '../store/docs';
import { refusalOf, type StorageHealth } from '../store/health';
import type { DocStorage } from '../store/transaction';
import type { PresenceTable } from './presence';
import { Room, type RoomHooks, type RoomOptions } from './room';
import type { RoomBus, RoomSink } from './room-bus';
import { RoomDamaged, RoomDropped } from './stored-doc';
import { TURN_RETRY, TurnFlusher } from './turn';

export interface RoomManagerOptions extends RoomOptions {
  /** How long an empty room stays loaded, so a reconnecting room doesn't reload from disk. */
  graceMs: number;
  /** Told how long each turn's storage transaction took (the commit latency metric). */
  onCommit?: (seconds: number) => void;
  /**
   * The room bus, when several nodes serve the rooms (`REDIS_URL`); none in the embedded mode. A
   * room joins it as it loads, publishes each committed turn, applies the others' and leaves when
   * it unloads.
   */
  bus?: RoomBus;
  /** How often the loaded rooms' last stored numbers are compared with what they hold (with a bus). */
  tailCheckMs?: number;
}

/** What holds the write gate closed while the room bus has lost Redis (`StorageHealth.hold`). */
const BUS_CAUSE = 'room bus';

/** The tail check's period: a turn committed but never published (its node died) is found this fast. */
const TAIL_CHECK_MS = 2000;

/**
 * Loads a room on its first connection and unloads it (after compacting) once the last
 * one has left and the grace period has passed. Loading is async: whoever asks for a room
 * while it loads waits for that same load, and they are answered in the order they asked.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  /** Rooms being read from the store; a load's entry is removed when it ends or the room is dropped. */
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Rooms kept loaded without a peer of their own (a board's connections read its control room). */
  private readonly holders = new Map<string, number>();
  /** One per server: every room's turn ends with the same commit-then-write pass. */
  private readonly flusher: TurnFlusher;
  private readonly loadListeners: ((room: Room) => void)[] = [];
  private readonly loadHooks: ((name: string) => Promise<void>)[] = [];
  private readonly unloadListeners: ((name: string) => void)[] = [];
  /**
   * Rooms whose stored document cannot be rebuilt: refused without reading them again, until
   * the server restarts (an operator repairs or restores them with the server stopped).
   */
  private readonly damaged = new Map<string, RoomDamaged>();
  private readonly hooks: RoomHooks;
  /**
   * Workshops deleted, or being purged: their rooms are refused from then on. On PostgreSQL a
   * reconnect during the purge's await could still find a token and load a room again, and its
   * edits would outlive the purge (docs/architecture.md, "Stores behind async contracts").
   */
  private readonly retired = new Set<string>();
  /** Rooms refused from then on, their workshop going on (an erased person's drafts). */
  private readonly retiredRooms = new Set<string>();
  /** The writes in flight when rooms were last dropped (`dropsSettled`). */
  private dropsEnded: Promise<unknown> = Promise.resolve();
  private readonly tailTimer: NodeJS.Timeout | null = null;
  /** The tail check running, if any: one at a time. */
  private tailing: Promise<void> | null = null;

  constructor(
    private readonly store: DocStore,
    /** Runs each turn's writes (every room's appends and edit-journal rows) in one transaction, or one statement (`writeTurn`). */
    transactions: DocStorage,
    private readonly log: Logger,
    private readonly options: RoomManagerOptions,
    storage?: StorageHealth,
  ) {
    this.flusher = new TurnFlusher((work) => transactions.withTransaction(work), {
      onStoreError: (error) => {
        log.error({ err: String(error) }, 'a turn of updates could not be stored');
        storage?.report(error);
      },
      ...(options.onCommit ? { onCommit: options.onCommit } : {}),
      writable: () => storage?.writable ?? true,
      retry: {
        ...TURN_RETRY,
        onRetry: (error, retry) =>
          log.warn({ err: String(error), retry }, 'a turn’s transaction conflicted with another: run again'),
      },
      ...(transactions.writeTurn ? { writeTurn: transactions.writeTurn } : {}),
      onStatementFailed: (error) =>
        log.warn({ err: String(error) }, 'a turn’s statement failed: written again in a transaction'),
    });
    this.hooks = {
      storeFailed: (error) => storage?.report(error),
      // Kept only where a recovery will commit it again (without a storage health, taken back).
      keeps: (error) => storage !== undefined && refusalOf(error) === WRITE_DENIED_REASONS.unavailable,
      reloaded: (room) => this.notifyLoad(room),
      broken: (room) => {
        this.discard(room);
        this.log.warn({ room: room.name }, 'room dropped unsaved');
      },
    };
    const bus = options.bus;
    if (bus) {
      this.hooks.committed = (room, from, to, updates) => {
        // Committed whatever happens here: the others' tail check finds a turn never published.
        bus.publish(room.name, from, to, updates).catch((error: unknown) => {
          this.log.warn(
            { room: room.name, from, to, err: String(error) },
            'bus: a committed turn not published',
          );
        });
      };
      this.hooks.heldSeq = (room) => bus.applied(room.name);
      // What this node cannot share it does not take: writes are refused while Redis is away, and
      // taken again once the bus is back and every room caught up (then every peer is asked).
      bus.onConnection((up) => {
        if (up) storage?.release(BUS_CAUSE);
        else storage?.hold(BUS_CAUSE, WRITE_DENIED_REASONS.unavailable);
      });
      this.tailTimer = setInterval(() => void this.checkTails(), options.tailCheckMs ?? TAIL_CHECK_MS);
      this.tailTimer.unref();
    }
    // Writes are taken again: store what waited, then ask every client for what was refused.
    storage?.onRecovered(() => {
      this.flusher.resume();
      for (const room of this.rooms.values()) room.resync();
    });
  }

  get loaded(): number {
    return this.rooms.size;
  }

  /** How many loaded rooms have their document on a thread of its own. */
  get onThreads(): number {
    let count = 0;
    for (const room of this.rooms.values()) if (room.onOwnThread) count++;
    return count;
  }

  has(name: string): boolean {
    return this.rooms.has(name);
  }

  /** A loaded room's presence (this node's clients and, with a relay, the other nodes'). */
  presenceOf(name: string): PresenceTable | undefined {
    return this.rooms.get(name)?.presence;
  }

  /**
   * The room, loaded if it is not; rejects with `RoomDamaged` when its stored document cannot be
   * rebuilt (and at once for a room found damaged before).
   */
  acquire(name: string): Promise<Room> {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    const room = this.rooms.get(name);
    if (room) return Promise.resolve(room);
    const damaged = this.damaged.get(name);
    if (damaged) return Promise.reject(damaged);
    if (this.refuses(name)) return Promise.reject(new RoomDropped(name));
    let loading = this.loading.get(name);
    if (!loading) {
      loading = this.load(name);
      this.loading.set(name, loading);
      const done = () => {
        if (this.loading.get(name) === loading) this.loading.delete(name);
      };
      loading.then(done, done);
    }
    return loading;
  }

  private async load(name: string): Promise<Room> {
    const started = performance.now();
    // The hooks read what they need while the document loads.
    const prepared = Promise.all(this.loadHooks.map((hook) => hook(name)));
    prepared.catch(() => undefined);
    let room: Room;
    try {
      room = await this.open(name);
    } catch (error) {
      if (error instanceof RoomDamaged) {
        this.damaged.set(name, error);
        this.log.error(
          { room: name, err: error.message },
          'room damaged: refused until repaired or restored (docs/operations.md, "Disk and database faults")',
        );
      }
      this.notifyUnload(name);
      throw error;
    }
    try {
      await prepared;
    } catch (error) {
      room.destroy();
      this.notifyUnload(name);
      throw error;
    }
    // Dropped (its workshop deleted) while it loaded: it is never used.
    if (!this.loading.has(name)) {
      this.options.bus?.leave(name);
      room.destroy();
      this.notifyUnload(name);
      throw new RoomDropped(name);
    }
    this.rooms.set(name, room);
    this.log.info({ room: name, ms: Math.round(performance.now() - started) }, 'room loaded');
    this.notifyLoad(room);
    return room;
  }

  /**
   * Reads a room from the store. With a bus, the room joins it first (subscribe, then load: what
   * another node commits meanwhile comes over the bus or from the database, never falls between).
   */
  private async open(name: string): Promise<Room> {
    const open = () => Room.open(name, this.store, this.flusher, this.log, this.options, this.hooks);
    const bus = this.options.bus;
    if (!bus) return open();
    // The bus calls the sink only once the load resolved, so the room is there by then.
    const opened: { room?: Room } = {};
    const sink: RoomSink = {
      apply: (updates) => opened.room?.applyCommitted(updates),
      catchUp: async (after) => {
        const stored = await this.store.loadAfter(name, after);
        if (snapshotDamaged(stored)) throw new Error(`the snapshot of ${name} is not the one written`);
        opened.room?.applyCommitted(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
        return stored.lastSeq;
      },
    };
    await bus.join(name, sink, async () => {
      const room = await open();
      opened.room = room;
      return room.storedSeq;
    });
    if (!opened.room) throw new Error(`room ${name} joined the bus without loading`);
    return opened.room;
  }

  /**
   * Compares the loaded rooms' last stored numbers (one query) with what each holds, and has those
   * behind catch up: a turn another node committed but never published (it died in between, or
   * Redis lost the entry) is found here. Runs every `tailCheckMs` with a bus; resolves when done.
   */
  checkTails(): Promise<void> {
    const bus = this.options.bus;
    if (!bus || this.rooms.size === 0) return Promise.resolve();
    this.tailing ??= (async () => {
      try {
        const heads = await this.store.lastSeqs([...this.rooms.keys()]);
        await Promise.all([...heads].map(([name, seq]) => bus.tail(name, seq)));
      } catch (error) {
        this.log.warn({ err: String(error) }, 'bus: tail check failed');
      } finally {
        this.tailing = null;
      }
    })();
    return this.tailing;
  }

  /**
   * Calls `listener` with every room once it is loaded, before anyone syncs with it: a feature
   * that owns part of a document can check it and watch the room's changes to it.
   */
  onLoad(listener: (room: Room) => void): void {
    this.loadListeners.push(listener);
  }

  /**
   * Awaits `hook` with the room's name before every load, so that a load listener (synchronous)
   * finds what the hook read from a store; a hook that rejects fails the load.
   */
  beforeLoad(hook: (name: string) => Promise<void>): void {
    this.loadHooks.push(hook);
  }

  /**
   * Calls `listener` with the name of every room unloaded or dropped, and of every load that
   * failed or was dropped (its hooks may have kept something for it).
   */
  onUnload(listener: (name: string) => void): void {
    this.unloadListeners.push(listener);
  }

  /**
   * Keeps a room loaded while the caller reads it without being one of its peers; the room
   * is unloaded as usual once it has neither peers nor holders. Call `release` once.
   */
  async hold(name: string): Promise<{ room: Room; release(): void }> {
    const room = await this.acquire(name);
    this.holders.set(name, (this.holders.get(name) ?? 0) + 1);
    let released = false;
    return {
      room,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.holders.get(name) ?? 1) - 1;
        if (left > 0) this.holders.set(name, left);
        else this.holders.delete(name);
        if (room.size === 0) this.scheduleUnload(room);
      },
    };
  }

  /** Runs `fn` on a room's document, held loaded meanwhile; it unloads as usual afterwards. */
  async withDoc<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> {
    return this.withDocs([name], ([doc]) => fn(doc as Y.Doc));
  }

  /**
   * Runs `fn` on several rooms' documents at once (in the order named), all held loaded
   * meanwhile: `fn` itself is synchronous, so what it reads and writes is one consistent step.
   */
  async withDocs<T>(names: readonly string[], fn: (docs: Y.Doc[]) => T): Promise<T> {
    const held: { room: Room; release(): void }[] = [];
    try {
      for (const name of names) held.push(await this.hold(name));
      const lent = await Promise.all(held.map((h) => h.room.lend()));
      try {
        return fn(lent.map((l) => l.doc));
      } finally {
        await Promise.all(lent.map((l) => l.giveBack()));
      }
    } finally {
      for (const h of held) h.release();
    }
  }

  /**
   * Drops a workshop's rooms (as `drop`) and refuses to load any of them again: its deletion
   * calls it before it awaits the purge. Returns the names dropped.
   */
  retire(workshopId: string): string[] {
    this.retired.add(workshopId);
    return this.drop((name) => parseRoomName(name)?.workshopId === workshopId);
  }

  /**
   * Drops one room (as `drop`) and refuses to load it again, its workshop going on: an erasure
   * calls it for the person's drafts before it deletes their rows. Returns the names dropped.
   */
  retireRoom(name: string): string[] {
    this.retiredRooms.add(name);
    return this.drop((loaded) => loaded === name);
  }

  /** Whether `name` is refused (`retire`, `retireRoom`): what reads it finds nothing there. */
  refuses(name: string): boolean {
    const workshopId = parseRoomName(name)?.workshopId;
    return this.retiredRooms.has(name) || (workshopId !== undefined && this.retired.has(workshopId));
  }

  /**
   * Drops every loaded room whose name matches, at once and WITHOUT writing anything back: no
   * compaction, and the current turn's updates are not stored (the rooms' rows are being
   * deleted). Their sockets are the caller's to close; a room dropped is never unloaded again,
   * even when those sockets' close events arrive later. Returns the names dropped.
   */
  drop(matches: (name: string) => boolean): string[] {
    const dropped: string[] = [];
    const inFlight: Promise<unknown>[] = [this.flusher.settled(), this.dropsEnded];
    // A room still loading is dropped when its load ends.
    for (const [name, loading] of [...this.loading])
      if (matches(name)) {
        this.loading.delete(name);
        inFlight.push(loading);
      }
    for (const room of [...this.rooms.values()]) {
      if (!matches(room.name)) continue;
      this.flusher.forget(room);
      this.holders.delete(room.name);
      this.discard(room);
      inFlight.push(room.idle());
      dropped.push(room.name);
      this.log.info({ room: room.name }, 'room dropped');
    }
    this.dropsEnded = Promise.allSettled(inFlight);
    return dropped;
  }

  /**
   * Resolves once the writes already in flight when rooms were dropped have ended (stored or
   * not): the turn's transaction, their compactions, their loads. A purge awaits it first: on
   * PostgreSQL such a write could otherwise commit after the purge's deletion and leave rows of
   * what was deleted behind (on SQLite none is ever in flight).
   */
  dropsSettled(): Promise<void> {
    return this.dropsEnded.then(() => undefined);
  }

  /**
   * Stores what the current turn holds, then writes the room's whole state as one snapshot and
   * drops its log: what was deleted from the document (an erased person's notes) leaves the store.
   */
  async compactNow(name: string): Promise<void> {
    const held = await this.hold(name);
    try {
      await this.flusher.run();
      await held.room.compact();
    } finally {
      held.release();
    }
  }

  /** Called when a room's peer count dropped to zero (or its last holder let go). */
  scheduleUnload(room: Room): void {
    // A room dropped (deleted) or replaced since: nothing of it may be written again.
    if (this.rooms.get(room.name) !== room) return;
    if (this.unloadTimers.has(room.name)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.name);
      if (this.rooms.get(room.name) === room && room.size === 0 && !this.holders.has(room.name))
        void this.unload(room);
    }, this.options.graceMs);
    timer.unref();
    this.unloadTimers.set(room.name, timer);
  }

  /** Compacts and unloads every room (shutdown); resolves once they are written. */
  async closeAll(): Promise<void> {
    if (this.tailTimer) clearInterval(this.tailTimer);
    await Promise.allSettled([...this.loading.values()]);
    // Store and send what this turn still holds before the snapshots.
    await this.flusher.run();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room, true)));
  }

  private notifyLoad(room: Room): void {
    for (const listener of this.loadListeners) {
      try {
        listener(room);
      } catch (error) {
        this.log.error({ room: room.name, err: String(error) }, 'a room load listener failed');
      }
    }
  }

  /** Forgets a room without compacting it (deleted, or holding what could not be stored). */
  private discard(room: Room): void {
    const timer = this.unloadTimers.get(room.name);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(room.name);
    if (this.rooms.get(room.name) === room) {
      this.rooms.delete(room.name);
      this.options.bus?.leave(room.name);
    }
    room.destroy();
    this.notifyUnload(room.name);
  }

  private notifyUnload(name: string): void {
    for (const listener of this.unloadListeners) listener(name);
  }

  /** Compacts and forgets a room; unless `closing`, one taken again meanwhile stays. */
  private async unload(room: Room, closing = false): Promise<void> {
    if (this.rooms.get(room.name) !== room) return;
    try {
      await room.compact();
    } catch (error) {
      this.log.error({ room: room.name, err: String(error) }, 'compaction on unload failed');
      // A kept turn (the database unreachable) would go with the room: it stays loaded until stored.
      if (!closing && room.holdsUnstored && this.rooms.get(room.name) === room) {
        this.scheduleUnload(room);
        return;
      }
    }
    if (this.rooms.get(room.name) !== room) return;
    if (!closing && (room.size > 0 || this.holders.has(room.name))) return;
    room.destroy();
    this.rooms.delete(room.name);
    this.notifyUnload(room.name);
    this.options.bus?.leave(room.name);
    this.log.info({ room: room.name }, 'room unloaded');
  }
}
