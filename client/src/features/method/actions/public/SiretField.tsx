import { type ActionSheet, setActionLeadSiret } from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../../i18n/locale';
import type { MessageKey } from '../../../../i18n/translate';
import { FieldError, fieldErrorProps } from '../../../../ui/FieldWithError';
import { useCommitOnBlurOrEnter } from '../../../../ui/useCommitOnBlurOrEnter';
import { SheetField } from '../SheetField';
import { useSheetCommands } from '../useSheetCommands';
import { checkSiret, formatSiret } from './publicFields';

const PROBLEM: Record<'characters' | 'length' | 'key', MessageKey> = {
  characters: 'publicData.siret.characters',
  length: 'publicData.siret.length',
  key: 'publicData.siret.key',
};

/**
 * The lead organisation's SIRET, shown in groups, checked when the person leaves the field or
 * presses Enter: a refused one stays in the field with why, until it is fixed or Escape.
 */
export function SiretField({ sheet, editable }: { sheet: ActionSheet; editable: boolean }) {
  const t = useT();
  const id = useId();
  const commands = useSheetCommands();
  const [error, setError] = useState<MessageKey | null>(null);
  const field = useCommitOnBlurOrEnter({
    value: formatSiret(sheet.leadSiret),
    commit: (draft) => {
      const checked = checkSiret(draft);
      if (!checked.ok) {
        setError(PROBLEM[checked.problem]);
        return false;
      }
      setError(null);
      if (checked.value !== sheet.leadSiret)
        commands.run((doc) => setActionLeadSiret(doc, sheet.id, checked.value));
      return true;
    },
    // A fixed number takes its error away as soon as it is typed, before it is sent.
    onEdit: (draft) => {
      if (error && checkSiret(draft).ok) setError(null);
    },
    onDiscard: () => setError(null),
  });
  const describedBy = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ');
  return (
    <SheetField label={t('sheet.field.leadSiret')} htmlFor={id} field="leadSiret">
      <input
        id={id}
        className="input public-siret"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={24}
        readOnly={!editable}
        placeholder={editable ? '123 456 789 00012' : undefined}
        {...fieldErrorProps(`${id}-error`, error)}
        aria-describedby={describedBy}
        data-testid="sheet.leadSiret"
        {...field}
      />
      <p id={`${id}-hint`} className="hint public-hint">
        {t('publicData.siret.hint')}
      </p>
      <FieldError id={`${id}-error`} error={error && t(error)} testId="sheet.leadSiret-error" />
    </SheetField>
  );
}
