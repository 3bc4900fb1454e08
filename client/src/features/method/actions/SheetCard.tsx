import { type ActionSheet, formatEuros } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/translate';
import { useSheetActivity } from '../../../state/presenceStores';
import { boardStore } from '../../../state/store';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { SheetTable } from '../../facilitation/tables/give/GiveControls';
import { PeopleInitials } from './FieldPeople';

/** Gives the focus to the card of sheet `id` (its title, the button that opens it). */
export function focusCard(id: string): void {
  document
    .querySelector<HTMLElement>(`[data-testid="sheet.open"][data-sheet-id="${CSS.escape(id)}"]`)
    ?.focus();
}

const STATUS_CLASS = { idea: 'idea', drafting: 'drafting', validated: 'validated' } as const;

/** An action sheet's card in its column: status, priority, title (opens it), lead, budget, who is in it. */
export function SheetCard({
  sheet,
  editable,
  first,
  last,
  onMove,
  onDelete,
}: {
  sheet: ActionSheet;
  editable: boolean;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
}) {
  const t = useT();
  const people = useSheetActivity(sheet.id);
  const title = sheet.title.trim() || t('sheet.untitled');
  const fieldName = (field: string) => t(`sheet.field.${field}` as MessageKey);
  const names = people.map((p) =>
    p.field ? t('sheet.fieldOf', { name: p.name, field: fieldName(p.field) }) : p.name,
  );
  return (
    <article
      className={`sheet-card sheet-card--${STATUS_CLASS[sheet.status]}`}
      data-testid="sheet.card"
      data-sheet-id={sheet.id}
      data-status={sheet.status}
      data-item-tables={sheet.table ?? ''}
    >
      <div className="sheet-card__badges">
        <span className={`sheet-badge sheet-badge--${sheet.status}`} data-testid="sheet.card-status">
          {t(`sheet.status.${sheet.status}`)}
        </span>
        {sheet.priority && (
          <span
            className={`sheet-badge sheet-badge--priority-${sheet.priority}`}
            data-testid="sheet.card-priority"
          >
            {t('sheet.priorityBadge', { priority: t(`sheet.priority.${sheet.priority}`).toLowerCase() })}
          </span>
        )}
        <SheetTable sheet={sheet} />
      </div>
      <h4 className="sheet-card__title">
        <button
          type="button"
          className="sheet-card__open"
          data-testid="sheet.open"
          data-sheet-id={sheet.id}
          aria-label={t('sheet.open', { title })}
          onClick={() => boardStore.getState().setOpenSheet(sheet.id)}
        >
          {title}
        </button>
      </h4>
      {sheet.lead.trim() && (
        <p className="sheet-card__lead">{t('sheet.lead', { lead: sheet.lead.trim() })}</p>
      )}
      <div className="sheet-card__footer">
        <span
          className={
            sheet.budget === null ? 'sheet-card__budget sheet-card__budget--none' : 'sheet-card__budget'
          }
          data-testid="sheet.card-budget"
        >
          {sheet.budget === null ? t('sheet.noBudget') : formatEuros(sheet.budget, t.locale)}
        </span>
        <PeopleInitials
          people={people}
          label={t('sheet.peopleIn', { names: names.join(', ') })}
          testId="sheet.card-people"
          small
        />
        {editable && (
          <span className="sheet-card__actions">
            <IconButton
              className="icon-button--small"
              label={t('sheet.moveUp', { title })}
              disabled={first}
              onClick={() => onMove(-1)}
            >
              <span aria-hidden="true">↑</span>
            </IconButton>
            <IconButton
              className="icon-button--small"
              label={t('sheet.moveDown', { title })}
              disabled={last}
              onClick={() => onMove(1)}
            >
              <span aria-hidden="true">↓</span>
            </IconButton>
            <IconButton
              className="icon-button--small sheet-card__delete"
              label={t('sheet.delete', { title })}
              testId="sheet.delete"
              onClick={onDelete}
            >
              <Icon name="close" size={16} />
            </IconButton>
          </span>
        )}
      </div>
    </article>
  );
}
