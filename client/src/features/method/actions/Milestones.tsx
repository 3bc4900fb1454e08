import {
  type ActionSheet,
  addMilestone,
  formatDate,
  type Milestone,
  removeMilestone,
  updateMilestone,
} from '@atelier/shared';
import { useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useCanEdit } from '../../../state/store';
import { FieldError, FieldWithError, fieldErrorProps } from '../../../ui/FieldWithError';
import { commitEntry, type EntryErrors, hasError, LABEL_MAX, milestoneProblems } from './entries';
import { NewEntryForm, RemoveEntryButton, SheetList } from './SheetList';
import { useSheetCommands } from './useSheetCommands';

type Errors = EntryErrors<'date' | 'label'>;

/** The timeline (calendrier): milestones by date, each a date and what happens then. */
export function Milestones({ sheet }: { sheet: ActionSheet }) {
  const t = useT();
  const editable = useCanEdit();
  return (
    <SheetList
      sheetId={sheet.id}
      field="milestones"
      className="sheet-milestones"
      testId="sheet.milestones"
      title={t('sheet.field.milestones')}
      empty={sheet.milestones.length === 0}
      emptyText={t('sheet.milestone.empty')}
      entries={
        <ol className="sheet-milestones__list">
          {sheet.milestones.map((milestone) => (
            <MilestoneRow key={milestone.id} sheetId={sheet.id} milestone={milestone} editable={editable} />
          ))}
        </ol>
      }
      newEntry={editable && <NewMilestone sheetId={sheet.id} />}
    />
  );
}

function MilestoneRow({
  sheetId,
  milestone,
  editable,
}: {
  sheetId: string;
  milestone: Milestone;
  editable: boolean;
}) {
  const t = useT();
  const commands = useSheetCommands();
  const id = useId();
  const [label, setLabel] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const when = (
    <time className="sheet-milestones__date" dateTime={milestone.date}>
      {formatDate(milestone.date, t.locale)}
    </time>
  );
  if (!editable)
    return (
      <li className="sheet-milestones__item" data-testid="sheet.milestone">
        {when}
        <span className="sheet-milestones__label">{milestone.label}</span>
      </li>
    );

  const save = (patch: { date?: string; label?: string }) => {
    const next = milestoneProblems(patch.date ?? milestone.date, patch.label ?? milestone.label);
    const result = commitEntry(
      next,
      () => commands.run((doc) => updateMilestone(doc, sheetId, milestone.id, patch)),
      { date: 'sheet.error.date' },
    );
    setErrors(result.errors);
    return result.written;
  };
  const saveLabel = () => {
    if (label === null || label === milestone.label) return setLabel(null);
    if (save({ label })) setLabel(null);
  };
  return (
    <li className="sheet-milestones__item" data-testid="sheet.milestone" data-milestone-id={milestone.id}>
      {when}
      <input
        type="date"
        className="input sheet-milestones__date-input"
        value={milestone.date}
        required
        aria-label={t('sheet.milestone.date')}
        {...fieldErrorProps(`${id}-date`, errors.date)}
        data-testid="sheet.milestone-date"
        onChange={(event) => {
          if (event.target.value) save({ date: event.target.value });
        }}
      />
      <input
        className="input sheet-milestones__label-input"
        value={label ?? milestone.label}
        maxLength={LABEL_MAX}
        aria-label={t('sheet.milestone.label')}
        {...fieldErrorProps(`${id}-label`, errors.label)}
        data-testid="sheet.milestone-label"
        onChange={(event) => setLabel(event.target.value)}
        onBlur={saveLabel}
        onKeyDown={(event) => {
          if (event.key === 'Enter') saveLabel();
        }}
      />
      <RemoveEntryButton
        label={t('sheet.milestone.remove', { label: milestone.label })}
        testId="sheet.milestone-remove"
        onRemove={() => commands.run((doc) => removeMilestone(doc, sheetId, milestone.id))}
      />
      {/* One message for the row, under both fields: the date's first. */}
      <FieldError
        id={`${id}-${errors.date ? 'date' : 'label'}`}
        error={hasError(errors) && t(errors.date ?? errors.label ?? 'sheet.error.date')}
        className="field-error sheet-milestones__error"
      />
    </li>
  );
}

function NewMilestone({ sheetId }: { sheetId: string }) {
  const t = useT();
  const commands = useSheetCommands();
  const [date, setDate] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const dateRef = useRef<HTMLInputElement>(null);
  const add = () => {
    const result = commitEntry(
      milestoneProblems(date, label),
      () => commands.run((doc) => addMilestone(doc, sheetId, { date, label })),
      { date: 'sheet.error.date' },
    );
    setErrors(result.errors);
    if (!result.written) return;
    setDate('');
    setLabel('');
    dateRef.current?.focus();
  };
  return (
    <NewEntryForm
      className="sheet-milestones__new"
      label={t('sheet.milestone.new')}
      testId="sheet.milestone-new"
      addLabel={t('sheet.milestone.add')}
      addTestId="sheet.milestone-add"
      onAdd={add}
    >
      <div className="sheet-milestones__new-field">
        <FieldWithError error={errors.date && t(errors.date)}>
          {(errorProps) => (
            <input
              ref={dateRef}
              type="date"
              className="input sheet-milestones__date-input"
              value={date}
              aria-label={t('sheet.milestone.date')}
              {...errorProps}
              data-testid="sheet.milestone-new-date"
              onChange={(event) => setDate(event.target.value)}
            />
          )}
        </FieldWithError>
      </div>
      <div className="sheet-milestones__new-field sheet-milestones__new-field--grow">
        <FieldWithError error={errors.label && t(errors.label)}>
          {(errorProps) => (
            <input
              className="input"
              value={label}
              maxLength={LABEL_MAX}
              placeholder={t('sheet.milestone.labelPlaceholder')}
              aria-label={t('sheet.milestone.label')}
              {...errorProps}
              data-testid="sheet.milestone-new-label"
              onChange={(event) => setLabel(event.target.value)}
            />
          )}
        </FieldWithError>
      </div>
    </NewEntryForm>
  );
}
