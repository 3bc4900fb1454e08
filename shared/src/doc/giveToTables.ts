import * as Y from 'yjs';
import { z } from 'zod';
import { readActions } from './actions';
import { readAxes } from './axes';
import { BOARD_ROOTS, TABLE_FIELD } from './layout';
import { LOCAL_ORIGIN } from './origins';
import { ItemTable, readItemTable } from './tableField';

/**
 * The facilitator hands out work for a table round (docs/guide-tables-sessions.md, "Giving
 * axes and sheets to tables"): an axis or an action sheet to one table, or every axis or every
 * sheet dealt out at once. Each command is one transaction, so one undo takes it back.
 */

/** An axis or sheet given to a table, or back to the plenary (`table: null`). */
export const Gift = z.object({
  root: z.enum([BOARD_ROOTS.axes, BOARD_ROOTS.actions]),
  id: z.string().min(1).max(64),
  table: ItemTable.transform((table) => table ?? null),
});
export type Gift = z.infer<typeof Gift>;

/**
 * Deals `ids` out to `tables` in order, in contiguous shares whose sizes differ by one at most
 * (the first tables get the extra ones): neighbours stay together, so a table gets the sheets
 * of one axis rather than one sheet of each. With as many tables as axes of equal size, the
 * sheets of axis k go to table k. No tables: nothing is given.
 */
export function dealOut(ids: readonly string[], tables: readonly string[]): { id: string; table: string }[] {
  if (tables.length === 0) return [];
  const base = Math.floor(ids.length / tables.length);
  const extra = ids.length % tables.length;
  const out: { id: string; table: string }[] = [];
  let next = 0;
  tables.forEach((table, index) => {
    const share = base + (index < extra ? 1 : 0);
    for (const id of ids.slice(next, next + share)) out.push({ id, table });
    next += share;
  });
  return out;
}

/** Gives each item its table in one transaction; throws, changing nothing, on an unknown item. */
export function giveItems(doc: Y.Doc, gifts: readonly Gift[]): void {
  const parsed = gifts.map((gift) => Gift.parse(gift));
  const maps = parsed.map(({ root, id }) => {
    const map = doc.getMap(root).get(id);
    if (!(map instanceof Y.Map)) throw new Error(`No ${root} item ${id}`);
    return map;
  });
  const changed = parsed.filter((gift, index) => readItemTable(maps[index]!) !== gift.table);
  if (changed.length === 0) return;
  doc.transact(() => {
    parsed.forEach((gift, index) => {
      const map = maps[index]!;
      if (readItemTable(map) !== gift.table) map.set(TABLE_FIELD, gift.table);
    });
  }, LOCAL_ORIGIN);
}

/**
 * What giving axis `axisId` to `table` hands out: the axis, and the sheets that go with it —
 * those that were with the axis (its former table's, or the plenary's when it had none). A
 * sheet given to another table stays there. Throws on an unknown axis.
 */
export function axisGifts(doc: Y.Doc, axisId: string, table: string | null): Gift[] {
  const axis = readAxes(doc).find((a) => a.id === axisId);
  if (!axis) throw new Error(`No axis ${axisId}`);
  const sheets = readActions(doc).filter((sheet) => sheet.axis === axisId && sheet.table === axis.table);
  return [
    { root: BOARD_ROOTS.axes, id: axisId, table },
    ...sheets.map((sheet) => ({ root: BOARD_ROOTS.actions, id: sheet.id, table })),
  ];
}

/** Every axis dealt out to `tables` in the axes' order (see `dealOut`), each with all its sheets. */
export function dealAxes(doc: Y.Doc, tables: readonly string[]): Gift[] {
  const sheets = readActions(doc);
  return dealOut(
    readAxes(doc).map((axis) => axis.id),
    tables,
  ).flatMap(({ id, table }) => [
    { root: BOARD_ROOTS.axes, id, table },
    ...sheets
      .filter((sheet) => sheet.axis === id)
      .map((sheet) => ({ root: BOARD_ROOTS.actions, id: sheet.id, table })),
  ]);
}

/**
 * Every sheet dealt out to `tables` (see `dealOut`) in the plan's reading order: axis by axis,
 * each axis's sheets in order, then those without an (existing) axis.
 */
export function dealSheets(doc: Y.Doc, tables: readonly string[]): Gift[] {
  const sheets = readActions(doc);
  const axes = readAxes(doc).map((axis) => axis.id);
  const known = new Set(axes);
  const ordered = [
    ...axes.flatMap((axis) => sheets.filter((sheet) => sheet.axis === axis)),
    ...sheets.filter((sheet) => sheet.axis === null || !known.has(sheet.axis)),
  ];
  return dealOut(
    ordered.map((sheet) => sheet.id),
    tables,
  ).map(({ id, table }) => ({ root: BOARD_ROOTS.actions, id, table }));
}
