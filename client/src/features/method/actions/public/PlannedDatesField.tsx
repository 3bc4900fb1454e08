import { type ActionSheet, setActionDates } from '@atelier/shared';
import {
  type ChangeEvent,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  useId,
  useState,
} from 'react';
import { useT } from '../../../../i18n/locale';
import type { MessageKey } from '../../../../i18n/translate';
import { FieldError, fieldErrorProps } from '../../../../ui/FieldWithError';
import { SheetField } from '../SheetField';
import { useSheetCommands } from '../useSheetCommands';
import { datesProblem, isWholeDate } from './publicFields';

type Which = 'startDate' | 'endDate';

/**
 * The planned start and end: each saved once a whole date is typed or picked (or cleared when the
 * field is emptied and left). An end before the start is refused and says so, under the dates.
 * `after` joins the group (the progress, beside the dates).
 */
export function PlannedDatesField({
  sheet,
  editable,
  after,
}: {
  sheet: ActionSheet;
  editable: boolean;
  after?: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const commands = useSheetCommands();
  const [drafts, setDrafts] = useState<Partial<Record<Which, string>>>({});
  const [error, setError] = useState<{ field: Which; message: MessageKey } | null>(null);

  /** Saves `value` for one of the dates; `false` when it is refused (the message says why). */
  const save = (which: Which, value: string | null): boolean => {
    const next = { startDate: sheet.startDate, endDate: sheet.endDate, [which]: value };
    if (datesProblem(next.startDate, next.endDate)) {
      setError({ field: which, message: 'publicData.dates.endBeforeStart' });
      return false;
    }
    setError(null);
    if (next.startDate !== sheet.startDate || next.endDate !== sheet.endDate)
      commands.run((doc) => setActionDates(doc, sheet.id, next));
    return true;
  };

  const forget = (which: Which) => setDrafts(({ [which]: _, ...rest }) => rest);

  const onChange = (which: Which) => (event: ChangeEvent<HTMLInputElement>) => {
    const { value } = event.target;
    setDrafts((current) => ({ ...current, [which]: value }));
    if (isWholeDate(value) && save(which, value)) forget(which);
  };

  const onLeave =
    (which: Which) => (event: FocusEvent<HTMLInputElement> | KeyboardEvent<HTMLInputElement>) => {
      const input = event.currentTarget;
      if (drafts[which] === undefined) return;
      if (input.validity.badInput) {
        setError({ field: which, message: 'publicData.dates.incomplete' });
        return;
      }
      if (save(which, input.value === '' ? null : input.value)) forget(which);
    };

  const input = (which: Which) => {
    const fieldId = `${id}-${which}`;
    const invalid = error?.field === which;
    return (
      <SheetField label={t(`sheet.field.${which}`)} htmlFor={fieldId}>
        <input
          id={fieldId}
          type="date"
          className="input"
          value={drafts[which] ?? sheet[which] ?? ''}
          readOnly={!editable}
          {...fieldErrorProps(`${id}-error`, invalid)}
          data-testid={`sheet.${which}`}
          onChange={onChange(which)}
          onBlur={onLeave(which)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onLeave(which)(event);
            } else if (event.key === 'Escape' && drafts[which] !== undefined) {
              event.preventDefault();
              event.stopPropagation();
              forget(which);
              setError(null);
            }
          }}
        />
      </SheetField>
    );
  };

  return (
    <fieldset className="public-dates" data-field="dates">
      <legend className="public-dates__legend">{t('publicData.dates.legend')}</legend>
      <div className="public-dates__row">
        {input('startDate')}
        {input('endDate')}
        {after}
        <FieldError id={`${id}-error`} error={error && t(error.message)} testId="sheet.dates-error" />
      </div>
    </fieldset>
  );
}
