import type * as Y from 'yjs';
import type { Logger } from '../log';
import type { DocStore } from '../store/docs';
import type { StorageHealth } from '../store/health';
import { Room, type RoomHooks, type RoomOptions } from './room';
import { RoomDamaged } from './stored-doc';
import { TurnFlusher } from './turn';

export interface RoomManagerOptions extends RoomOptions {
  /** How long an empty room stays loaded, so a reconnecting room doesn't reload from disk. */
  graceMs: number;
  /** Told how long each turn's storage transaction took (the commit latency metric). */
  onCommit?: (seconds: number) => void;
}

/**
 * Loads a room on its first connection and unloads it (after compacting) once the last
 * one has left and the grace period has passed.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Rooms kept loaded without a peer of their own (a board's connections read its control room). */
  private readonly holders = new Map<string, number>();
  /** One per server: every room's turn ends with the same commit-then-write pass. */
  private readonly flusher: TurnFlusher;
  private readonly loadListeners: ((room: Room) => void)[] = [];
  /**
   * Rooms whose stored document cannot be rebuilt: refused without reading them again, until
   * the server restarts (an operator repairs or restores them with the server stopped).
   */
  private readonly damaged = new Map<string, RoomDamaged>();
  private readonly hooks: RoomHooks;

  constructor(
    private readonly store: DocStore,
    private readonly log: Logger,
    private readonly options: RoomManagerOptions,
    storage?: StorageHealth,
  ) {
    this.flusher = new TurnFlusher(
      (work) => store.batch(work),
      (error) => {
        log.error({ err: String(error) }, 'a turn of updates could not be stored');
        storage?.report(error);
      },
      options.onCommit,
      () => storage?.writable ?? true,
    );
    this.hooks = {
      storeFailed: (error) => storage?.report(error),
      reloaded: (room) => this.notifyLoad(room),
      broken: (room) => {
        this.discard(room);
        this.log.warn({ room: room.name }, 'room dropped unsaved');
      },
    };
    // Writes are taken again: store what waited, then ask every client for what was refused.
    storage?.onRecovered(() => {
      this.flusher.resume();
      for (const room of this.rooms.values()) room.resync();
    });
  }

  get loaded(): number {
    return this.rooms.size;
  }

  has(name: string): boolean {
    return this.rooms.has(name);
  }

  acquire(name: string): Room {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    let room = this.rooms.get(name);
    if (!room) {
      const damaged = this.damaged.get(name);
      if (damaged) throw damaged;
      const started = performance.now();
      try {
        room = new Room(name, this.store, this.flusher, this.log, this.options, this.hooks);
      } catch (error) {
        if (error instanceof RoomDamaged) {
          this.damaged.set(name, error);
          this.log.error(
            { room: name, err: error.message },
            'room damaged: refused until repaired or restored (docs/operations.md, "Disk and database faults")',
          );
        }
        throw error;
      }
      this.rooms.set(name, room);
      this.log.info({ room: name, ms: Math.round(performance.now() - started) }, 'room loaded');
      this.notifyLoad(room);
    }
    return room;
  }

  /**
   * Calls `listener` with every room once it is loaded, before anyone syncs with it: a feature
   * that owns part of a document can check it and watch the room's changes to it.
   */
  onLoad(listener: (room: Room) => void): void {
    this.loadListeners.push(listener);
  }

  /**
   * Keeps a room loaded while the caller reads it without being one of its peers; the room
   * is unloaded as usual once it has neither peers nor holders. Call `release` once.
   */
  hold(name: string): { room: Room; release(): void } {
    const room = this.acquire(name);
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
  withDoc<T>(name: string, fn: (doc: Y.Doc) => T): T {
    const held = this.hold(name);
    try {
      return fn(held.room.doc);
    } finally {
      held.release();
    }
  }

  /**
   * Drops every loaded room whose name matches, at once and WITHOUT writing anything back: no
   * compaction, and the current turn's updates are not stored (the rooms' rows are being
   * deleted). Their sockets are the caller's to close; a room dropped is never unloaded again,
   * even when those sockets' close events arrive later. Returns the names dropped.
   */
  drop(matches: (name: string) => boolean): string[] {
    const dropped: string[] = [];
    for (const room of [...this.rooms.values()]) {
      if (!matches(room.name)) continue;
      this.flusher.forget(room);
      this.holders.delete(room.name);
      this.discard(room);
      dropped.push(room.name);
      this.log.info({ room: room.name }, 'room dropped');
    }
    return dropped;
  }

  /**
   * Stores what the current turn holds, then writes the room's whole state as one snapshot and
   * drops its log: what was deleted from the document (an erased person's notes) leaves the store.
   */
  compactNow(name: string): void {
    const held = this.hold(name);
    try {
      this.flusher.run();
      held.room.compact();
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
        this.unload(room);
    }, this.options.graceMs);
    timer.unref();
    this.unloadTimers.set(room.name, timer);
  }

  /** Compacts and unloads every room (shutdown). */
  closeAll(): void {
    // Store and send what this turn still holds before the snapshots.
    this.flusher.run();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    for (const room of [...this.rooms.values()]) this.unload(room);
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
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    room.destroy();
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.name) !== room) return;
    try {
      room.compact();
    } catch (error) {
      this.log.error({ room: room.name, err: String(error) }, 'compaction on unload failed');
    }
    room.destroy();
    this.rooms.delete(room.name);
    this.log.info({ room: room.name }, 'room unloaded');
  }
}
