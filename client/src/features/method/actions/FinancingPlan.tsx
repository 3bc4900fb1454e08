import {
  type ActionSheet,
  addFinancingLine,
  FINANCING_SOURCES,
  type FinancingLine,
  type FinancingLineInput,
  type FinancingSource,
  financingTotals,
  formatEuros,
  removeFinancingLine,
  updateFinancingLine,
} from '@atelier/shared';
import { useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/translate';
import { useCanEdit } from '../../../state/store';
import { FieldWithError } from '../../../ui/FieldWithError';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { AmountInput } from './AmountInput';
import { FieldPeople } from './FieldPeople';
import { amountMessage, checkAmount } from './format';
import { useFieldFocus } from './useFieldFocus';
import { useSheetCommands } from './useSheetCommands';

const LABEL_MAX = 200;

type LineErrors = { label?: MessageKey | undefined; amount?: MessageKey | undefined };

/** The financing plan (plan de financement): one line per source, with totals and the gap to the budget. */
export function FinancingPlan({ sheet }: { sheet: ActionSheet }) {
  const t = useT();
  const editable = useCanEdit();
  const focus = useFieldFocus('financing');
  const headingId = useId();
  const totals = financingTotals(sheet);
  const euros = (n: number) => formatEuros(n, t.locale);
  return (
    <section className="sheet-financing" aria-labelledby={headingId} data-testid="sheet.financing" {...focus}>
      <div className="sheet-field__label">
        <h3 id={headingId}>{t('sheet.field.financing')}</h3>
        <FieldPeople sheetId={sheet.id} field="financing" />
      </div>
      {sheet.financing.length === 0 ? (
        <p className="muted">{t('sheet.financing.empty')}</p>
      ) : (
        <table className="sheet-financing__table">
          <thead>
            <tr>
              <th scope="col">{t('sheet.financing.source')}</th>
              <th scope="col">{t('sheet.financing.label')}</th>
              <th scope="col" className="sheet-financing__amount">
                {t('sheet.financing.amount')}
              </th>
              <th scope="col">{t('sheet.financing.state')}</th>
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">{t('sheet.financing.remove', { source: '' })}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {sheet.financing.map((line) =>
              editable ? (
                <EditableLine key={line.id} sheetId={sheet.id} line={line} />
              ) : (
                <tr key={line.id} data-testid="sheet.financing-line">
                  <td>{t(`sheet.source.${line.source}`)}</td>
                  <td>{line.label}</td>
                  <td className="sheet-financing__amount">{euros(line.amount)}</td>
                  <td>
                    <span className={`sheet-pill sheet-pill--${line.secured ? 'secured' : 'pending'}`}>
                      {t(line.secured ? 'sheet.financing.secured' : 'sheet.financing.toRequest')}
                    </span>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {editable && <NewLine sheetId={sheet.id} />}
      <dl className="sheet-financing__totals" data-testid="sheet.financing-totals">
        <div>
          <dt>{t('sheet.financing.total')}</dt>
          <dd data-testid="sheet.financing-total">{euros(totals.total)}</dd>
        </div>
        <div>
          <dt>{t('sheet.financing.securedTotal')}</dt>
          <dd>{euros(totals.secured)}</dd>
        </div>
        <div>
          <dt>{t('sheet.financing.toFind')}</dt>
          <dd>{euros(totals.toFind)}</dd>
        </div>
      </dl>
      <p
        className={`sheet-financing__gap sheet-financing__gap--${
          totals.gap === null ? 'none' : totals.gap > 0 ? 'missing' : totals.gap < 0 ? 'over' : 'balanced'
        }`}
        data-testid="sheet.financing-gap"
      >
        {totals.gap === null
          ? t('sheet.financing.noBudget')
          : totals.gap > 0
            ? t('sheet.financing.gapMissing', { amount: euros(totals.gap) })
            : totals.gap < 0
              ? t('sheet.financing.gapOver', { amount: euros(-totals.gap) })
              : t('sheet.financing.balanced')}
      </p>
    </section>
  );
}

function SourceSelect({
  value,
  onChange,
  testId,
  label,
  className,
}: {
  value: FinancingSource;
  onChange: (source: FinancingSource) => void;
  testId: string;
  label: string;
  className?: string;
}) {
  const t = useT();
  return (
    <select
      className={className ? `input ${className}` : 'input'}
      value={value}
      aria-label={label}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as FinancingSource)}
    >
      {FINANCING_SOURCES.map((source) => (
        <option key={source} value={source}>
          {t(`sheet.source.${source}`)}
        </option>
      ))}
    </select>
  );
}

function SecuredSelect({
  value,
  onChange,
  testId,
  label,
  className,
}: {
  value: boolean;
  onChange: (secured: boolean) => void;
  testId: string;
  label: string;
  className?: string;
}) {
  const t = useT();
  return (
    <select
      className={className ? `input ${className}` : 'input'}
      value={value ? 'secured' : 'pending'}
      aria-label={label}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value === 'secured')}
    >
      <option value="pending">{t('sheet.financing.toRequest')}</option>
      <option value="secured">{t('sheet.financing.secured')}</option>
    </select>
  );
}

function labelProblem(source: FinancingSource, label: string): MessageKey | undefined {
  if (label.trim().length > LABEL_MAX) return 'sheet.error.labelTooLong';
  if (source === 'other' && label.trim() === '') return 'sheet.error.otherLabel';
  return undefined;
}

/** One line of the plan, changed field by field; a change that would leave it invalid waits here until fixed. */
function EditableLine({ sheetId, line }: { sheetId: string; line: FinancingLine }) {
  const t = useT();
  const commands = useSheetCommands();
  const sourceName = line.label || t(`sheet.source.${line.source}`);
  // A source or label not saved yet (an "other" source waiting for its label).
  const [pending, setPending] = useState<{ source: FinancingSource; label: string } | null>(null);
  const [errors, setErrors] = useState<LineErrors>({});
  const source = pending?.source ?? line.source;
  const label = pending?.label ?? line.label;

  const save = (patch: Partial<FinancingLineInput>): boolean => {
    try {
      commands.run((doc) => updateFinancingLine(doc, sheetId, line.id, patch));
      return true;
    } catch {
      return false;
    }
  };
  const saveSourceAndLabel = (next: { source: FinancingSource; label: string }) => {
    const problem = labelProblem(next.source, next.label);
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
            if (labelProblem(next, label)) labelRef.current?.focus();
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
        <IconButton
          className="icon-button--small"
          label={t('sheet.financing.remove', { source: sourceName })}
          testId="sheet.financing-remove"
          onClick={() => commands.run((doc) => removeFinancingLine(doc, sheetId, line.id))}
        >
          <Icon name="close" size={16} />
        </IconButton>
      </td>
    </tr>
  );
}

/** The form under the plan that adds a line. */
function NewLine({ sheetId }: { sheetId: string }) {
  const t = useT();
  const commands = useSheetCommands();
  const [source, setSource] = useState<FinancingSource>('own-funds');
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [secured, setSecured] = useState(false);
  const [errors, setErrors] = useState<LineErrors>({});
  const amountRef = useRef<HTMLInputElement>(null);

  const add = () => {
    const checked = checkAmount(amount, t.locale, false);
    const next: LineErrors = {};
    const problem = labelProblem(source, label);
    if (problem) next.label = problem;
    if (!checked.ok) next.amount = amountMessage[checked.problem];
    setErrors(next);
    if (!checked.ok || checked.value === null || problem) return;
    const value = checked.value;
    try {
      commands.run((doc) => addFinancingLine(doc, sheetId, { source, label, amount: value, secured }));
    } catch {
      setErrors({ amount: 'sheet.error.notNumber' });
      return;
    }
    setLabel('');
    setAmount('');
    setSecured(false);
    amountRef.current?.closest('form')?.querySelector('select')?.focus();
  };

  return (
    <form
      className="sheet-financing__new"
      aria-label={t('sheet.financing.new')}
      data-testid="sheet.financing-new"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
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
      <button type="submit" className="button" data-testid="sheet.financing-add">
        <Icon name="plus" size={16} />
        {t('sheet.financing.add')}
      </button>
    </form>
  );
}
