import { type ActionSheet, setActionBudget } from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/translate';
import { useCanEdit } from '../../../state/store';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';
import { AmountInput } from './AmountInput';
import { amountMessage, checkAmount } from './format';
import { SheetField } from './SheetField';
import { useSheetPresence } from './sheetPresence';
import { useFieldFocus } from './useFieldFocus';
import { useSheetCommands } from './useSheetCommands';

/** The sheet's budget in euros, saved when the person leaves the field or presses Enter. */
export function BudgetField({ sheet }: { sheet: ActionSheet }) {
  const t = useT();
  const id = useId();
  const editable = useCanEdit();
  const commands = useSheetCommands();
  const focus = useFieldFocus('budget');
  const reporter = useSheetPresence();
  const [error, setError] = useState<MessageKey | null>(null);
  return (
    <SheetField
      label={t('sheet.field.budget')}
      htmlFor={id}
      field="budget"
      people={{ sheetId: sheet.id, field: 'budget' }}
    >
      <div className="sheet-amount-wrap">
        <AmountInput
          id={id}
          amount={sheet.budget}
          locale={t.locale}
          readOnly={!editable}
          placeholder={editable ? t('sheet.placeholder.budget') : undefined}
          {...fieldErrorProps(`${id}-error`, error)}
          testId="sheet.budget"
          onFocus={focus.onFocus}
          onLeave={() => reporter?.leave('budget')}
          onCommit={(text) => {
            const checked = checkAmount(text, t.locale, true);
            if (!checked.ok) {
              setError(amountMessage[checked.problem]);
              return false;
            }
            try {
              commands.run((doc) => setActionBudget(doc, sheet.id, checked.value));
            } catch {
              setError('sheet.error.notNumber');
              return false;
            }
            setError(null);
            return true;
          }}
          onReset={() => setError(null)}
        />
        <span className="sheet-amount-wrap__unit" aria-hidden="true">
          €
        </span>
      </div>
      <FieldError id={`${id}-error`} error={error && t(error)} />
    </SheetField>
  );
}
