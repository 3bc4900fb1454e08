import { useMemo } from 'react';
import { useTableSpace } from './store';
import { itemsInSpace } from './tableSpace';

/** A step's items as this person sees them: during a table round, their table space's only. */
export function useItemsInSpace<T extends { table: string | null }>(items: readonly T[]): readonly T[] {
  const space = useTableSpace();
  return useMemo(() => itemsInSpace(space, items), [space, items]);
}
