import { type ActionSheet, rankAction } from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../i18n/locale';
import type { SheetGroup } from './groups';
import { NewSheet } from './NewSheet';
import { focusCard, SheetCard } from './SheetCard';
import { useSheetCommands } from './useSheetCommands';

/** One column of step 4: an axis (or no axis) and its sheets' cards in order, then "+ New sheet". */
export function GroupColumn({
  group,
  editable,
  addable = editable,
  onDelete,
  onCreated,
}: {
  group: SheetGroup;
  editable: boolean;
  /** Whether it offers "+ New sheet" (grouped by table, only the plenary's section: new sheets land there). */
  addable?: boolean;
  onDelete: (sheet: ActionSheet) => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const headingId = useId();
  const commands = useSheetCommands();
  const move = (index: number, by: -1 | 1) => {
    const { sheets } = group;
    const sheet = sheets[index];
    if (!sheet) return;
    // Between the two sheets around its new place.
    const after = by === -1 ? (sheets[index - 2]?.id ?? null) : (sheets[index + 1]?.id ?? null);
    const before = by === -1 ? (sheets[index - 1]?.id ?? null) : (sheets[index + 2]?.id ?? null);
    try {
      commands.run((doc) => rankAction(doc, sheet.id, after, before));
    } catch {
      // A neighbour deleted by someone else a moment ago: the list redraws without it.
    }
    requestAnimationFrame(() => focusCard(sheet.id));
  };
  return (
    <section
      className="plan-group"
      aria-labelledby={headingId}
      data-testid="sheet.group"
      data-axis-id={group.axis ?? ''}
    >
      <header className="plan-group__header">
        <h3 id={headingId} className="plan-group__title">
          {group.label}
        </h3>
        <span className="plan-group__count">{group.sheets.length}</span>
      </header>
      {group.sheets.length === 0 && !editable && <p className="plan-group__empty">{t('sheet.groupEmpty')}</p>}
      <ol className="plan-group__cards">
        {group.sheets.map((sheet, index) => (
          <li key={sheet.id}>
            <SheetCard
              sheet={sheet}
              editable={editable}
              first={index === 0}
              last={index === group.sheets.length - 1}
              onMove={(by) => move(index, by)}
              onDelete={() => onDelete(sheet)}
            />
          </li>
        ))}
      </ol>
      {addable && <NewSheet group={group} onCreated={onCreated} />}
    </section>
  );
}
