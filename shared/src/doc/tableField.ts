import * as Y from 'yjs';
import { z } from 'zod';
import { BOARD_ROOTS, FROM_TABLE_PREFIX, TABLE_FIELD } from './layout';
import { LOCAL_ORIGIN } from './origins';
import { TableId } from './tables';

/**
 * The `table` field board items (notes, issues, axes, action sheets) carry: the table they were
 * made at during a table round, `null` when made in plenary. Absent in items made before tables
 * existed, which read as `null`.
 */

/** A creation command's optional `table`: a table id or `null` (plenary). */
export const ItemTable = TableId.nullable().optional();

/** The table an item's map names, `null` when none (or not a string). */
export function readItemTable(map: Y.Map<unknown>): string | null {
  const table = map.get(TABLE_FIELD);
  return typeof table === 'string' && table !== '' ? table : null;
}

/** The tables an issue was merged from (its `fromTable/<id>` keys), sorted. */
export function readFromTables(map: Y.Map<unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of map.entries()) {
    if (value === true && key.startsWith(FROM_TABLE_PREFIX) && key.length > FROM_TABLE_PREFIX.length)
      out.push(key.slice(FROM_TABLE_PREFIX.length));
  }
  return out.sort();
}

/** The key an issue keeps a table of its provenance under. */
export function fromTableKey(table: string): string {
  return `${FROM_TABLE_PREFIX}${table}`;
}

/** The board roots whose items carry a `table`. */
export const TABLE_ITEM_ROOTS = [
  BOARD_ROOTS.notes,
  BOARD_ROOTS.clusters,
  BOARD_ROOTS.axes,
  BOARD_ROOTS.actions,
] as const;
export const TableItemRoot = z.enum(TABLE_ITEM_ROOTS);
export type TableItemRoot = z.infer<typeof TableItemRoot>;

/**
 * Gives an item to a table, or back to the plenary (`null`): the facilitator hands axes or
 * sheets to tables for a round. Throws on an unknown item. (During a round the server lets a
 * participant write only their own table here.)
 */
export function setItemTable(doc: Y.Doc, root: TableItemRoot, id: string, table: string | null): void {
  const map = doc.getMap(TableItemRoot.parse(root)).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No ${root} item ${id}`);
  const next = ItemTable.parse(table) ?? null;
  if (readItemTable(map) === next) return;
  doc.transact(() => map.set(TABLE_FIELD, next), LOCAL_ORIGIN);
}
