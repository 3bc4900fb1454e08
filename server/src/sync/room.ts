import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../log';
import type { DocStore } from '../store/docs';
import { encodeAwareness, encodeUpdate } from './messages';

/** Storing an update failed (disk full, I/O error): the update was neither kept nor broadcast. */
export class PersistError extends Error {
  constructor(room: string, cause: unknown) {
    super(`could not store an update of ${room}: ${String(cause)}`, { cause });
    this.name = 'PersistError';
  }
}

/** Something in a room that receives its broadcasts (a socket connection). */
export interface Peer {
  send(message: Uint8Array): void;
  /** The awareness client id this peer speaks for (one per connection), removed when it leaves. */
  readonly awarenessClientId: number | null;
}

export interface RoomOptions {
  /** Compact the stored log into a snapshot after this many appended updates. */
  compactEvery: number;
}

/**
 * One live Yjs document and the peers connected to it. Every update that changes the
 * document is appended to the store *before* it is broadcast, so any update a client has
 * received survives a crash of the server.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly peers = new Set<Peer>();
  private lastSeq: number;
  private appendedSinceSnapshot: number;

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly log: Logger,
    private readonly options: RoomOptions,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    const stored = store.load(name);
    this.doc.transact(() => {
      for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
        try {
          Y.applyUpdate(this.doc, update);
        } catch (error) {
          log.error({ room: name, err: String(error) }, 'stored update could not be applied');
        }
      }
    });
    this.lastSeq = stored.lastSeq;
    this.appendedSinceSnapshot = stored.updates.length;
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    if (this.appendedSinceSnapshot >= options.compactEvery) this.compact();
  }

  get size(): number {
    return this.peers.size;
  }

  add(peer: Peer): void {
    this.peers.add(peer);
  }

  /** Removes a peer and its presence; returns how many peers remain. */
  remove(peer: Peer): number {
    this.peers.delete(peer);
    const id = peer.awarenessClientId;
    if (id !== null && this.awareness.states.has(id)) removeAwarenessStates(this.awareness, [id], peer);
    return this.peers.size;
  }

  /** Applies a client's V1 update; throws on malformed input. */
  applyUpdate(update: Uint8Array, from: Peer): void {
    Y.applyUpdate(this.doc, update, from);
  }

  applyAwareness(update: Uint8Array, from: Peer): void {
    applyAwarenessUpdate(this.awareness, update, from);
  }

  /** The whole presence of the room, for a peer that just arrived; `null` when empty. */
  awarenessSnapshot(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)) : null;
  }

  /** Writes the whole document as one snapshot and drops the log behind it. */
  compact(): void {
    if (this.appendedSinceSnapshot === 0) return;
    this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
    this.appendedSinceSnapshot = 0;
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.peers.clear();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Commit first: a crash after this line loses nothing anyone has seen.
    try {
      this.lastSeq = this.store.append(this.name, update);
    } catch (error) {
      // Not broadcast: nobody is shown what was not stored. The room's document holds it
      // and the next snapshot (compaction or unload) writes it.
      this.appendedSinceSnapshot++;
      throw new PersistError(this.name, error);
    }
    this.appendedSinceSnapshot++;
    this.broadcast(encodeUpdate(update), origin);
    if (this.appendedSinceSnapshot >= this.options.compactEvery) {
      try {
        this.compact();
      } catch (error) {
        this.log.error({ room: this.name, err: String(error) }, 'compaction failed');
      }
    }
  };

  // Sent to everyone, the sender too: the stock client counts any message as a sign of life.
  private readonly onAwarenessUpdate = ({
    added,
    updated,
    removed,
  }: {
    added: number[];
    updated: number[];
    removed: number[];
  }): void => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    this.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, changed)), null);
  };

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }
}
