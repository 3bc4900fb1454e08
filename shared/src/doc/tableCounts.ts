import * as Y from 'yjs';
import { BOARD_ROOTS } from './layout';
import { readItemTable } from './tableField';

/** How much one table has made: the facilitator's overview of a round, at a glance. */
export interface TableCounts {
  notes: number;
  /** Issues (clusters). */
  issues: number;
  axes: number;
  /** Action sheets. */
  sheets: number;
}

export const NO_COUNTS: TableCounts = { notes: 0, issues: 0, axes: 0, sheets: 0 };

const COUNTED = [
  [BOARD_ROOTS.notes, 'notes'],
  [BOARD_ROOTS.clusters, 'issues'],
  [BOARD_ROOTS.axes, 'axes'],
  [BOARD_ROOTS.actions, 'sheets'],
] as const;

/**
 * The board's items per table (table id → counts), read off each item's `table` field only
 * (no text is decoded, so it stays cheap on a board of thousands of notes). Items made in
 * plenary (`table` null or absent) are not counted; an id no table has any more is counted
 * under that id (the caller shows the tables it knows). Binned notes are out of `notes`.
 */
export function readTableCounts(board: Y.Doc): Record<string, TableCounts> {
  const out: Record<string, TableCounts> = {};
  for (const [root, kind] of COUNTED) {
    // Reading must not define a root the document does not have.
    if (!board.share.has(root)) continue;
    for (const item of board.getMap(root).values()) {
      if (!(item instanceof Y.Map)) continue;
      const table = readItemTable(item);
      if (table === null) continue;
      const counts = out[table] ?? { ...NO_COUNTS };
      counts[kind]++;
      out[table] = counts;
    }
  }
  return out;
}
