import {
  type FinancingLine,
  type FinancingLineInput,
  type FinancingSource,
  removeFinancingLine,
  updateFinancingLine,
} from '@atelier/shared';
import { useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { FieldWithError } from '../../../ui/FieldWithError';
import { AmountInput } from './AmountInput';
import { attempt, type EntryErrors, financingLabelProblem, LABEL_MAX } from './entries';
import { SecuredSelect, SourceSelect } from './financingSelects';
import { amountMessage, checkAmount } from './format';
import { RemoveEntryButton } from './SheetList';
import { useSheetCommands } from './useSheetCommands';

/** One line of the plan, changed field by field; a change that would leave it invalid waits here until fixed. */
export function FinancingLineRow({ sheetId, line }: { sheetId: string; line: FinancingLine }) {
  const t = useT();
  const commands = useSheetCommands();
  const sourceName = line.label || t(`sheet.source.${line.source}`);
  // A source or label not saved yet (an "other" source waiting for its label).
  const [pending, setPending] = useState<{ source: FinancingSource; label: string } | null>(null);
  const [errors, setErrors] = useState<EntryErrors<'label' | 'amount'>>({});
  const source = pending?.source ?? line.source;
  const label = pending?.label ?? line.label;

  const save = (patch: Partial<FinancingLineInput>): boolean =>
    attempt(() => commands.run((doc) => updateFinancingLine(doc, sheetId, line.id, patch)));
  const saveSourceAndLabel = (next: { source: FinancingSource; label: string }) => {
    const problem = financingLabelProblem(next.source, next.label);
    if (problem || !save(next)) {
      setPending(next);
      setErrors((e) => ({ ...e, label: problem ?? 'sheet.error.otherLabel' }));
      return;
    }
    setPending(null);
    setErrors((e) => ({ ...e, label: undefined }));
  };
  const labelRef = useRef<HTMLInputElement>(null);

  return (
    <tr data-testid="sheet.financing-line" data-line-id={line.id}>
      <td>
        <SourceSelect
          value={source}
          label={t('sheet.financing.source')}
          testId="sheet.financing-source"
          onChange={(next) => {
            saveSourceAndLabel({ source: next, label });
            if (financingLabelProblem(next, label)) labelRef.current?.focus();
          }}
        />
      </td>
      <td>
        <FieldWithError error={errors.label && t(errors.label)}>
          {(errorProps) => (
            <input
              ref={labelRef}
              className="input"
              value={label}
              maxLength={LABEL_MAX}
              aria-label={t('sheet.financing.label')}
              {...errorProps}
              data-testid="sheet.financing-label"
              onChange={(event) => setPending({ source, label: event.target.value })}
              onBlur={() => {
                if (pending) saveSourceAndLabel(pending);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && pending) saveSourceAndLabel(pending);
              }}
            />
          )}
        </FieldWithError>
      </td>
      <td className="sheet-financing__amount">
        <FieldWithError error={errors.amount && t(errors.amount)}>
          {(errorProps) => (
            <AmountInput
              amount={line.amount}
              locale={t.locale}
              aria-label={t('sheet.financing.amount')}
              {...errorProps}
              testId="sheet.financing-amount"
              onCommit={(text) => {
                const checked = checkAmount(text, t.locale, false);
                const ok = checked.ok && checked.value !== null && save({ amount: checked.value });
                setErrors((e) => ({
                  ...e,
                  amount: ok
                    ? undefined
                    : checked.ok
                      ? 'sheet.error.notNumber'
                      : amountMessage[checked.problem],
                }));
                return ok;
              }}
              onReset={() => setErrors((e) => ({ ...e, amount: undefined }))}
            />
          )}
        </FieldWithError>
      </td>
      <td>
        <SecuredSelect
          value={line.secured}
          label={t('sheet.financing.state')}
          testId="sheet.financing-secured"
          onChange={(secured) => save({ secured })}
        />
      </td>
      <td>
        <RemoveEntryButton
          label={t('sheet.financing.remove', { source: sourceName })}
          testId="sheet.financing-remove"
          onRemove={() => commands.run((doc) => removeFinancingLine(doc, sheetId, line.id))}
        />
      </td>
    </tr>
  );
}
