import { useMemo } from 'react';
import { type BoardState, useBoard, useTableSpace } from './store';
import { filterByTable } from './tableFilter';
import { itemsInSpace } from './tableSpace';

/** The table whose items this person shows in plenary, or `null` (all; also once that table is removed). */
export function shownTable(state: Pick<BoardState, 'tableFilter' | 'tables'>): string | null {
  const id = state.tableFilter;
  return id !== null && state.tables.tables.some((t) => t.id === id) ? id : null;
}

/**
 * A step's items as this person sees them: during a table round, their table space's only;
 * in plenary, one table's only when they chose one ("Tables : Table 2", see tableFilter.ts),
 * unless `byTable` is false (what exists in the space, shown or not).
 */
export function useItemsInSpace<T extends { table: string | null; fromTables?: readonly string[] }>(
  items: readonly T[],
  { byTable = true }: { byTable?: boolean } = {},
): readonly T[] {
  const space = useTableSpace();
  const chosen = useBoard(shownTable);
  const table = byTable ? chosen : null;
  return useMemo(() => {
    const inSpace = itemsInSpace(space, items);
    return space.kind === 'plenary' && table !== null ? filterByTable(inSpace, { table }) : inSpace;
  }, [space, items, table]);
}
