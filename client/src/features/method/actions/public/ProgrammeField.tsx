import { type ActionSheet, PROGRAMME_MAX, PROGRAMME_SUGGESTIONS, setActionProgramme } from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../../i18n/locale';
import { useCommitOnBlurOrEnter } from '../../../../ui/useCommitOnBlurOrEnter';
import { SheetField } from '../SheetField';
import { useSheetCommands } from '../useSheetCommands';

/** The programme the sheet belongs to: any text, with the usual ones suggested; saved on leaving or Enter. */
export function ProgrammeField({ sheet, editable }: { sheet: ActionSheet; editable: boolean }) {
  const t = useT();
  const id = useId();
  const commands = useSheetCommands();
  const field = useCommitOnBlurOrEnter({
    value: sheet.programme,
    commit: (draft) => {
      const next = draft.replace(/\s+/g, ' ').trim();
      if (next !== sheet.programme) commands.run((doc) => setActionProgramme(doc, sheet.id, next));
      return true;
    },
  });
  return (
    <SheetField label={t('sheet.field.programme')} htmlFor={id} field="programme">
      <input
        id={id}
        className="input"
        list={editable ? `${id}-suggestions` : undefined}
        maxLength={PROGRAMME_MAX}
        readOnly={!editable}
        placeholder={editable ? t('publicData.programme.placeholder') : undefined}
        autoComplete="off"
        data-testid="sheet.programme"
        {...field}
      />
      {editable && (
        <datalist id={`${id}-suggestions`}>
          {PROGRAMME_SUGGESTIONS.map((programme) => (
            <option key={programme} value={programme} />
          ))}
        </datalist>
      )}
    </SheetField>
  );
}
