import type { Table } from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../../i18n/locale';
import { useBoard, useTableSpace } from '../../../../state/store';
import { TableChip } from '../TableSpace';

interface Props {
  /** The item's `table` (an id that names no table any more reads as none). */
  table: string | null;
  /** The select's accessible name ("Table de l’axe 2"), or `null` when a label outside names `selectId`. */
  label: string | null;
  selectId?: string;
  /** Gives the item to a table, or back to the plenary (`null`). */
  onGive: (table: string | null) => void;
  testId: string;
  itemId: string;
}

/** The table an item names, among those that exist, or `null`. */
function useKnownTable(id: string | null): Table | null {
  return useBoard((s) => s.tables.tables.find((table) => table.id === id) ?? null);
}

/** Whether this person hands out work to tables here: a facilitator, off the projector, once there are tables. */
export function useCanGive(): boolean {
  return useBoard((s) => s.me?.role === 'facilitator' && !s.projector && s.tables.tables.length > 0);
}

/**
 * An axis's or sheet's table: for the facilitator, a select giving it to a table or back to
 * the plenary; for everyone else, in plenary, the table's chip (during a round every item
 * shown is one's table's, so the chip would say nothing).
 */
export function ItemTable({ table, label, selectId, onGive, testId, itemId }: Props) {
  const t = useT();
  const known = useKnownTable(table);
  const tables = useBoard((s) => s.tables.tables);
  const canGive = useCanGive();
  const plenary = useTableSpace().kind === 'plenary';
  const ownId = useId();
  const id = selectId ?? ownId;
  if (!canGive) {
    if (!known || !plenary) return null;
    return (
      <span className="item-table item-table--chip" data-testid={`${testId}-chip`} data-item-id={itemId}>
        <span className="visually-hidden">{t('give.tableOf')} </span>
        <TableChip table={known} />
      </span>
    );
  }
  return (
    <span className="item-table">
      {label !== null && (
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
      )}
      <span
        className={known ? 'item-table__dot' : 'item-table__dot item-table__dot--none'}
        style={known ? { background: known.color } : undefined}
        aria-hidden="true"
      />
      <select
        id={id}
        className="item-table__select"
        value={known?.id ?? ''}
        data-testid={testId}
        data-item-id={itemId}
        onChange={(event) => onGive(event.target.value || null)}
      >
        <option value="">{t('give.plenary')}</option>
        {tables.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </span>
  );
}
