import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

/** Other people's updates wait this long before they are written to IndexedDB together. */
const REMOTE_BATCH_MS = 1000;
/** …or until this many have queued up (merging stays cheap on short runs, see yjs#710). */
const REMOTE_BATCH_MAX = 256;
/** An update this big (a first sync of the board) is written on its own at once: merging it would cost more than it saves. */
const LARGE_UPDATE_BYTES = 64 * 1024;

export interface StoredUpdates {
  /** Writes what is queued now. */
  flush(): void;
  /** Stops storing (the persistence is being destroyed or cleared); nothing queued is written. */
  stop(): void;
}

/**
 * Replaces y-indexeddb's one-IndexedDB-transaction-per-update with batches for updates that
 * came from the server: in a busy room that is hundreds of transactions a second on every
 * laptop, for data the server already holds. The person's own edits are written at once
 * (with anything queued before them), because they may exist nowhere else yet.
 */
export function batchStoredUpdates(
  persistence: IndexeddbPersistence,
  isRemote: (origin: unknown) => boolean,
): StoredUpdates {
  const { doc } = persistence;
  const store = persistence._storeUpdate;
  doc.off('update', store);
  let queue: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (queue.length === 0) return;
    const update = queue.length === 1 ? (queue[0] as Uint8Array) : Y.mergeUpdates(queue);
    queue = [];
    store(update, null);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === persistence) return;
    if (update.byteLength >= LARGE_UPDATE_BYTES) {
      flush();
      store(update, null);
      return;
    }
    queue.push(update);
    if (!isRemote(origin) || queue.length >= REMOTE_BATCH_MAX) flush();
    else timer ??= setTimeout(flush, REMOTE_BATCH_MS);
  };
  doc.on('update', onUpdate);
  return {
    flush,
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      queue = [];
      doc.off('update', onUpdate);
    },
  };
}
