import { ACTION_PROGRESSES, type ActionProgress, type ActionSheet, setActionProgress } from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../../i18n/locale';
import { SheetField } from '../SheetField';
import { useSheetCommands } from '../useSheetCommands';

/** Where the action stands once decided (the follow-up after the workshop), saved as soon as it changes. */
export function ProgressField({ sheet, editable }: { sheet: ActionSheet; editable: boolean }) {
  const t = useT();
  const id = useId();
  const commands = useSheetCommands();
  return (
    <SheetField label={t('sheet.field.progress')} htmlFor={id} field="progress">
      <select
        id={id}
        className="input"
        value={sheet.progress ?? ''}
        disabled={!editable}
        data-testid="sheet.progress"
        onChange={(event) => {
          const value = event.target.value === '' ? null : (event.target.value as ActionProgress);
          commands.run((doc) => setActionProgress(doc, sheet.id, value));
        }}
      >
        <option value="">{t('sheet.progress.none')}</option>
        {ACTION_PROGRESSES.map((progress) => (
          <option key={progress} value={progress}>
            {t(`sheet.progress.${progress}`)}
          </option>
        ))}
      </select>
    </SheetField>
  );
}
