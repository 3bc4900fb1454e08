import * as Y from 'yjs';
import type { Logger } from '../log';
import type { DocStore } from '../store/docs';
import { encodeUpdate } from './messages';
import { type PresenceEntry, PresenceTable } from './presence';
import { SyncReplies } from './sync-replies';
import type { TurnCommit, TurnFlusher } from './turn';

/** Something in a room that receives its broadcasts (a socket connection). */
export interface Peer {
  /** Queues a frame; frames go out at the end of the event-loop turn. */
  send(message: Uint8Array): void;
  /** Closes the peer's socket (after a storage failure, so that it reconnects and resends). */
  close(code: number, reason: string): void;
  /** The awareness client id this peer speaks for (one per connection), removed when it leaves. */
  readonly awarenessClientId: number | null;
}

export interface RoomOptions {
  /**
   * Compact the stored log into a snapshot once it weighs this many bytes, or the size of
   * the last snapshot if that is larger: the stored size stays within twice a fresh encode,
   * and a big board is not re-encoded every few hundred small updates.
   */
  compactLogBytes: number;
  /** Presence changes are merged and sent at most once per this many milliseconds. */
  presenceTickMs: number;
}

interface Uncommitted {
  update: Uint8Array;
  message: Uint8Array;
  origin: unknown;
}

/**
 * One live Yjs document and the peers connected to it. Updates are appended to the store at
 * the end of the turn, *before* they are broadcast, so any update a client has received
 * survives a crash of the server.
 */
export class Room implements TurnCommit {
  readonly doc = new Y.Doc();
  readonly presence = new PresenceTable();
  private readonly peers = new Set<Peer>();
  private readonly replies: SyncReplies;
  private uncommitted: Uncommitted[] = [];
  /** Appended in the current turn's transaction, not yet known to be committed. */
  private committing: Uncommitted[] = [];
  private persistedSeq = 0;
  private persistError: unknown = null;
  private lastSeq: number;
  private logBytes: number;
  private snapshotBytes: number;
  private presenceTimer: NodeJS.Timeout | null = null;
  private lastPresenceFlush = Number.NEGATIVE_INFINITY;

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    readonly flusher: TurnFlusher,
    private readonly log: Logger,
    private readonly options: RoomOptions,
  ) {
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
    this.snapshotBytes = stored.snapshot?.byteLength ?? 0;
    this.logBytes = stored.updates.reduce((sum, u) => sum + u.byteLength, 0);
    // The stored snapshot is a full-state encode already: the first joiner costs no encode.
    this.replies = new SyncReplies(this.doc, stored.snapshot, stored.updates.map(encodeUpdate));
    this.doc.on('update', this.onDocUpdate);
    if (this.needsCompaction()) this.compact();
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
    if (id !== null && this.presence.remove(id)) this.schedulePresence();
    return this.peers.size;
  }

  /** Applies a client's V1 update; throws on malformed input. */
  applyUpdate(update: Uint8Array, from: Peer): void {
    Y.applyUpdate(this.doc, update, from);
  }

  /** The frames answering a client's sync step 1. */
  syncReply(stateVector: Uint8Array): Uint8Array[] {
    return this.replies.reply(stateVector);
  }

  applyPresence(entries: readonly PresenceEntry[]): void {
    if (this.presence.apply(entries)) this.schedulePresence();
  }

  /** Appends this turn's updates, inside the turn's transaction. */
  persist(): void {
    if (this.uncommitted.length === 0) return;
    this.committing = this.uncommitted;
    this.uncommitted = [];
    try {
      this.persistedSeq = this.store.append(
        this.name,
        this.committing.map((u) => u.update),
      );
      this.persistError = null;
    } catch (error) {
      this.persistError = error;
    }
  }

  /** Once the turn's transaction is over: queues what was stored for every peer but its sender. */
  settle(stored: boolean): void {
    const batch = this.committing;
    if (batch.length === 0) return;
    this.committing = [];
    if (!stored || this.persistError !== null) {
      // Not broadcast: nobody is shown what was not stored. The room's document holds the
      // updates and the next snapshot (compaction or unload) writes them; their senders are
      // closed so that they reconnect, and see whether the server has recovered.
      this.log.error(
        { room: this.name, err: String(this.persistError ?? 'transaction failed') },
        'updates not stored',
      );
      for (const { origin } of batch)
        if (this.peers.has(origin as Peer)) (origin as Peer).close(1011, 'storage failure');
      this.logBytes = Number.POSITIVE_INFINITY;
      return;
    }
    this.lastSeq = this.persistedSeq;
    for (const { update, message, origin } of batch) {
      this.logBytes += update.byteLength;
      this.broadcast(message, origin);
    }
    if (this.needsCompaction()) {
      try {
        this.compact();
      } catch (error) {
        this.log.error({ room: this.name, err: String(error) }, 'compaction failed');
      }
    }
  }

  /** Writes the whole document as one snapshot and drops the log behind it. */
  compact(): void {
    if (this.logBytes === 0 && this.uncommitted.length === 0 && this.committing.length === 0) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    this.store.compact(this.name, snapshot, this.lastSeq);
    // What is still uncommitted is in the snapshot but keeps its place in the log.
    this.logBytes = 0;
    this.snapshotBytes = snapshot.byteLength;
    this.replies.rebase(snapshot);
  }

  destroy(): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.doc.off('update', this.onDocUpdate);
    this.doc.destroy();
    this.peers.clear();
  }

  private needsCompaction(): boolean {
    return this.logBytes >= Math.max(this.options.compactLogBytes, this.snapshotBytes);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const message = encodeUpdate(update);
    this.replies.push(message);
    this.uncommitted.push({ update, message, origin });
    this.flusher.commit(this);
  };

  /** Leading edge, then at most once per tick: a lone pointer move goes out at once. */
  private schedulePresence(): void {
    if (this.presenceTimer) return;
    const wait = Math.max(0, this.lastPresenceFlush + this.options.presenceTickMs - performance.now());
    this.presenceTimer = setTimeout(this.flushPresence, wait);
  }

  // Sent to everyone, the sender too: the stock client counts any message as a sign of life,
  // and one buffer for all costs less than one per receiver.
  private readonly flushPresence = (): void => {
    this.presenceTimer = null;
    this.lastPresenceFlush = performance.now();
    const message = this.presence.takeChanges();
    if (message) this.broadcast(message, null);
  };

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }
}
