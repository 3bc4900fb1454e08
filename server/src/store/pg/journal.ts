import { CHANGE_COLLECTIONS, type ChangeCollection, ParticipantGroup } from '@atelier/shared';
import { editKinds, type JournalRow, type JournalStore } from '../journal';
import type { Executor, Queryable } from './executor';

/**
 * The rows in one statement. A row already there for the same person, item, field and minute
 * stays alone only if both were (as SQLite's `min`).
 */
const UPSERT = journalUpsert(1);

/**
 * The journal's upsert of the rows given as seven arrays from parameter `$first` on (as
 * `journalColumns` makes them): alone, or as one part of a turn's statement (`pg/turn.ts`).
 */
export function journalUpsert(first: number): string {
  const param = (offset: number) => `$${first + offset}`;
  return `INSERT INTO edit_journal (workshop_id, participant_id, collection, item_id, field, minute, alone)
  SELECT * FROM unnest(${param(0)}::text[], ${param(1)}::text[], ${param(2)}::text[], ${param(3)}::text[], ${param(4)}::text[], ${param(5)}::bigint[], ${param(6)}::boolean[])
  ON CONFLICT (workshop_id, participant_id, collection, item_id, field, minute)
  DO UPDATE SET alone = edit_journal.alone AND excluded.alone`;
}

interface Row {
  collection: string;
  item_id: string;
  field: string;
  participant_id: string | null;
  grp: string | null;
  /** bigint: node-postgres gives it as text. */
  minute: string;
  alone: boolean;
}

const COLLECTIONS = new Set<string>(CHANGE_COLLECTIONS);

/**
 * One row per key: PostgreSQL refuses a statement that would update the same row twice, where
 * SQLite applied the rows one by one. In key order, so that two nodes' turns upserting the same
 * rows lock them in the same order (no deadlock).
 */
function merged(rows: readonly JournalRow[]): JournalRow[] {
  const byKey = new Map<string, JournalRow>();
  for (const row of rows) {
    const key = JSON.stringify([
      row.workshopId,
      row.participantId,
      row.collection,
      row.item,
      row.field ?? '',
      row.minute,
    ]);
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, alone: seen.alone && row.alone } : row);
  }
  return [...byKey.keys()].sort().map((key) => byKey.get(key) as JournalRow);
}

/** The rows as the upsert's seven array parameters, one row per key (`merged`). */
export function journalColumns(rows: readonly JournalRow[]): unknown[] {
  const unique = merged(rows);
  return [
    unique.map((r) => r.workshopId),
    unique.map((r) => r.participantId),
    unique.map((r) => r.collection),
    unique.map((r) => r.item),
    unique.map((r) => r.field ?? ''),
    unique.map((r) => r.minute),
    unique.map((r) => r.alone),
  ];
}

/** Reads and erasures on `pool`; writes through `writer` (the pool's, or a transaction's savepoints). */
export function createPgJournalStore(pool: Queryable, writer: Executor): JournalStore {
  return {
    async write(rows) {
      if (rows.length === 0) return;
      await writer.write(UPSERT, journalColumns(rows));
    },
    async read(workshopId) {
      const { rows } = await pool.query<Row>(
        `SELECT j.collection, j.item_id, j.field, j.participant_id, p.grp, j.minute, j.alone
         FROM edit_journal j LEFT JOIN participants p ON p.id = j.participant_id
         WHERE j.workshop_id = $1 ORDER BY j.minute`,
        [workshopId],
      );
      return rows
        .filter((row) => COLLECTIONS.has(row.collection))
        .map((row) => ({
          collection: row.collection as ChangeCollection,
          item: row.item_id,
          field: row.field === '' ? null : row.field,
          participant: row.participant_id,
          group: ParticipantGroup.safeParse(row.grp).data ?? null,
          at: new Date(Number(row.minute)).toISOString(),
          alone: row.alone,
        }));
    },
    async editedBy(workshopId) {
      const { rows } = await pool.query<{ participant_id: string | null; collection: string; field: string }>(
        `SELECT DISTINCT participant_id, collection, field FROM edit_journal
         WHERE workshop_id = $1 AND participant_id IS NOT NULL`,
        [workshopId],
      );
      return editKinds(rows);
    },
    async readParticipant(workshopId, participantId) {
      const { rows } = await pool.query<Omit<Row, 'participant_id' | 'grp'>>(
        `SELECT collection, item_id, field, minute, alone FROM edit_journal
         WHERE workshop_id = $1 AND participant_id = $2 ORDER BY minute, collection, item_id, field`,
        [workshopId, participantId],
      );
      return rows
        .filter((row) => COLLECTIONS.has(row.collection))
        .map((row) => ({
          collection: row.collection as ChangeCollection,
          item: row.item_id,
          field: row.field === '' ? null : row.field,
          at: new Date(Number(row.minute)).toISOString(),
          alone: row.alone,
        }));
    },
    async forgetParticipant(workshopId, participantId) {
      const { rowCount } = await pool.query(
        'UPDATE edit_journal SET participant_id = NULL WHERE workshop_id = $1 AND participant_id = $2',
        [workshopId, participantId],
      );
      return rowCount ?? 0;
    },
  };
}
