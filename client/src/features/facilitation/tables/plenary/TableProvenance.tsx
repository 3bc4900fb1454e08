import type { Table } from '@atelier/shared';
import { useMemo } from 'react';
import { useT } from '../../../../i18n/locale';
import { useBoard } from '../../../../state/store';
import { type FromTables, itemTables } from '../../../../state/tableFilter';

/** The tables an item came from, in the tables' order (unknown ids, i.e. removed tables, left out). */
export function knownTables(item: FromTables, tables: readonly Table[]): Table[] {
  const ids = itemTables(item);
  return tables.filter((table) => ids.includes(table.id));
}

/**
 * Where an item came from, as coloured chips ("Table 1 · Table 3"): an issue merged from
 * several tables shows them all. Nothing for an item made in plenary.
 */
export function TableProvenance({ item }: { item: FromTables }) {
  const t = useT();
  const tables = useBoard((s) => s.tables.tables);
  // A new array each render would be another list: computed from the ids only.
  const key = itemTables(item).join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the item's tables.
  const shown = useMemo(() => knownTables(item, tables), [key, tables]);
  if (shown.length === 0) return null;
  const names = shown.map((table) => table.name).join(', ');
  return (
    <span
      className="table-provenance"
      data-testid="tables.provenance"
      data-tables={shown.map((table) => table.id).join(' ')}
      title={t.plural('tables.provenance', shown.length, { names })}
    >
      <span className="visually-hidden">{t.plural('tables.provenance', shown.length, { names })}</span>
      {shown.map((table) => (
        <span
          key={table.id}
          className="table-provenance__chip"
          data-testid="tables.provenanceChip"
          data-table-id={table.id}
          style={{ borderColor: table.color }}
          aria-hidden="true"
        >
          <span className="table-provenance__dot" style={{ background: table.color }} />
          {table.name}
        </span>
      ))}
    </span>
  );
}
