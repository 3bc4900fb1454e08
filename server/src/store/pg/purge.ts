import type pg from 'pg';
import type { PurgeStore } from '../purge';

/**
 * A workshop's rooms: the board is named by its id, the others start with `id/` (control,
 * drafts). `starts_with` scans the documents' tables rather than using their index (a range on
 * `doc` would depend on the database's collation); a purge is rare and the log is compacted.
 */
const OF_WORKSHOP = `(doc = $1 OR starts_with(doc, $1 || '/'))`;

/**
 * The documents' rows (their heads too: nothing of the workshop is left) and the workshop's
 * row, in one statement: participants, rounds, ballots, entries, request ids and the journal
 * follow by `ON DELETE CASCADE`.
 */
const DELETE_WORKSHOP = `
  WITH updates AS (DELETE FROM doc_updates WHERE ${OF_WORKSHOP}),
    snapshots AS (DELETE FROM doc_snapshots WHERE ${OF_WORKSHOP}),
    heads AS (DELETE FROM doc_heads WHERE ${OF_WORKSHOP})
  DELETE FROM workshops WHERE id = $1`;

/**
 * One document's log and snapshot. Its head stays: a number is never given twice to one
 * document (a node's bus would skip a reused one), and it holds neither bytes nor a name.
 */
const DELETE_DOC = `
  WITH updates AS (DELETE FROM doc_updates WHERE doc = $1)
  DELETE FROM doc_snapshots WHERE doc = $1`;

/** Every table a purge or an erasure deletes or rewrites rows of. */
const TOUCHED = [
  'doc_updates',
  'doc_snapshots',
  'doc_heads',
  'workshops',
  'participants',
  'strategies',
  'vote_rounds',
  'vote_entries',
  'vote_ballots',
  'vote_requests',
  'edit_journal',
];

/**
 * PostgreSQL's purge. It has no `secure_delete`: the scrub is a `VACUUM` of the touched tables,
 * which removes the deleted row versions (no snapshot still sees them once the deletion
 * committed) so their space is reused, and needs no transaction around it (it cannot run in
 * one). Unlike SQLite's, it does not zero the bytes at once: they stay in the data files' free
 * space until reused, and in the WAL until it is recycled (docs/scale-out.md, "Schema mapping").
 */
export function createPgPurge(pool: pg.Pool): PurgeStore {
  return {
    async deleteWorkshop(id) {
      return ((await pool.query(DELETE_WORKSHOP, [id])).rowCount ?? 0) > 0;
    },
    async deleteDoc(doc) {
      await pool.query(DELETE_DOC, [doc]);
    },
    async scrub() {
      await pool.query(`VACUUM ${TOUCHED.join(', ')}`);
      // A transaction older than the deletion keeps VACUUM from removing what it still sees; it
      // cannot say so, and the next (auto)vacuum removes it.
      return { busy: false };
    },
  };
}
