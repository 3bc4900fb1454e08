/**
 * Back in plenary, the room looks at the tables' work table by table: each item names the
 * tables it came from (its own `table`, and for a merged issue every table it was merged from),
 * and a person may show only one table's items ("Tables : Table 2").
 */

/** An item that may come from tables: every board item has `table`; issues also `fromTables`. */
export interface FromTables {
  table: string | null;
  fromTables?: readonly string[];
}

/** The tables an item came from, its own first, without repeats (empty: made in plenary). */
export function itemTables(item: FromTables): string[] {
  const out = item.table === null ? [] : [item.table];
  for (const table of item.fromTables ?? []) if (!out.includes(table)) out.push(table);
  return out;
}

/** Which items to show: all, those from any table, or those from one table (its id). */
export type TableFilter = 'all' | 'tables' | { table: string };

/** Whether an item passes the filter. */
export function passesTableFilter(item: FromTables, filter: TableFilter): boolean {
  if (filter === 'all') return true;
  const tables = itemTables(item);
  return filter === 'tables' ? tables.length > 0 : tables.includes(filter.table);
}

/** The items that pass (the list itself when the filter keeps everything). */
export function filterByTable<T extends FromTables>(items: readonly T[], filter: TableFilter): readonly T[] {
  return filter === 'all' ? items : items.filter((item) => passesTableFilter(item, filter));
}

/** The `data-item-tables` attribute value: space-separated table ids (CSS `~=` matches one). */
export function tablesAttribute(item: FromTables): string {
  return itemTables(item).join(' ');
}
