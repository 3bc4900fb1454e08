import * as Y from 'yjs';
import { encodeSyncStep2Update } from './messages';

/** Rebase once the tail holds this many updates: a joiner gets them as separate frames. */
const MAX_TAIL_UPDATES = 256;
/** …or once the tail weighs this share of the base (small documents re-encode cheaply). */
const MAX_TAIL_SHARE = 0.25;
const MIN_TAIL_BYTES = 16 * 1024;
/** Distinct state vectors whose diff is kept (a reconnecting room shares a few). */
const MAX_CACHED_DIFFS = 16;

/**
 * Answers sync step 1 without encoding the whole document for every client. It keeps one
 * full-state encode (the base) and the update messages applied after it (the tail); a
 * client gets the base, or the base's diff against its state vector, then the tail. Yjs
 * skips what a client already has, so overlap is harmless. The base is re-encoded only when
 * a client asks and the tail has grown: a room of 45 joining a 20k-note board costs one
 * encode, not 45, and a room that keeps editing does not re-encode on every update.
 */
export class SyncReplies {
  private base: Uint8Array | null;
  private tail: Uint8Array[];
  private tailBytes = 0;
  private readonly diffs = new Map<string, Uint8Array>();

  /** `base` is a stored full-state update (a snapshot) and `tail` the update messages after it. */
  constructor(
    private readonly doc: Y.Doc,
    base: Uint8Array | null = null,
    tail: Uint8Array[] = [],
  ) {
    this.base = base;
    this.tail = base ? tail : [];
    for (const message of this.tail) this.tailBytes += message.byteLength;
  }

  /** Records the broadcast message of an update the document just applied. */
  push(message: Uint8Array): void {
    if (this.base === null) return;
    this.tail.push(message);
    this.tailBytes += message.byteLength;
  }

  /** Takes `base` (a full-state encode of the document as it is now) as the new base. */
  rebase(base: Uint8Array = Y.encodeStateAsUpdate(this.doc)): void {
    this.base = base;
    this.tail = [];
    this.tailBytes = 0;
    this.diffs.clear();
  }

  /** The frames answering a sync step 1 carrying `stateVector`: a sync step 2, then the tail. */
  reply(stateVector: Uint8Array): Uint8Array[] {
    if (this.base === null || this.stale(this.base)) this.rebase();
    const base = this.base as Uint8Array;
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString(
      'latin1',
    );
    let step2 = this.diffs.get(key);
    if (!step2) {
      // An empty state vector (a fresh client) is the single byte 0: the whole base.
      const fresh = stateVector.byteLength === 1 && stateVector[0] === 0;
      step2 = encodeSyncStep2Update(fresh ? base : Y.diffUpdate(base, stateVector));
      if (this.diffs.size >= MAX_CACHED_DIFFS) this.diffs.delete(this.diffs.keys().next().value as string);
      this.diffs.set(key, step2);
    }
    return [step2, ...this.tail];
  }

  private stale(base: Uint8Array): boolean {
    return (
      this.tail.length > MAX_TAIL_UPDATES ||
      this.tailBytes > Math.max(base.byteLength * MAX_TAIL_SHARE, MIN_TAIL_BYTES)
    );
  }
}
