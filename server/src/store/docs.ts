import { createHash } from 'node:crypto';
import type { Db } from './db';

/** What is stored of one Yjs document: the last compacted snapshot and the updates after it. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 when none). */
  lastSeq: number;
  /**
   * The SHA-256 stored beside the snapshot (none for one written before checksums), not checked
   * yet: `snapshotDamaged` checks it, off the room's thread for a big one (sync/stored-doc.ts).
   */
  snapshotChecksum?: string;
}

/**
 * Yjs documents as an append-only log of V1 updates plus compacted snapshots, behind an async
 * contract (docs/architecture.md, "Stores behind async contracts"): a PostgreSQL
 * implementation can replace this one without touching the sync code.
 */
export interface DocStore {
  load(doc: string): Promise<StoredDoc>;
  /**
   * What was stored of `doc` after update `after` (a node catching up from the database): the
   * updates numbered above it, preceded by the snapshot only when the ones it needs were
   * compacted into it; `lastSeq` is the last one read, or `after` when nothing is newer.
   */
  loadAfter(doc: string, after: number): Promise<StoredDoc>;
  /**
   * The last stored update's number of each of `docs` that has any, in one query (the room bus's
   * tail check: a node finds a room it holds less of than the database).
   */
  lastSeqs(docs: readonly string[]): Promise<Map<string, number>>;
  /**
   * Durably appends updates, in one transaction (a savepoint inside `withTransaction`: one that
   * fails is undone alone, except on a full disk, after which SQLite rolls the whole transaction
   * back); resolves to the sequence number of the last. Called before they are broadcast.
   * Appends started at once outside a transaction may be numbered in any order (PostgreSQL runs
   * them on several connections); within one transaction, in the order they were made.
   */
  append(doc: string, updates: readonly Uint8Array[]): Promise<number>;
  /**
   * Replaces every update up to `uptoSeq` with `snapshot` (the whole document's state),
   * atomically: a crash leaves either the old log or the new snapshot, never neither. A snapshot
   * already stored up to a later update stays (two nodes' compactions cannot go back in time).
   */
  compact(doc: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
}

interface SnapshotRow {
  upto_seq: number;
  data: Buffer;
  checksum: string | null;
}

/** A snapshot's SHA-256 (hex), stored beside it and checked at load, on either backend. */
export const checksum = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Whether a loaded snapshot's bytes are not the ones written (its checksum does not match). */
export const snapshotDamaged = ({
  snapshot,
  snapshotChecksum,
}: Omit<StoredDoc, 'updates' | 'lastSeq'>): boolean =>
  snapshot !== null && snapshotChecksum !== undefined && snapshotChecksum !== checksum(snapshot);
/** `load`'s `after` for a whole document: a snapshot up to update 0 is part of it too. */
export const WHOLE = -1;

interface UpdateRow {
  seq: number;
  data: Buffer;
}

export function createSqliteDocStore(db: Db): DocStore {
  const selectSnapshot = db.prepare<[string], SnapshotRow>(
    'SELECT upto_seq, data, checksum FROM doc_snapshots WHERE doc = ?',
  );
  const selectUpdates = db.prepare<[string, number], UpdateRow>(
    'SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
  );
  const insertUpdate = db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)');
  const upsertSnapshot = db.prepare(
    `INSERT INTO doc_snapshots (doc, upto_seq, data, updated_at, checksum) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(doc) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data,
       updated_at = excluded.updated_at, checksum = excluded.checksum
     WHERE excluded.upto_seq >= doc_snapshots.upto_seq`,
  );
  const deleteUpdates = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?');
  const selectLastSeqs = db.prepare<[string], { doc: string; seq: number | null }>(
    `SELECT d.value AS doc, coalesce(
       (SELECT max(seq) FROM doc_updates WHERE doc = d.value),
       (SELECT upto_seq FROM doc_snapshots WHERE doc = d.value)) AS seq
     FROM json_each(?) AS d`,
  );

  const append = db.transaction((doc: string, updates: readonly Uint8Array[]) => {
    let seq = 0;
    for (const update of updates) seq = Number(insertUpdate.run(doc, update).lastInsertRowid);
    return seq;
  });
  const compact = db.transaction((doc: string, snapshot: Uint8Array, uptoSeq: number) => {
    upsertSnapshot.run(doc, uptoSeq, snapshot, new Date().toISOString(), checksum(snapshot));
    deleteUpdates.run(doc, uptoSeq);
  });

  /** What is stored after update `after` (-1: everything; see `DocStore.loadAfter`). */
  const load = (doc: string, after = WHOLE): StoredDoc => {
    const found = selectSnapshot.get(doc);
    const snap = found && found.upto_seq > after ? found : undefined;
    const rows = selectUpdates.all(doc, Math.max(snap?.upto_seq ?? 0, after));
    return {
      // A view, not a copy: a big snapshot's buffer is handed to the worker that slices it.
      snapshot: snap ? new Uint8Array(snap.data.buffer, snap.data.byteOffset, snap.data.byteLength) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? snap?.upto_seq ?? Math.max(after, 0),
      ...(snap?.checksum ? { snapshotChecksum: snap.checksum } : {}),
    };
  };

  // Synchronous inside (better-sqlite3); `async` turns a throw into a rejection.
  return {
    load: async (doc) => load(doc),
    loadAfter: async (doc, after) => load(doc, after),
    async lastSeqs(docs) {
      const rows = selectLastSeqs.all(JSON.stringify(docs));
      return new Map(rows.flatMap((row) => (row.seq === null ? [] : [[row.doc, row.seq] as const])));
    },
    append: async (doc, updates) => append(doc, updates),
    async compact(doc, snapshot, uptoSeq) {
      compact(doc, snapshot, uptoSeq);
      db.pragma('incremental_vacuum');
    },
  };
}
