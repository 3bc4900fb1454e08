import type { EncodedState } from './doc-host';
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
  /** How many updates the document had applied (those stored after the snapshot, then each pushed). */
  private applied = 0;
  /** `applied` when the host began counting its changes (it counts from 0). */
  private readonly hostBase: number;
  private recent: Uint8Array[] = [];
  private recentBytes = 0;
  private full: CachedReply | null = null;
  private readonly diffs = new Map<string, CachedReply>();
  /** The encodes under way, by state vector ('' for a fresh client's). */
  private readonly encoding = new Map<string, Promise<CachedReply>>();

  /**
   * `snapshotStep2` is a stored full-state update as a sync step 2 (`encodeSyncStep2Update`) and
   * `after` the update messages stored after it.
   */
  constructor(
    /**
     * The document's state as a V1 update, all of it or what `stateVector` lacks, and how many
     * changes its host had reported then (`DocHost.encodeState`): each is pushed here.
     */
    private readonly encode: (stateVector?: Uint8Array) => Promise<EncodedState>,
    snapshotStep2: Uint8Array | null = null,
    after: readonly Uint8Array[] = [],
  ) {
    if (snapshotStep2) this.full = { step2: snapshotStep2, at: 0 };
    for (const message of after) this.push(message);
    this.hostBase = this.applied;
  }

  /** How many updates the document has applied: a reply covers them up to its own `version`. */
  get version(): number {
    return this.applied;
  }

  /** Records the broadcast message of an update the document just applied. */
  push(message: Uint8Array): void {
    this.applied++;
    this.recent.push(message);
    this.recentBytes += message.byteLength;
    const maxBytes = Math.max(MIN_RECENT_BYTES, (this.full?.step2.byteLength ?? 0) / 4);
    while (this.recent.length > MAX_RECENT_UPDATES || this.recentBytes > maxBytes) {
      this.recentBytes -= (this.recent.shift() as Uint8Array).byteLength;
    }
  }

  /** Takes `state`, a full-state encode of the document (`DocHost.encodeState`), as the fresh clients' reply. */
  rebase(state: EncodedState): void {
    const at = this.hostBase + state.changes;
    // A fresh client's encode may have come back meanwhile: the later one stays.
    if (!this.full || this.full.at <= at)
      this.full = { step2: state.step2 ?? encodeSyncStep2Update(state.update), at };
  }

  /**
   * The frames answering a sync step 1 carrying `stateVector` — the updates since a cached reply,
   * then that sync step 2 — and the document's version they hold everything up to: at least the
   * version it was asked at. Clients asking while the same encode is under way share it.
   */
  async reply(stateVector: Uint8Array): Promise<{ frames: Uint8Array[]; version: number }> {
    const asked = this.applied;
    // An empty state vector (a fresh client) is the single byte 0.
    const fresh = stateVector.byteLength === 1 && stateVector[0] === 0;
    const key = fresh ? '' : Buffer.from(stateVector).toString('latin1');
    let cached = fresh ? this.full : this.diffs.get(key);
    if (!cached || !this.since(cached.at, asked)) {
      let encoding = this.encoding.get(key);
      if (!encoding) {
        encoding = this.encodeReply(fresh ? undefined : stateVector, key);
        this.encoding.set(key, encoding);
      }
      cached = await encoding;
    }
    // The updates go first: a client counts itself synced on the step 2, and the board it then
    // shows (and fits the view to) must hold them. Yjs keeps them pending until the step 2. (Those
    // no longer kept reach the client anyway: it is in the room, and they were broadcast.)
    const since = cached.at < asked ? this.since(cached.at, asked) : null;
    if (!since) return { frames: [cached.step2], version: cached.at };
    return { frames: [...since, cached.step2], version: asked };
  }

  /** Encodes the reply for `stateVector` (none: a fresh client) and keeps it. */
  private async encodeReply(stateVector: Uint8Array | undefined, key: string): Promise<CachedReply> {
    try {
      const state = await this.encode(stateVector);
      const entry = {
        step2: state.step2 ?? encodeSyncStep2Update(state.update),
        at: this.hostBase + state.changes,
      };
      if (!stateVector) {
        // A compaction's encode may have come back meanwhile: the later one stays.
        if (!this.full || this.full.at <= entry.at) this.full = entry;
      } else {
        if (this.diffs.size >= MAX_CACHED_DIFFS) this.diffs.delete(this.diffs.keys().next().value as string);
        this.diffs.set(key, entry);
      }
      return entry;
    } finally {
      this.encoding.delete(key);
    }
  }

  /** The update messages applied after version `at` up to version `upTo`, or `null` if they are no longer kept. */
  private since(at: number, upTo: number): Uint8Array[] | null {
    const first = this.applied - this.recent.length;
    return at >= first ? this.recent.slice(at - first, upTo - first) : null;
  }
}
