import type { Db } from './db';

/**
 * Deleting for good (docs/security.md, "Personal data"): a workshop's every row, one document's
 * log and snapshot, and then the bytes themselves. `secure_delete` (set in `openDb`) zeroes
 * deleted cells and freed pages; `scrub` gives the freed pages back to the file system and
 * copies the WAL into the database and truncates it, so that no older page image survives in
 * either file.
 */
export interface PurgeStore {
  /**
   * Deletes the workshop and everything of it in one transaction: the log and snapshots of all
   * its rooms (board, control, every participant's drafts), its vote rounds with their
   * ballots and request ids, its participants. Returns whether the workshop existed.
   */
  deleteWorkshop(workshopId: string): Promise<boolean>;
  /** Deletes one document's log and snapshot (a person's drafts when they are erased). */
  deleteDoc(doc: string): Promise<void>;
  /** Incremental vacuum, then a `TRUNCATE` checkpoint; `busy` when a reader kept the WAL from being emptied. */
  scrub(): Promise<{ busy: boolean }>;
}

/** SQLite's: synchronous inside (better-sqlite3), settled promises out (docs/architecture.md). */
export function createSqlitePurge(db: Db): PurgeStore {
  // The board room is named by the workshop id, its other rooms start with `id/`: a range on the
  // `doc` index (`id/` up to `id0`, '0' following '/'), where `substr` would scan the whole log.
  const ofWorkshop = 'doc = @id OR (doc >= @prefix AND doc < @end)';
  const deleteUpdates = db.prepare(`DELETE FROM doc_updates WHERE ${ofWorkshop}`);
  const deleteSnapshots = db.prepare(`DELETE FROM doc_snapshots WHERE ${ofWorkshop}`);
  // vote_requests has no participant foreign key: it goes with its round.
  const deleteWorkshop = db.prepare('DELETE FROM workshops WHERE id = ?');
  const deleteDocUpdates = db.prepare('DELETE FROM doc_updates WHERE doc = ?');
  const deleteDocSnapshot = db.prepare('DELETE FROM doc_snapshots WHERE doc = ?');

  const purgeWorkshop = db.transaction((id: string) => {
    const rooms = { id, prefix: `${id}/`, end: `${id}0` };
    deleteUpdates.run(rooms);
    deleteSnapshots.run(rooms);
    // Participants, rounds, ballots, entries and request ids follow by ON DELETE CASCADE.
    return deleteWorkshop.run(id).changes > 0;
  });
  const purgeDoc = db.transaction((doc: string) => {
    deleteDocUpdates.run(doc);
    deleteDocSnapshot.run(doc);
  });

  return {
    deleteWorkshop: async (id) => purgeWorkshop(id),
    deleteDoc: async (doc) => purgeDoc(doc),
    async scrub() {
      db.pragma('incremental_vacuum');
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      return { busy: (result?.busy ?? 0) !== 0 };
    },
  };
}
