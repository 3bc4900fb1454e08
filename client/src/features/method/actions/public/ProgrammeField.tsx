import { type ActionSheet, PROGRAMME_MAX, PROGRAMME_SUGGESTIONS, setActionProgramme } from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../../i18n/locale';
import { useSheetCommands } from '../useSheetCommands';

/** The programme the sheet belongs to: any text, with the usual ones suggested; saved on leaving or Enter. */
export function ProgrammeField({ sheet, editable }: { sheet: ActionSheet; editable: boolean }) {
  const t = useT();
  const id = useId();
  const commands = useSheetCommands();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const next = draft.replace(/\s+/g, ' ').trim();
    if (next !== sheet.programme) commands.run((doc) => setActionProgramme(doc, sheet.id, next));
    setDraft(null);
  };
  return (
    <div className="sheet-field" data-field="programme">
      <div className="sheet-field__label">
        <label htmlFor={id}>{t('sheet.field.programme')}</label>
      </div>
      <input
        id={id}
        className="input"
        list={editable ? `${id}-suggestions` : undefined}
        value={draft ?? sheet.programme}
        maxLength={PROGRAMME_MAX}
        readOnly={!editable}
        placeholder={editable ? t('publicData.programme.placeholder') : undefined}
        autoComplete="off"
        data-testid="sheet.programme"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape' && draft !== null) {
            event.preventDefault();
            event.stopPropagation();
            setDraft(null);
          }
        }}
      />
      {editable && (
        <datalist id={`${id}-suggestions`}>
          {PROGRAMME_SUGGESTIONS.map((programme) => (
            <option key={programme} value={programme} />
          ))}
        </datalist>
      )}
    </div>
  );
}
