import { WRITE_DENIED_REASONS } from '@atelier/shared';
import type { EditedItem } from '@atelier/shared/layout';
import * as Y from 'yjs';
import type { Logger } from '../log';
import type { DocStore } from '../store/docs';
import { isTransactionConflict } from '../store/health';
import type { JournalRow } from '../store/journal';
import type { DocTransactionStores, TurnShare } from '../store/transaction';
import { type DocHost, type LentDoc, LocalDocHost, type Refusal } from './doc-host';
import type { EditJournal, RoomJournal } from './edit-journal';
import { BIG_ROOM_TICK_MS, type HeldUpdate, INTEREST_FROM_PEOPLE, InterestRelay } from './interest';
import { encodePermissionDenied, encodeSyncStep1, encodeUpdate } from './messages';
import { type PresenceEntry, type PresenceLink, type PresenceRelay, PresenceTable } from './presence';
import { BUS_ORIGIN } from './room-bus';
import {
  type DocSlicer,
  type DocThreads,
  type HostedDoc,
  loadStoredDoc,
  type RebuiltDoc,
} from './stored-doc';
import { SyncReplies } from './sync-replies';
import type { TurnCommit, TurnFlusher } from './turn';
import type { WriteCheck } from './write-check';

/** What a room reads and compacts of its document (its appends go through the turn's transaction). */
export type RoomStore = Pick<DocStore, 'load' | 'compact'>;

/** Something in a room that receives its broadcasts (a socket connection). */
export interface Peer {
  /** Queues a frame; frames go out at the end of the event-loop turn. */
  send(message: Uint8Array): void;
  /** Closes the peer's socket (after a storage failure, so that it reconnects and resends). */
  close(code: number, reason: string): void;
  /** The awareness client id this peer speaks for (one per connection), removed when it leaves. */
  readonly awarenessClientId: number | null;
  /** The participant whose updates this peer sends (the edit journal's "who"); none for tests' peers. */
  readonly participantId?: string;
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
  /**
   * Whether a room's document is written when its workshop is created (board and control are
   * seeded): such a room with nothing stored has lost its snapshot and is damaged. None by default.
   */
  seeded?: (room: string) => boolean;
  /** Records who edited which board item when (docs/contract.md, "Who and when"); none by default. */
  journal?: EditJournal;
  /** Shares presence with the other nodes serving the room; none in the embedded mode. */
  presenceRelay?: PresenceRelay;
  /** Rebuilds big stored documents off the room's thread (the worker pool); none: always at once. */
  slicer?: DocSlicer;
  /** Where big documents live on threads of their own (thread-doc-host.ts); none: on the room's. */
  threads?: DocThreads;
}

/** What the room manager is told of a room's storage failures. */
export interface RoomHooks {
  /** The room's own append failed inside a turn that committed: the storage health goes down. */
  storeFailed?(error: unknown): void;
  /** The document was reloaded from the store: whoever watched the old one watches this one. */
  reloaded?(room: Room): void;
  /** Not even the reload worked: the room closed its peers and must be dropped unsaved. */
  broken?(room: Room): void;
  /**
   * Whether a turn that failed with `error` is kept for the next commit rather than taken back:
   * the database could not be reached (reloading would need it). None: always taken back.
   */
  keeps?(error: unknown): boolean;
  /** The room's turn `from..to` is committed (the room bus publishes it); not called for a failed one. */
  committed?(room: Room, from: number, to: number, updates: Uint8Array[]): void;
  /**
   * The last update number up to which the document holds every stored update, when the room
   * shares its document with other nodes (the bus's contiguous prefix: a hole below it is another
   * node's turn still on its way, which a snapshot must not drop); by default the last the room
   * stored or loaded.
   */
  heldSeq?(room: Room): number | undefined;
}

/** A sync reply taken from the live document while some of it was not committed yet. */
interface HeldReply {
  peer: Peer;
  stateVector: Uint8Array;
  frames: Uint8Array[];
  /** The document's version the frames hold everything up to (`SyncReplies.version`): sent once it is settled. */
  version: number;
}

interface Uncommitted {
  update: Uint8Array;
  message: Uint8Array;
  origin: unknown;
  /** What the edit journal records of it, written with it. */
  edits: JournalRow[] | null;
}

/**
 * One live Yjs document and the peers connected to it. Updates are appended to the store at
 * the end of the turn, *before* they are broadcast, so any update a client has received
 * survives a crash of the server. A turn that could not be stored is taken back: the document
 * is reloaded from the store, so that it holds only what is stored and its senders, told
 * `storage-full`, send it again later (docs/operations.md, "Disk and database faults").
 */
export class Room implements TurnCommit {
  /** The document, behind its host (doc-host.ts): every operation on it goes through this. */
  private host: DocHost;
  readonly presence = new PresenceTable();
  private readonly peers = new Set<Peer>();
  private replies: SyncReplies;
  private uncommitted: Uncommitted[] = [];
  /** Appended in the current turn's transaction, not yet known to be committed. */
  private committing: Uncommitted[] = [];
  /** How many times the document was replaced (a failed commit taken back). */
  private generation = 0;
  /**
   * The document's versions (`SyncReplies.version`) of the room's own updates applied and not yet
   * stored and settled, in order: a reply holding one of them waits.
   */
  private unsettled: number[] = [];
  /** Sync replies waiting for the commit of what they carry. */
  private held: HeldReply[] = [];
  private persistedSeq = 0;
  private persistError: unknown = null;
  private lastSeq = 0;
  private logBytes = 0;
  private snapshotBytes = 0;
  /** A stored update was left out at load: compact now, so that its row leaves the log. */
  private compactNow = false;
  /** After a failed compaction, the log weight at which to try again (not at every turn). */
  private compactAfter = 0;
  private presenceTimer: NodeJS.Timeout | null = null;
  private destroyed = false;
  /** Set while a failed turn is taken back (the document reloads); resolves when it is over. */
  private reloading: Promise<void> | null = null;
  /** Other nodes' updates that arrived meanwhile: applied to the reloaded document, not the old one. */
  private arrivedDuringReload: Uint8Array[][] | null = null;
  private lastPresenceFlush = Number.NEGATIVE_INFINITY;
  /** Past INTEREST_FROM_PEOPLE peers: who gets whose cursor (interest.ts); `null` below. */
  private interest: InterestRelay | null = null;
  /** Past INTEREST_FROM_PEOPLE peers, stored updates wait for the presence tick (`broadcastStored`). */
  private heldUpdates: HeldUpdate[] = [];
  private readonly journal: RoomJournal | null;
  private readonly presenceLink: PresenceLink | null;
  /** The last compaction asked for: one runs at a time, each after the one before. */
  private compaction: Promise<void> = Promise.resolve();

  /**
   * Reads the room's document from the store; rejects with `RoomDamaged` when the stored
   * document cannot be rebuilt (see `rebuildStoredDoc`).
   */
  static async open(
    name: string,
    store: RoomStore,
    flusher: TurnFlusher,
    log: Logger,
    options: RoomOptions,
    hooks: RoomHooks = {},
  ): Promise<Room> {
    const rebuilt = await loadStoredDoc(name, () => store.load(name), log, loadOptions(name, options));
    const room = new Room(name, rebuilt, store, flusher, log, options, hooks);
    if (room.needsCompaction()) await room.tryCompact('compaction on load failed');
    return room;
  }

  private constructor(
    readonly name: string,
    rebuilt: RebuiltDoc | HostedDoc,
    private readonly store: RoomStore,
    readonly flusher: TurnFlusher,
    private readonly log: Logger,
    private readonly options: RoomOptions,
    private readonly hooks: RoomHooks,
  ) {
    this.journal = options.journal?.room(name) ?? null;
    const loaded = this.adopt(rebuilt);
    this.host = loaded.host;
    this.replies = loaded.replies;
    // Once nothing can throw: a room that failed to load never joined. Other nodes' entries ask
    // for a flush like local ones: on an idle tick (its leading edge) they go out at once.
    this.presenceLink =
      options.presenceRelay?.join(name, this.presence, () => this.schedulePresence()) ?? null;
  }

  /** The number of the last update stored that the document holds (loaded or committed by this room). */
  get storedSeq(): number {
    return this.lastSeq;
  }

  /**
   * The room's document itself, for what observes a workshop's control document as it changes (the
   * votes' faces and timers, table seating, the board's write policy): a control room is small and
   * its document stays on the room's thread. A new one after a failed commit was taken back
   * (`RoomHooks.reloaded`). Anything else goes through the host: `lend` for the server's own reads
   * and writes.
   */
  get doc(): Y.Doc {
    if (this.host instanceof LocalDocHost) return this.host.doc;
    throw new Error(`the document of ${this.name} is on a thread of its own: lend it`);
  }

  /** Whether the document is on a thread of its own (a big board's, thread-doc-host.ts). */
  get onOwnThread(): boolean {
    return !(this.host instanceof LocalDocHost);
  }

  /** The document to read or change directly, given back once done (`DocHost.lend`). */
  lend(): Promise<LentDoc> {
    return this.host.lend();
  }

  get size(): number {
    return this.peers.size;
  }

  /** Whether the document holds updates of its own not stored yet (a kept turn, or the current one). */
  get holdsUnstored(): boolean {
    return this.uncommitted.length > 0 || this.committing.length > 0;
  }

  add(peer: Peer): void {
    this.peers.add(peer);
  }

  /** Removes a peer and its presence; returns how many peers remain. */
  remove(peer: Peer): number {
    this.peers.delete(peer);
    if (this.held.length > 0) this.held = this.held.filter((h) => h.peer !== peer);
    const id = peer.awarenessClientId;
    if (id !== null && this.presence.remove(id)) this.schedulePresence();
    return this.peers.size;
  }

  /**
   * Applies a client's V1 update unless the write rules refuse it (`check`; none: no rules).
   * Resolves to the refusal, or `null` once applied; rejects, applying nothing, on malformed input.
   */
  applyUpdate(update: Uint8Array, from: Peer, check?: WriteCheck): Promise<Refusal | null> {
    return this.host.apply(update, from, check);
  }

  /**
   * Applies updates another node committed (from the room bus, or read from the database to catch
   * up), in one transaction with `BUS_ORIGIN`: what was new goes to every peer and the sync-reply
   * cache, nothing is stored again. Throws, applying nothing, if one does not decode.
   */
  applyCommitted(updates: readonly Uint8Array[]): void {
    if (this.destroyed) return;
    for (const update of updates) Y.decodeUpdate(update);
    // The reload may have read the store before their commit: they go into the new document.
    if (this.arrivedDuringReload) {
      this.arrivedDuringReload.push([...updates]);
      return;
    }
    // A thread that fails closes the room (`hostFailed`): nothing more to do here.
    this.host.applyCommitted(updates).catch(() => {});
  }

  /** The frames answering a client's sync step 1, from the live document (committed or not). */
  async syncReply(stateVector: Uint8Array): Promise<Uint8Array[]> {
    return (await this.replies.reply(stateVector)).frames;
  }

  /** The document's state vector, for a connection's sync step 1. */
  stateVector(): Promise<Uint8Array> {
    return this.host.stateVector();
  }

  /**
   * Answers `peer`'s sync step 1. The live document may hold updates whose commit is in flight or
   * not started: then the reply waits for that commit and leaves when it settles, so a client never
   * holds what the store may still refuse. If the commit fails, the reply is answered again from
   * the stored document (docs/architecture.md, "Sync server").
   */
  async answerSyncStep1(stateVector: Uint8Array, peer: Peer): Promise<void> {
    const generation = this.generation;
    let reply: { frames: Uint8Array[]; version: number };
    try {
      reply = await this.replies.reply(stateVector);
    } catch {
      // The document's thread failed: the room closed its peers (`hostFailed`).
      return;
    }
    const { frames, version } = reply;
    if (this.destroyed) return;
    // Taken from a document replaced meanwhile (a failed commit taken back): answered from the new one.
    if (generation !== this.generation) return this.answerSyncStep1(stateVector, peer);
    if (this.settledUpTo(version)) {
      for (const frame of frames) peer.send(frame);
      return;
    }
    this.held.push({ peer, stateVector, frames, version });
  }

  /** Whether every own update the document held at `version` is stored and settled. */
  private settledUpTo(version: number): boolean {
    const first = this.unsettled[0];
    return first === undefined || first > version;
  }

  applyPresence(entries: readonly PresenceEntry[]): void {
    if (this.presence.apply(entries)) this.schedulePresence();
  }

  /** Who is here, for a peer that just arrived or asked; past the interest threshold without cursors. */
  presenceSnapshot(): Uint8Array | null {
    return this.presence.snapshot(this.interest === null);
  }

  /**
   * Appends this turn's updates through `tx`, the turn's transaction. Rejects only with a
   * transaction conflict, for the flusher to run the whole turn again (`again`: the same updates,
   * the journal's rows too, as that run was rolled back); any other error is the room's own.
   */
  async persist(tx: DocTransactionStores, again = false): Promise<void> {
    if (!this.takeTurn(again)) return;
    try {
      this.persistedSeq = await tx.docs.append(
        this.name,
        this.committing.map((u) => u.update),
      );
      this.persistError = null;
    } catch (error) {
      if (isTransactionConflict(error)) throw error;
      this.persistError = error;
      return;
    }
    // In the same transaction, after the updates: committed with them, before any broadcast. A
    // journal that cannot be written does not refuse the edits (the disk full aside, which rolls
    // the whole transaction back).
    const edits = this.turnEdits();
    if (edits.length === 0) return;
    try {
      await this.journal?.write(edits, tx.journal);
    } catch (error) {
      this.journal?.rolledBack();
      if (isTransactionConflict(error)) throw error;
      this.log.error({ room: this.name, err: String(error) }, 'edit journal not written');
    }
  }

  /** The turn in one statement (`TurnWriter`): what `persist` would write, to write with the other rooms'. */
  share(again: boolean): TurnShare | null {
    if (!this.takeTurn(again)) return null;
    const edits = this.turnEdits();
    return {
      doc: this.name,
      updates: this.committing.map((u) => u.update),
      journal: edits.length > 0 && this.journal ? this.journal.fresh(edits) : [],
    };
  }

  persisted(lastSeq: number): void {
    this.persistedSeq = lastSeq;
    this.persistError = null;
  }

  /** Takes the turn's updates; `false` if there are none. `again`: the turn's last run was rolled back. */
  private takeTurn(again: boolean): boolean {
    if (again) this.journal?.rolledBack();
    // A room the rolled-back run never reached takes its updates now.
    if (!again || this.committing.length === 0) {
      if (this.uncommitted.length === 0) return false;
      this.committing = this.uncommitted;
      this.uncommitted = [];
    }
    return true;
  }

  private turnEdits(): JournalRow[] {
    return this.journal ? this.committing.flatMap((u) => u.edits ?? []) : [];
  }

  /**
   * Once the turn's transaction is over: queues what was stored for every peer but its sender;
   * resolves once what was not stored is taken back (its frames queued in the same turn).
   */
  async settle(stored: boolean, failure?: unknown): Promise<void> {
    const batch = this.committing;
    if (batch.length === 0) {
      // The transaction failed before this room's turn was written (no connection): it waits for
      // the next one (once the storage takes writes again, `TurnFlusher.resume`).
      if (!stored && this.uncommitted.length > 0 && !this.destroyed) this.flusher.commit(this);
      return;
    }
    this.committing = [];
    if (!stored || this.persistError !== null) {
      this.journal?.rolledBack();
      const error = this.persistError ?? failure;
      if (this.hooks.keeps?.(error)) {
        this.keep(batch, error);
        return;
      }
      if (this.persistError !== null) this.hooks.storeFailed?.(this.persistError);
      await this.takeBack(batch);
      return;
    }
    this.lastSeq = this.persistedSeq;
    for (const { update, message, origin } of batch) {
      this.logBytes += update.byteLength;
      this.broadcastStored(message, update, origin);
    }
    this.unsettled.splice(0, batch.length);
    this.releaseHeld();
    // Before a compaction reads `heldSeq`: the bus counts this turn as held once it is published.
    this.hooks.committed?.(
      this,
      this.persistedSeq - batch.length + 1,
      this.persistedSeq,
      batch.map((u) => u.update),
    );
    if (this.needsCompaction()) void this.tryCompact('compaction failed');
  }

  /** Asks every peer for what it has that the room lacks (the storage takes writes again). */
  async resync(): Promise<void> {
    let stateVector: Uint8Array;
    try {
      stateVector = await this.host.stateVector();
    } catch {
      return; // The document's thread failed: the room closed its peers.
    }
    const step1 = encodeSyncStep1(stateVector);
    for (const peer of this.peers) peer.send(step1);
  }

  /**
   * Writes the whole document as one snapshot and drops the log behind it; rejects when the
   * store could not (its log is then kept). Compactions run one at a time, in order.
   */
  compact(): Promise<void> {
    const run = this.compaction.then(() => this.compactOnce());
    this.compaction = run.catch(() => undefined);
    return run;
  }

  /** Resolves once the compactions asked for so far are over (stored or not). */
  idle(): Promise<void> {
    return this.compaction;
  }

  private async compactOnce(): Promise<void> {
    // Never a snapshot of the document being replaced: it holds what is taken back.
    if (this.reloading) await this.reloading;
    if (
      !this.compactNow &&
      this.logBytes === 0 &&
      this.uncommitted.length === 0 &&
      this.committing.length === 0
    )
      return;
    // Read before the encode is asked: what is stored up to there is in the document already, or
    // queued to its host before the encode (the host runs calls in order).
    const uptoSeq = this.hooks.heldSeq?.(this) ?? this.lastSeq;
    const logBytes = this.logBytes;
    const generation = this.generation;
    const state = await this.host.encodeState();
    // The document was replaced meanwhile: this one held what was taken back. The next turn compacts.
    if (generation !== this.generation) return;
    const snapshot = state.update;
    // A full-state encode of the document: the fresh clients' reply, stored or not.
    this.replies.rebase(state);
    await this.store.compact(this.name, snapshot, uptoSeq);
    // What is still uncommitted is in the snapshot but keeps its place in the log; what was
    // stored while the snapshot was written stays in the log after it.
    this.logBytes = Math.max(0, this.logBytes - logBytes);
    this.compactNow = false;
    this.compactAfter = 0;
    this.snapshotBytes = snapshot.byteLength;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceLink?.leave();
    this.presence.detach();
    this.heldUpdates = [];
    this.host.destroy();
    this.peers.clear();
    this.held = [];
  }

  /** Reads the stored document again into a fresh one; rejects with `RoomDamaged` when it cannot be rebuilt. */
  private async rebuild(): Promise<{ host: DocHost; replies: SyncReplies }> {
    const { name, log, options, store } = this;
    return this.adopt(await loadStoredDoc(name, () => store.load(name), log, loadOptions(name, options)));
  }

  /** Takes a rebuilt document as the room's: its log's weight, its sync replies, its updates watched. */
  private adopt(rebuilt: RebuiltDoc | HostedDoc): { host: DocHost; replies: SyncReplies } {
    this.lastSeq = rebuilt.lastSeq;
    this.snapshotBytes = rebuilt.snapshotBytes;
    this.logBytes = rebuilt.updates.reduce((sum, u) => sum + u.byteLength, 0);
    this.compactNow = rebuilt.skipped > 0;
    this.compactAfter = 0;
    const host =
      'thread' in rebuilt
        ? rebuilt.thread.attach(this.onDocUpdate, (error) => this.hostFailed(rebuilt.thread, error))
        : new LocalDocHost(rebuilt.doc, this.onDocUpdate, this.journal !== null);
    // The stored snapshot is a full-state encode already: the first joiner costs no encode.
    const replies = new SyncReplies(
      (stateVector) => host.encodeState(stateVector),
      rebuilt.snapshotStep2,
      rebuilt.updates.map(encodeUpdate),
    );
    return { host, replies };
  }

  /**
   * A turn's updates were not stored. Nobody was sent them; the document, which already holds
   * them, is replaced by the stored one, so that it holds only what is stored. Their senders are
   * told `storage-full` and every peer is asked for what it has that the room lacks: while writes
   * are refused that is refused again (the clients keep it), and once they are taken it is stored.
   */
  private async takeBack(batch: readonly Uncommitted[]): Promise<void> {
    let reloaded = () => {};
    this.reloading = new Promise((resolve) => {
      reloaded = resolve;
    });
    this.arrivedDuringReload = [];
    try {
      await this.reload(batch);
    } finally {
      this.arrivedDuringReload = null;
      this.reloading = null;
      reloaded();
    }
  }

  private async reload(batch: readonly Uncommitted[]): Promise<void> {
    this.log.error(
      { room: this.name, updates: batch.length, err: String(this.persistError ?? 'transaction failed') },
      'updates not stored: taken back, their senders told storage-full',
    );
    this.persistError = null;
    let loaded: { host: DocHost; replies: SyncReplies };
    try {
      loaded = await this.rebuild();
    } catch (error) {
      this.shut('room not reloaded after a failed commit: closed', error, 'storage failure');
      return;
    }
    const old = this.host;
    this.host = loaded.host;
    this.replies = loaded.replies;
    this.generation++;
    // Updates the server made meanwhile were in the old document; they are gone with it.
    this.uncommitted = [];
    this.unsettled = [];
    old.destroy();
    const arrived = this.arrivedDuringReload ?? [];
    this.arrivedDuringReload = null;
    for (const updates of arrived) this.applyCommitted(updates);
    this.hooks.reloaded?.(this);
    // The replies held were taken from what is now taken back: answered again from what is stored.
    // (A stock y-websocket client sends its sync step 1 only when it connects: without an answer
    // it would never count itself synced, and a sync step 1 of ours brings it nothing.) Taken
    // now: a reply in flight meanwhile sees the new generation and answers itself again.
    const held = this.held;
    this.held = [];
    let stateVector: Uint8Array;
    try {
      stateVector = await this.host.stateVector();
    } catch {
      return; // Its thread failed: the room is closed (`hostFailed`).
    }
    const step1 = encodeSyncStep1(stateVector);
    const denied = encodePermissionDenied(WRITE_DENIED_REASONS.storageFull);
    const senders = new Set(batch.map((u) => u.origin));
    for (const peer of this.peers) if (senders.has(peer)) peer.send(denied);
    for (const peer of this.peers) peer.send(step1);
    for (const { peer, stateVector } of held) void this.answerSyncStep1(stateVector, peer);
  }

  /**
   * A turn whose commit could not reach the database stays in the document, unbroadcast, before
   * what came after it: it is committed again with the next turn the flusher runs (once the
   * storage takes writes again), then broadcast. The replies held for it stay held. If its
   * COMMIT did reach the database, it is stored twice: Yjs applies an update once.
   */
  private keep(batch: readonly Uncommitted[], error: unknown): void {
    this.persistError = null;
    this.uncommitted = [...batch, ...this.uncommitted];
    this.log.error(
      { room: this.name, updates: batch.length, err: String(error) },
      'updates not stored: the database cannot be reached, kept until it can',
    );
    this.hooks.storeFailed?.(error);
    // A room dropped meanwhile (its workshop deleted) stores nothing again.
    if (!this.destroyed) this.flusher.commit(this);
  }

  /** The document's thread failed (the room's current one, not one replaced meanwhile): the room closes. */
  private hostFailed(host: DocHost, error: Error): void {
    if (host !== this.host || this.destroyed) return;
    this.shut('the room’s document thread failed: closed', error, 'document thread failure');
  }

  /**
   * The room cannot go on: its peers are closed (they reconnect, and the room loads again from
   * what is stored) and the room manager drops it unsaved.
   */
  private shut(what: string, error: unknown, reason: string): void {
    this.log.error({ room: this.name, err: String(error) }, what);
    this.held = [];
    for (const peer of this.peers) peer.close(1011, reason);
    this.hooks.broken?.(this);
  }

  /** Sends the held replies whose content is all settled now, in the order they were asked. */
  private releaseHeld(): void {
    if (this.held.length === 0) return;
    const waiting: HeldReply[] = [];
    for (const reply of this.held) {
      if (!this.settledUpTo(reply.version)) waiting.push(reply);
      else for (const frame of reply.frames) reply.peer.send(frame);
    }
    this.held = waiting;
  }

  private async tryCompact(what: string): Promise<void> {
    if (!this.needsCompaction()) return;
    try {
      await this.compact();
    } catch (error) {
      // The compaction's transaction was rolled back: the log it was to replace is still there.
      this.compactNow = false;
      this.compactAfter = this.logBytes + this.options.compactLogBytes;
      this.log.error({ room: this.name, err: String(error) }, `${what}: the log is kept`);
    }
  }

  private needsCompaction(): boolean {
    if (this.compactNow) return true;
    return this.logBytes >= Math.max(this.options.compactLogBytes, this.snapshotBytes, this.compactAfter);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown, edited: EditedItem[] | null): void => {
    const message = encodeUpdate(update);
    this.replies.push(message);
    if (origin === BUS_ORIGIN) {
      // Committed by another node: to every peer (on the tick in a big room), and part of the
      // stored log for compaction.
      this.logBytes += update.byteLength;
      this.broadcastStored(message, update, null);
      return;
    }
    this.unsettled.push(this.replies.version);
    this.uncommitted.push({ update, message, origin, edits: this.journal?.edits(origin, edited) ?? null });
    this.flusher.commit(this);
  };

  /** Leading edge, then at most once per tick: a lone pointer move goes out at once. */
  private schedulePresence(): void {
    if (this.presenceTimer) return;
    const wait = Math.max(0, this.lastPresenceFlush + this.tickMs() - performance.now());
    this.presenceTimer = setTimeout(this.flushPresence, wait);
  }

  /** The presence tick: longer in a big room (`BIG_ROOM_TICK_MS`), where each tick costs every socket a write. */
  private tickMs(): number {
    const tick = this.options.presenceTickMs;
    // 0 (tests): no merging at all, whatever the size.
    return tick > 0 && this.peers.size > INTEREST_FROM_PEOPLE ? Math.max(tick, BIG_ROOM_TICK_MS) : tick;
  }

  // Sent to everyone, the sender too: the stock client counts any message as a sign of life,
  // and one buffer for all costs less than one per receiver.
  private readonly flushPresence = (): void => {
    this.presenceTimer = null;
    const now = performance.now();
    this.lastPresenceFlush = now;
    const held = this.heldUpdates;
    this.heldUpdates = [];
    if (this.peers.size > INTEREST_FROM_PEOPLE) {
      if (!this.interest) this.interest = InterestRelay.showingAll(this.presence);
      this.interest.relay(this.presence, this.presence.takePending(), this.peers, now, held);
      if (this.interest.waiting) this.schedulePresence();
      return;
    }
    // Back under the threshold: whatever the audience still waited for goes first.
    this.interest?.drainAudience(this.peers);
    for (const { message, origin } of held) this.broadcast(message, origin);
    this.interest = null;
    const message = this.presence.takeChanges();
    if (message) this.broadcast(message, null);
  };

  /**
   * A stored update goes to every peer but its sender. In a room past INTEREST_FROM_PEOPLE it
   * waits for the presence tick (at most `BIG_ROOM_TICK_MS`), so that each socket gets one write
   * per tick whatever the number of people editing: the writes, not the bytes, are what a
   * big room costs.
   */
  private broadcastStored(message: Uint8Array, update: Uint8Array, origin: unknown): void {
    if (this.peers.size <= INTEREST_FROM_PEOPLE) {
      this.broadcast(message, origin);
      return;
    }
    this.heldUpdates.push({ message, update, origin });
    this.schedulePresence();
  }

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }
}

/** How a room's stored document is rebuilt (`loadStoredDoc`), from the room's options. */
function loadOptions(name: string, options: RoomOptions) {
  return {
    seeded: options.seeded?.(name) ?? false,
    slicer: options.slicer,
    threads: options.threads,
    tracksEdits: options.journal !== undefined,
  };
}
