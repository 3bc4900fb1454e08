import type { TurnShare, TurnWriter } from '../transaction';
import { bytea, type Queryable } from './executor';
import { journalColumns, journalUpsert } from './journal';

/**
 * A turn in one statement (docs/scale-out.md, "A turn in one statement"): each document's next
 * numbers taken in `doc_heads` (in the order given — the turn's, by name — so two nodes' turns
 * lock the heads in the same order, as the turn's transaction does), its updates stored under
 * them, then the turn's journal rows. A statement is a transaction of its own: committed whole
 * before it answers, or not at all.
 */
const WRITE_TURN = `
  WITH counts AS (
    SELECT doc, n, ord FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS t(doc, n, ord)
  ), heads AS (
    INSERT INTO doc_heads (doc, seq)
    SELECT doc, n FROM counts ORDER BY ord
    ON CONFLICT (doc) DO UPDATE SET seq = doc_heads.seq + excluded.seq
    RETURNING doc, seq
  ), stored AS (
    INSERT INTO doc_updates (doc, seq, data)
    SELECT u.doc, heads.seq - counts.n + u.idx, u.data
    FROM unnest($3::text[], $4::bigint[], $5::bytea[]) AS u(doc, idx, data)
    JOIN heads ON heads.doc = u.doc
    JOIN counts ON counts.doc = u.doc
  ), journal AS (
    ${journalUpsert(6)}
  )
  SELECT doc, seq FROM heads`;

/** PostgreSQL's `TurnWriter` on `pool`: one round trip for the whole turn. */
export function createPgTurnWriter(pool: Queryable): TurnWriter {
  return async (shares) => {
    const written = shares.filter((share) => share.updates.length > 0);
    if (written.length === 0) return new Map();
    const updates = written.flatMap((share) =>
      share.updates.map((update, index) => ({ doc: share.doc, index: index + 1, update })),
    );
    const { rows } = await pool.query<{ doc: string; seq: string }>(WRITE_TURN, [
      written.map((share) => share.doc),
      written.map((share) => share.updates.length),
      updates.map((u) => u.doc),
      updates.map((u) => u.index),
      updates.map((u) => bytea(u.update)),
      ...journalColumns(written.flatMap((share: TurnShare) => share.journal)),
    ]);
    return new Map(rows.map((row) => [row.doc, Number(row.seq)]));
  };
}
