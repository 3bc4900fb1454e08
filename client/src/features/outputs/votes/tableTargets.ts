import {
  actionsReader,
  axesReader,
  clusterListReader,
  type DocReader,
  derivedReader,
  notesReader,
  type VoteTarget,
  type VoteTargetKind,
} from '@atelier/shared';
import { type FromTables, itemTables, passesTableFilter, type TableFilter } from '../../../state/tableFilter';

/**
 * A round on the tables' proposals: the facilitator limits the targets to the items that came
 * from tables (or from one table). This only chooses targets: the round is created with their
 * ids, which the server checks against the board and keeps as the round's target list.
 */

/** The choice in the form: every target (`''`), those from any table, or those from one table (its id). */
export const ANY_TABLE = '*';

export function tableFilterOf(choice: string): TableFilter {
  if (choice === '') return 'all';
  return choice === ANY_TABLE ? 'tables' : { table: choice };
}

/** Each item's tables, by id. */
export type TablesById = ReadonlyMap<string, readonly string[]>;

function tablesById(items: readonly (FromTables & { id: string })[]): TablesById {
  return new Map(items.map((item) => [item.id, itemTables(item)]));
}

const readers: Record<VoteTargetKind, DocReader<TablesById>> = {
  notes: derivedReader((doc) => tablesById(notesReader.read(doc)), notesReader),
  issues: derivedReader((doc) => tablesById(clusterListReader.read(doc)), clusterListReader),
  axes: derivedReader((doc) => tablesById(axesReader.read(doc)), axesReader),
  actions: derivedReader((doc) => tablesById(actionsReader.read(doc)), actionsReader),
};

/** The reader of each target's tables for a kind of target (the same object per kind). */
export function targetTablesReader(kind: VoteTargetKind): DocReader<TablesById> {
  return readers[kind];
}

/** The targets the choice keeps, in their order (the list itself for `''`). */
export function targetsFromTables(
  targets: readonly VoteTarget[],
  tables: TablesById,
  choice: string,
): readonly VoteTarget[] {
  const filter = tableFilterOf(choice);
  if (filter === 'all') return targets;
  return targets.filter((target) =>
    passesTableFilter({ table: null, fromTables: tables.get(target.id) ?? [] }, filter),
  );
}
