import {
  type ActionSheet,
  addMilestone,
  formatDate,
  IsoDate,
  type Milestone,
  removeMilestone,
  updateMilestone,
} from '@atelier/shared';
import { useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/translate';
import { useCanEdit } from '../../../state/store';
import { FieldError, FieldWithError, fieldErrorProps } from '../../../ui/FieldWithError';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { FieldPeople } from './FieldPeople';
import { useFieldFocus } from './useFieldFocus';
import { useSheetCommands } from './useSheetCommands';

const LABEL_MAX = 200;

type Errors = { date?: MessageKey | undefined; label?: MessageKey | undefined };

function check(date: string, label: string): Errors {
  const errors: Errors = {};
  if (!IsoDate.safeParse(date).success) errors.date = 'sheet.error.date';
  if (label.trim() === '') errors.label = 'sheet.error.milestoneLabel';
  else if (label.trim().length > LABEL_MAX) errors.label = 'sheet.error.labelTooLong';
  return errors;
}

/** The timeline (calendrier): milestones by date, each a date and what happens then. */
export function Milestones({ sheet }: { sheet: ActionSheet }) {
  const t = useT();
  const editable = useCanEdit();
  const focus = useFieldFocus('milestones');
  const headingId = useId();
  return (
    <section
      className="sheet-milestones"
      aria-labelledby={headingId}
      data-testid="sheet.milestones"
      {...focus}
    >
      <div className="sheet-field__label">
        <h3 id={headingId}>{t('sheet.field.milestones')}</h3>
        <FieldPeople sheetId={sheet.id} field="milestones" />
      </div>
      {sheet.milestones.length === 0 ? (
        <p className="muted">{t('sheet.milestone.empty')}</p>
      ) : (
        <ol className="sheet-milestones__list">
          {sheet.milestones.map((milestone) => (
            <MilestoneRow key={milestone.id} sheetId={sheet.id} milestone={milestone} editable={editable} />
          ))}
        </ol>
      )}
      {editable && <NewMilestone sheetId={sheet.id} />}
    </section>
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
    const next = check(patch.date ?? milestone.date, patch.label ?? milestone.label);
    setErrors(next);
    if (next.date || next.label) return false;
    try {
      commands.run((doc) => updateMilestone(doc, sheetId, milestone.id, patch));
      return true;
    } catch {
      setErrors({ date: 'sheet.error.date' });
      return false;
    }
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
      <IconButton
        className="icon-button--small"
        label={t('sheet.milestone.remove', { label: milestone.label })}
        testId="sheet.milestone-remove"
        onClick={() => commands.run((doc) => removeMilestone(doc, sheetId, milestone.id))}
      >
        <Icon name="close" size={16} />
      </IconButton>
      {/* One message for the row, under both fields: the date's first. */}
      <FieldError
        id={`${id}-${errors.date ? 'date' : 'label'}`}
        error={(errors.date || errors.label) && t(errors.date ?? errors.label ?? 'sheet.error.date')}
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
    const next = check(date, label);
    setErrors(next);
    if (next.date || next.label) return;
    try {
      commands.run((doc) => addMilestone(doc, sheetId, { date, label }));
    } catch {
      setErrors({ date: 'sheet.error.date' });
      return;
    }
    setDate('');
    setLabel('');
    dateRef.current?.focus();
  };
  return (
    <form
      className="sheet-milestones__new"
      aria-label={t('sheet.milestone.new')}
      data-testid="sheet.milestone-new"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
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
      <button type="submit" className="button" data-testid="sheet.milestone-add">
        <Icon name="plus" size={16} />
        {t('sheet.milestone.add')}
      </button>
    </form>
  );
}
