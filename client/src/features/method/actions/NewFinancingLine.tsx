import { addFinancingLine, type FinancingSource } from '@atelier/shared';
import { useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { FieldWithError } from '../../../ui/FieldWithError';
import { commitEntry, type EntryErrors, financingLabelProblem, LABEL_MAX } from './entries';
import { SecuredSelect, SourceSelect } from './financingSelects';
import { amountMessage, checkAmount } from './format';
import { NewEntryForm } from './SheetList';
import { useSheetCommands } from './useSheetCommands';

/** The form under the plan that adds a line. */
export function NewFinancingLine({ sheetId }: { sheetId: string }) {
  const t = useT();
  const commands = useSheetCommands();
  const [source, setSource] = useState<FinancingSource>('own-funds');
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [secured, setSecured] = useState(false);
  const [errors, setErrors] = useState<EntryErrors<'label' | 'amount'>>({});
  const amountRef = useRef<HTMLInputElement>(null);

  const add = () => {
    const checked = checkAmount(amount, t.locale, false);
    const problems: EntryErrors<'label' | 'amount'> = {
      label: financingLabelProblem(source, label),
      amount: checked.ok ? undefined : amountMessage[checked.problem],
    };
    if (!checked.ok || checked.value === null) return setErrors(problems);
    const value = checked.value;
    const result = commitEntry(
      problems,
      () => commands.run((doc) => addFinancingLine(doc, sheetId, { source, label, amount: value, secured })),
      { amount: 'sheet.error.notNumber' },
    );
    setErrors(result.errors);
    if (!result.written) return;
    setLabel('');
    setAmount('');
    setSecured(false);
    amountRef.current?.closest('form')?.querySelector('select')?.focus();
  };

  return (
    <NewEntryForm
      className="sheet-financing__new"
      label={t('sheet.financing.new')}
      testId="sheet.financing-new"
      addLabel={t('sheet.financing.add')}
      addTestId="sheet.financing-add"
      onAdd={add}
    >
      <SourceSelect
        value={source}
        label={t('sheet.financing.source')}
        testId="sheet.financing-new-source"
        className="sheet-financing__new-source"
        onChange={setSource}
      />
      <div className="sheet-financing__new-field">
        <FieldWithError error={errors.label && t(errors.label)}>
          {(errorProps) => (
            <input
              className="input"
              value={label}
              maxLength={LABEL_MAX}
              placeholder={t('sheet.financing.labelPlaceholder')}
              aria-label={t('sheet.financing.label')}
              {...errorProps}
              data-testid="sheet.financing-new-label"
              onChange={(event) => setLabel(event.target.value)}
            />
          )}
        </FieldWithError>
      </div>
      <div className="sheet-financing__new-field sheet-financing__new-field--amount">
        <FieldWithError error={errors.amount && t(errors.amount)} errorTestId="sheet.financing-new-error">
          {(errorProps) => (
            <input
              ref={amountRef}
              className="input sheet-amount"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              placeholder={t('sheet.financing.amount')}
              aria-label={t('sheet.financing.amount')}
              {...errorProps}
              data-testid="sheet.financing-new-amount"
              onChange={(event) => setAmount(event.target.value)}
            />
          )}
        </FieldWithError>
      </div>
      <SecuredSelect
        value={secured}
        label={t('sheet.financing.state')}
        testId="sheet.financing-new-secured"
        className="sheet-financing__new-state"
        onChange={setSecured}
      />
    </NewEntryForm>
  );
}
