import { type FromTables, itemTables } from './tableFilter';

/**
 * Back in plenary, "Grouper par table" shows a step's items (issues, axes, sheets) in one
 * section per table, then the plenary's. One rule for the three steps: an item sits under
 * one table only, its own (`table`), else the first it was merged from; the other tables it
 * came from show as its provenance chips (TableProvenance).
 */

/** One section of a grouped step: a table's items (`table: null`: those made in plenary). */
export interface TableSection<T> {
  table: string | null;
  items: T[];
}

/** The section an item is shown under: its first known table (own, then merged from), `null`: plenary. */
export function homeTable(item: FromTables, tables: readonly string[]): string | null {
  return itemTables(item).find((table) => tables.includes(table)) ?? null;
}

/**
 * Every table's section in the tables' order (empty ones too: "nothing from this table" is
 * worth seeing), then the plenary's, each keeping the items' order. A removed table's items
 * fall back to another table they came from, else to plenary.
 */
export function groupByTable<T extends FromTables>(
  items: readonly T[],
  tables: readonly string[],
): TableSection<T>[] {
  const sections = [
    ...tables.map((table) => ({ table, items: [] as T[] })),
    { table: null, items: [] as T[] },
  ];
  const byTable = new Map<string | null, T[]>(sections.map((section) => [section.table, section.items]));
  for (const item of items) byTable.get(homeTable(item, tables))?.push(item);
  return sections;
}
