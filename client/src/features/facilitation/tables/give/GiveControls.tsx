import type { ActionSheet } from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../../i18n/locale';
import { SheetField } from '../../../method/actions/SheetField';
import { ItemTable, useCanGive } from './ItemTable';
import { useGive } from './useGive';

/** Step 3's column head: the axis's table (the facilitator gives it, with its sheets). */
export function AxisTable({
  axisId,
  number,
  table,
}: {
  axisId: string;
  number: number;
  table: string | null;
}) {
  const t = useT();
  const give = useGive();
  return (
    <ItemTable
      table={table}
      label={t('give.axisLabel', { n: number })}
      onGive={(next) => give.axis(axisId, next)}
      testId="give.axis"
      itemId={axisId}
    />
  );
}

/** A sheet's card in step 4: its table. */
export function SheetTable({ sheet }: { sheet: ActionSheet }) {
  const t = useT();
  const give = useGive();
  return (
    <ItemTable
      table={sheet.table}
      label={t('give.sheetLabel', { title: sheet.title.trim() || t('sheet.untitled') })}
      onGive={(next) => give.sheet(sheet.id, next)}
      testId="give.sheet"
      itemId={sheet.id}
    />
  );
}

/** The open sheet's "Table" field, beside its axis (only the facilitator has it). */
export function SheetTableField({ sheet }: { sheet: ActionSheet }) {
  const t = useT();
  const give = useGive();
  const id = useId();
  if (!useCanGive()) return null;
  return (
    <SheetField label={t('give.field')} htmlFor={id} field="table">
      <ItemTable
        table={sheet.table}
        label={null}
        selectId={id}
        onGive={(next) => give.sheet(sheet.id, next)}
        testId="give.sheet-editor"
        itemId={sheet.id}
      />
    </SheetField>
  );
}
