import type { Axis } from '@atelier/shared';
import type { TableSpace } from '../../../../state/tableSpace';

/**
 * Step 4's columns in a table's space: an axis given to another table is left out unless it
 * holds one of this table's sheets, so a table sees its own axes, the plenary's (to add sheets
 * to) and "no axis". In plenary, every column.
 */
export function groupsInSpace<G extends { axis: string | null; sheets: readonly unknown[] }>(
  groups: readonly G[],
  axes: readonly Pick<Axis, 'id' | 'table'>[],
  space: TableSpace,
): readonly G[] {
  if (space.kind !== 'table') return groups;
  const tableOf = new Map(axes.map((axis) => [axis.id, axis.table]));
  return groups.filter((group) => {
    if (group.axis === null || group.sheets.length > 0) return true;
    const table = tableOf.get(group.axis) ?? null;
    return table === null || table === space.table.id;
  });
}
