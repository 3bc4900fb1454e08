import {
  type ActionSheet,
  actionsReader,
  axesReader,
  createAction,
  deleteAction,
  formatEuros,
  observeDeletedActions,
  rankAction,
} from '@atelier/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/translate';
import { useSheetActivity } from '../../../state/presenceStores';
import { boardStore, useBoard, useCanEdit } from '../../../state/store';
import { useBoardDoc } from '../../../state/useBoardDoc';
import { useBoardValue } from '../../../state/useBoardValue';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { PeopleInitials } from './FieldPeople';
import { groupSheets, type SheetGroup } from './groups';
import { SheetEditor } from './SheetEditor';
import { useSheetCommands } from './useSheetCommands';

function focusCard(id: string): void {
  document
    .querySelector<HTMLElement>(`[data-testid="sheet.open"][data-sheet-id="${CSS.escape(id)}"]`)
    ?.focus();
}

/**
 * Step 4 (action plan): the action sheets as cards, one column per strategic axis (and one
 * for sheets without an axis); a card opens the sheet's editor over the step.
 */
export function ActionsStep() {
  const t = useT();
  const sheets = useBoardValue(actionsReader);
  const axes = useBoardValue(axesReader);
  const openId = useBoard((s) => s.openSheet);
  const loaded = useBoard((s) => s.boardLoaded);
  const editable = useCanEdit();
  const projector = useBoard((s) => s.projector);
  const commands = useSheetCommands();
  const doc = useBoardDoc();
  const [deleting, setDeleting] = useState<ActionSheet | null>(null);
  const groups = groupSheets(t, sheets, axes);
  const open = openId === null ? undefined : sheets.find((s) => s.id === openId);

  // The open sheet was deleted: close it, and say so when someone else did it (not our own
  // delete or undo, which are local transactions).
  useEffect(() => {
    return observeDeletedActions(doc, (ids, transaction) => {
      const id = boardStore.getState().openSheet;
      if (id === null || !ids.has(id)) return;
      boardStore.getState().setOpenSheet(null);
      if (!transaction.local) boardStore.getState().toast('info', t('sheet.deletedByOther'));
    });
  }, [doc, t]);
  // A sheet that is not in the document at all (gone while we were away): closed quietly.
  useEffect(() => {
    if (loaded && openId !== null && !open) boardStore.getState().setOpenSheet(null);
  }, [loaded, openId, open]);

  const close = () => {
    const id = openId;
    boardStore.getState().setOpenSheet(null);
    if (id) requestAnimationFrame(() => focusCard(id));
  };

  return (
    <div className={projector ? 'plan plan--projector' : 'plan'} data-testid="sheet.step">
      {/* Behind the open sheet, out of reach of the keyboard and screen readers too. */}
      <header className="plan__header" inert={open !== undefined}>
        <h2 className="plan__title">{t('sheet.heading')}</h2>
        <span className="plan__count">{t.plural('sheet.count', sheets.length)}</span>
        {!projector && <p className="plan__intro muted">{t('sheet.intro')}</p>}
      </header>
      <div className="plan__groups" inert={open !== undefined}>
        {groups.map((group) => (
          <Group
            key={group.axis ?? ''}
            group={group}
            editable={editable}
            onDelete={setDeleting}
            onCreated={(id) => boardStore.getState().setOpenSheet(id)}
          />
        ))}
      </div>
      {open && (
        <SheetEditor
          key={open.id}
          sheet={open}
          axes={axes}
          onClose={close}
          onDelete={() => setDeleting(open)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('sheet.deleteTitle')}
          text={t('sheet.deleteText', { title: deleting.title.trim() || t('sheet.untitled') })}
          confirmLabel={t('sheet.deleteConfirm')}
          cancelLabel={t('sheet.cancel')}
          testId="sheet.delete-dialog"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            try {
              if (commands.run((d) => deleteAction(d, id)))
                boardStore.getState().toast('success', t('sheet.deleted'));
            } catch {
              // Someone else deleted it first: nothing left to do.
            }
          }}
        />
      )}
    </div>
  );
}

function Group({
  group,
  editable,
  onDelete,
  onCreated,
}: {
  group: SheetGroup;
  editable: boolean;
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
      {editable && <NewSheet group={group} onCreated={onCreated} />}
    </section>
  );
}

const STATUS_CLASS = { idea: 'idea', drafting: 'drafting', validated: 'validated' } as const;

function SheetCard({
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

/** "+ New sheet" at the bottom of a column: asks the title in place, creates the sheet and opens it. */
function NewSheet({ group, onCreated }: { group: SheetGroup; onCreated: (id: string) => void }) {
  const t = useT();
  const id = useId();
  const commands = useSheetCommands();
  const [title, setTitle] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setTitle(null);
    setError(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  if (title === null)
    return (
      <button
        ref={buttonRef}
        type="button"
        className="plan-group__new"
        data-testid="sheet.new"
        aria-label={t('sheet.newIn', { group: group.label })}
        onClick={() => setTitle('')}
      >
        <Icon name="plus" size={18} />
        {t('sheet.new')}
      </button>
    );
  const create = () => {
    let created = '';
    try {
      commands.run((doc) => {
        created = createAction(doc, { title, axis: group.axis });
      });
    } catch {
      setError(true);
      return;
    }
    setTitle(null);
    setError(false);
    if (created !== '') onCreated(created);
  };
  return (
    <form
      className="plan-group__form"
      onSubmit={(event) => {
        event.preventDefault();
        create();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('sheet.newTitle')}
      </label>
      <input
        id={id}
        className="input"
        value={title}
        maxLength={160}
        placeholder={t('sheet.newPlaceholder')}
        {...fieldErrorProps(`${id}-error`, error)}
        data-testid="sheet.new-title"
        // biome-ignore lint/a11y/noAutofocus: the person just asked for a new sheet; its title comes first.
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            cancel();
          }
        }}
      />
      <FieldError id={`${id}-error`} error={error && t('sheet.titleRequired')} />
      <div className="plan-group__form-actions">
        <button type="submit" className="button button--primary" data-testid="sheet.create">
          {t('sheet.create')}
        </button>
        <button type="button" className="button" onClick={cancel}>
          {t('sheet.cancel')}
        </button>
      </div>
    </form>
  );
}
