import * as Y from 'yjs';
import { encodeSyncStep2Update } from './messages';

/** Updates kept to follow a cached reply; past this a reply is encoded afresh. */
const MAX_RECENT_UPDATES = 256;
/** …and their weight, at least this or a quarter of the full state (small documents re-encode cheaply). */
const MIN_RECENT_BYTES = 64 * 1024;
/** Distinct state vectors whose reply is kept (the clients of a reconnecting room share a few). */
const MAX_CACHED_DIFFS = 16;

interface CachedReply {
  /** The sync step 2 frame. */
  step2: Uint8Array;
  /** How many updates the document had applied when it was encoded. */
  at: number;
}

/**
 * Answers sync step 1 without encoding the document for every client. A reply, once encoded,
 * is kept with the version of the document it was encoded at; the next client with the same
 * state vector gets the update messages applied since, then it (Yjs skips what a
 * client already has, so overlap is harmless). A fresh client's reply is the full state —
 * right after a load, the stored snapshot itself. So 45 people joining a 20k-note board cost
 * one encode, not 45, and a room that keeps editing does not re-encode on every update.
 */
export class SyncReplies {
  private version = 0;
  private recent: Uint8Array[] = [];
  private recentBytes = 0;
  private full: CachedReply | null = null;
  private readonly diffs = new Map<string, CachedReply>();

  /**
   * `snapshotStep2` is a stored full-state update as a sync step 2 (`encodeSyncStep2Update`) and
   * `after` the update messages stored after it.
   */
  constructor(
    private readonly doc: Y.Doc,
    snapshotStep2: Uint8Array | null = null,
    after: readonly Uint8Array[] = [],
  ) {
    if (snapshotStep2) this.full = { step2: snapshotStep2, at: 0 };
    for (const message of after) this.push(message);
  }

  /** Records the broadcast message of an update the document just applied. */
  push(message: Uint8Array): void {
    this.version++;
    this.recent.push(message);
    this.recentBytes += message.byteLength;
    const maxBytes = Math.max(MIN_RECENT_BYTES, (this.full?.step2.byteLength ?? 0) / 4);
    while (this.recent.length > MAX_RECENT_UPDATES || this.recentBytes > maxBytes) {
      this.recentBytes -= (this.recent.shift() as Uint8Array).byteLength;
    }
  }

  /** Takes `snapshot`, a full-state encode of the document as it is now, as the fresh clients' reply. */
  rebase(snapshot: Uint8Array): void {
    this.full = { step2: encodeSyncStep2Update(snapshot), at: this.version };
  }

  /** The frames answering a sync step 1 carrying `stateVector`: the updates since a cached reply, then that sync step 2. */
  reply(stateVector: Uint8Array): Uint8Array[] {
    // An empty state vector (a fresh client) is the single byte 0.
    const fresh = stateVector.byteLength === 1 && stateVector[0] === 0;
    const key = fresh ? '' : Buffer.from(stateVector).toString('latin1');
    const cached = fresh ? this.full : this.diffs.get(key);
    const since = cached ? this.since(cached.at) : null;
    // The updates go first: a client counts itself synced on the step 2, and the board it then
    // shows (and fits the view to) must hold them. Yjs keeps them pending until the step 2.
    if (cached && since) return [...since, cached.step2];
    const update = fresh ? Y.encodeStateAsUpdate(this.doc) : Y.encodeStateAsUpdate(this.doc, stateVector);
    const entry = { step2: encodeSyncStep2Update(update), at: this.version };
    if (fresh) this.full = entry;
    else {
      if (this.diffs.size >= MAX_CACHED_DIFFS) this.diffs.delete(this.diffs.keys().next().value as string);
      this.diffs.set(key, entry);
    }
    return [entry.step2];
  }

  /** The update messages applied after version `at`, or `null` if they are no longer kept. */
  private since(at: number): Uint8Array[] | null {
    const first = this.version - this.recent.length;
    return at >= first ? this.recent.slice(at - first) : null;
  }
}
