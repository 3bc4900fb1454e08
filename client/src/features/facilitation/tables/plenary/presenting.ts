import type { Table } from '@atelier/shared';

/** The table after `current` in the tables' order, or `null` after the last ("Table suivante"). */
export function nextPresenter(tables: readonly Table[], current: string): Table | null {
  const index = tables.findIndex((table) => table.id === current);
  return index === -1 ? null : (tables[index + 1] ?? null);
}

/**
 * The rule that dims, in the main area, every item not from the presenting table: items carry
 * `data-item-tables` (the tables they came from, see tableFilter.ts), so one rule covers notes,
 * frames, issues, axes and sheets without re-rendering any of them.
 */
export function presentingRule(table: string): string {
  const id = table.replace(/["\\]/g, '\\$&');
  return `.board__main [data-item-tables]:not([data-item-tables~="${id}"]){opacity:.3;filter:grayscale(.6)}`;
}
