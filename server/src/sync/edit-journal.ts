import { parseRoomName } from '@atelier/shared';
import type { EditedItem } from '@atelier/shared/layout';
import type { JournalRow, JournalStore } from '../store/journal';
import type { Attendance } from './attendance';

/**
 * The sync side of the edit journal (store/journal.ts). For every client update a board room
 * applies, `edits` notes in memory which items it touched (read from the Yjs transaction by the
 * room's document host, no decoding), who sent it, the minute and whether any participant was connected; the room hands
 * those rows to `write` inside the turn's transaction, right after appending the updates, so the
 * journal commits with them and before they are broadcast. Coalesced: a row already written this
 * minute (same person, item, field, and not turning from alone to accompanied) is not written
 * again, so a person typing in a field costs one row a minute, not one per keystroke.
 */
export interface EditJournal {
  /** The journal of one room: `null` for rooms that are not a workshop's board. */
  room(name: string): RoomJournal | null;
  /** Erasure: the person's later edits (still in flight) are not recorded. */
  forget(participantId: string): void;
}

export interface RoomJournal {
  /**
   * The rows for an update applied with `origin` (a connection) that touched `items` (read from its
   * Yjs transaction by the room's document host, `editedItems`); `null` for none.
   */
  edits(origin: unknown, items: readonly EditedItem[] | null): JournalRow[] | null;
  /** Writes what is new of a turn's rows through `store`, the turn's transaction's. Rejects as the store does. */
  write(rows: readonly JournalRow[], store: Pick<JournalStore, 'write'>): Promise<void>;
  /**
   * What is new of a turn's rows, counted as written (a turn written in one statement,
   * `TurnWriter`, takes them with its updates); `rolledBack` if that statement fails.
   */
  fresh(rows: readonly JournalRow[]): JournalRow[];
  /** The turn's transaction did not commit: what it wrote is forgotten. */
  rolledBack(): void;
}

/** What the journal needs of a connection: who sends its updates. */
export interface Editor {
  readonly participantId?: string;
}

export function createEditJournal(deps: {
  attendance: Pick<Attendance, 'present'>;
  now?: () => number;
}): EditJournal {
  const now = deps.now ?? Date.now;
  const erased = new Set<string>();
  // Keys written during `cacheMinute`, with whether the row is still alone.
  let cache = new Map<string, boolean>();
  let cacheMinute = 0;

  const fresh = (rows: readonly JournalRow[]): JournalRow[] => {
    const kept: JournalRow[] = [];
    for (const row of rows) {
      if (row.minute > cacheMinute) {
        cache = new Map();
        cacheMinute = row.minute;
      }
      if (row.minute < cacheMinute) {
        kept.push(row);
        continue;
      }
      const key = `${row.workshopId}\u0000${row.participantId}\u0000${row.collection}\u0000${row.item}\u0000${row.field ?? ''}`;
      const alone = cache.get(key);
      if (alone === false || (alone === true && row.alone)) continue;
      cache.set(key, alone === undefined ? row.alone : alone && row.alone);
      kept.push(row);
    }
    return kept;
  };
  const write = async (rows: readonly JournalRow[], store: Pick<JournalStore, 'write'>) => {
    const rowsToWrite = fresh(rows);
    if (rowsToWrite.length > 0) await store.write(rowsToWrite);
  };

  return {
    room(name) {
      const parsed = parseRoomName(name);
      if (parsed?.kind !== 'board') return null;
      const { workshopId } = parsed;
      return {
        edits(origin, items) {
          const participantId = (origin as Editor | null)?.participantId;
          if (typeof participantId !== 'string' || erased.has(participantId)) return null;
          if (!items || items.length === 0) return null;
          const at = now();
          const minute = at - (at % 60_000);
          const alone = !deps.attendance.present(workshopId);
          return items.map((item) => ({ workshopId, participantId, minute, alone, ...item }));
        },
        write,
        fresh,
        rolledBack() {
          cache = new Map();
        },
      };
    },
    forget(participantId) {
      erased.add(participantId);
    },
  };
}
