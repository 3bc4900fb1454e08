import {
  CHANGE_COLLECTIONS,
  type ChangeCollection,
  type JournalEdit,
  type ParticipantData,
  ParticipantGroup,
} from '@atelier/shared';
import type { Db } from './db';

/**
 * The edit journal (docs/contract.md, "Who and when"): who edited which item of a workshop's
 * board, and when, to the minute. One row per (person, item, field, minute); written by the sync
 * path inside the turn's transaction (`sync/edit-journal.ts`), read by the changes and the
 * strategy export. Rows go with their workshop (foreign key); an erased person's lose their id.
 */
export interface JournalRow {
  workshopId: string;
  participantId: string;
  collection: ChangeCollection;
  item: string;
  /** `null`: the item itself (added, removed, restored). */
  field: string | null;
  /** The start of the minute, epoch ms. */
  minute: number;
  /** No participant was connected to the workshop. */
  alone: boolean;
}

export interface JournalStore {
  /**
   * Records rows, in one savepoint (inside the caller's transaction when there is one): a row
   * already there for the same person, item, field and minute stays alone only if both were.
   */
  write(rows: readonly JournalRow[]): Promise<void>;
  /** A workshop's journal, its editors' groups joined in (`null` once erased). */
  read(workshopId: string): Promise<JournalEdit[]>;
  /**
   * What each person (not erased) has edited in the workshop, once per collection and field
   * (`null`: the items themselves), without the items or the minutes: the balance of
   * participation asks this every few seconds, and needs no more (http/participation.ts).
   */
  editedBy(workshopId: string): Promise<JournalEditKind[]>;
  /** Right of access: one person's rows, oldest first. */
  readParticipant(workshopId: string, participantId: string): Promise<ParticipantData['edits']>;
  /** Erasure: the person's rows keep their times but no longer name them. Resolves to how many. */
  forgetParticipant(workshopId: string, participantId: string): Promise<number>;
}

/** One kind of edit a person made: which collection, which field. */
export interface JournalEditKind {
  participant: string;
  collection: ChangeCollection;
  field: string | null;
}

interface Row {
  collection: string;
  item_id: string;
  field: string;
  participant_id: string | null;
  grp: string | null;
  minute: number;
  alone: number;
}

const COLLECTIONS = new Set<string>(CHANGE_COLLECTIONS);

export function createSqliteJournalStore(db: Db): JournalStore {
  const upsert = db.prepare(
    `INSERT INTO edit_journal (workshop_id, participant_id, collection, item_id, field, minute, alone)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (workshop_id, participant_id, collection, item_id, field, minute)
     DO UPDATE SET alone = min(alone, excluded.alone)`,
  );
  const select = db.prepare<[string], Row>(
    `SELECT j.collection, j.item_id, j.field, j.participant_id, p.grp, j.minute, j.alone
     FROM edit_journal j LEFT JOIN participants p ON p.id = j.participant_id
     WHERE j.workshop_id = ? ORDER BY j.minute`,
  );
  const selectKinds = db.prepare<[string], Pick<Row, 'participant_id' | 'collection' | 'field'>>(
    `SELECT DISTINCT participant_id, collection, field FROM edit_journal
     WHERE workshop_id = ? AND participant_id IS NOT NULL`,
  );
  const selectParticipant = db.prepare<[string, string], Omit<Row, 'participant_id' | 'grp'>>(
    `SELECT collection, item_id, field, minute, alone FROM edit_journal
     WHERE workshop_id = ? AND participant_id = ? ORDER BY minute, collection, item_id, field`,
  );
  const forget = db.prepare(
    'UPDATE edit_journal SET participant_id = NULL WHERE workshop_id = ? AND participant_id = ?',
  );
  const write = db.transaction((rows: readonly JournalRow[]) => {
    for (const r of rows)
      upsert.run(
        r.workshopId,
        r.participantId,
        r.collection,
        r.item,
        r.field ?? '',
        r.minute,
        r.alone ? 1 : 0,
      );
  });
  return {
    // Synchronous inside (better-sqlite3); `async` turns a throw into a rejection.
    write: async (rows) => write(rows),
    async read(workshopId) {
      return select
        .all(workshopId)
        .filter((row) => COLLECTIONS.has(row.collection))
        .map((row) => ({
          collection: row.collection as ChangeCollection,
          item: row.item_id,
          field: row.field === '' ? null : row.field,
          participant: row.participant_id,
          group: ParticipantGroup.safeParse(row.grp).data ?? null,
          at: new Date(row.minute).toISOString(),
          alone: row.alone === 1,
        }));
    },
    async editedBy(workshopId) {
      return editKinds(selectKinds.all(workshopId));
    },
    async readParticipant(workshopId, participantId) {
      return selectParticipant
        .all(workshopId, participantId)
        .filter((row) => COLLECTIONS.has(row.collection))
        .map((row) => ({
          collection: row.collection as ChangeCollection,
          item: row.item_id,
          field: row.field === '' ? null : row.field,
          at: new Date(row.minute).toISOString(),
          alone: row.alone === 1,
        }));
    },
    forgetParticipant: async (workshopId, participantId) => forget.run(workshopId, participantId).changes,
  };
}

/** `editedBy`'s rows on either backend: known collections only, `''` read back as `null`. */
export function editKinds(
  rows: readonly Pick<Row, 'participant_id' | 'collection' | 'field'>[],
): JournalEditKind[] {
  return rows.flatMap((row) =>
    row.participant_id !== null && COLLECTIONS.has(row.collection)
      ? [
          {
            participant: row.participant_id,
            collection: row.collection as ChangeCollection,
            field: row.field === '' ? null : row.field,
          },
        ]
      : [],
  );
}
