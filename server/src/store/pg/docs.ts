import { checksum, type DocStore, type StoredDoc, WHOLE } from '../docs';
import { bytea, bytes, type Executor, type Queryable } from './executor';

/**
 * Takes the document's next numbers in `doc_heads` and stores the updates under them, in one
 * statement. The head's row lock is held until the transaction ends, so two transactions
 * appending to one document serialise there: each document's numbers are contiguous and
 * committed in order (docs/scale-out.md, "Per-document sequence numbers").
 */
const APPEND = `
  WITH head AS (
    INSERT INTO doc_heads (doc, seq) VALUES ($1, $2)
    ON CONFLICT (doc) DO UPDATE SET seq = doc_heads.seq + excluded.seq
    RETURNING seq
  ), stored AS (
    INSERT INTO doc_updates (doc, seq, data)
    SELECT $1, head.seq - $2 + u.ord, u.data
    FROM head, unnest($3::bytea[]) WITH ORDINALITY AS u(data, ord)
  )
  SELECT seq FROM head`;

/**
 * The snapshot (unless one up to a later update is there) and the log it covers gone, in one
 * statement: atomic without a transaction of its own.
 */
const COMPACT = `
  WITH snapshot AS (
    INSERT INTO doc_snapshots (doc, upto_seq, data, updated_at, checksum)
    VALUES ($1, $2, $3, now(), $4)
    ON CONFLICT (doc) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data,
      updated_at = excluded.updated_at, checksum = excluded.checksum
    WHERE excluded.upto_seq >= doc_snapshots.upto_seq
  )
  DELETE FROM doc_updates WHERE doc = $1 AND seq <= $2`;

/**
 * The snapshot (kind 0) if it covers updates after $2, and the updates after both (kind 1), read
 * from one statement's snapshot of the data ($2 = -1: the whole document).
 */
const LOAD = `
  WITH snapshot AS (SELECT upto_seq, data, checksum FROM doc_snapshots WHERE doc = $1 AND upto_seq > $2)
  SELECT 0 AS kind, upto_seq AS seq, data, checksum FROM snapshot
  UNION ALL
  SELECT 1, seq, data, NULL FROM doc_updates
  WHERE doc = $1 AND seq > greatest(coalesce((SELECT upto_seq FROM snapshot), 0), $2)
  ORDER BY kind, seq`;

interface LoadRow {
  kind: number;
  /** bigint: node-postgres gives it as text. */
  seq: string;
  data: Buffer;
  checksum: string | null;
}

/** Loads and compacts on `pool`; appends through `writer` (the pool's, or a transaction's savepoints). */
export function createPgDocStore(pool: Queryable, writer: Executor): DocStore {
  const load = async (doc: string, after: number): Promise<StoredDoc> => {
    const { rows } = await pool.query<LoadRow>(LOAD, [doc, after]);
    const snap = rows[0]?.kind === 0 ? rows[0] : undefined;
    const updates = snap ? rows.slice(1) : rows;
    const stored: StoredDoc = {
      snapshot: snap ? bytes(snap.data) : null,
      updates: updates.map((row) => bytes(row.data)),
      lastSeq: Number(updates.at(-1)?.seq ?? snap?.seq ?? Math.max(after, 0)),
    };
    if (snap?.checksum) stored.snapshotChecksum = snap.checksum;
    return stored;
  };
  return {
    load: (doc) => load(doc, WHOLE),
    loadAfter: load,
    async lastSeqs(docs) {
      // `doc_heads` holds each document's last number: one index lookup per document.
      const { rows } = await pool.query<{ doc: string; seq: string }>(
        'SELECT doc, seq FROM doc_heads WHERE doc = ANY($1::text[])',
        [docs],
      );
      return new Map(rows.map((row) => [row.doc, Number(row.seq)]));
    },
    async append(doc, updates) {
      // As SQLite's: nothing to store, no number taken.
      if (updates.length === 0) return 0;
      const { rows } = await writer.write<{ seq: string }>(APPEND, [doc, updates.length, updates.map(bytea)]);
      return Number(rows[0]?.seq);
    },
    async compact(doc, snapshot, uptoSeq) {
      await pool.query(COMPACT, [doc, uptoSeq, bytea(snapshot), checksum(snapshot)]);
    },
  };
}
