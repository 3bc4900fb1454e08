import { INDICATOR_TEXT_LIMITS, type IndicatorFrequency } from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { FieldError } from '../../../ui/FieldWithError';
import { CrteBadge, CrtePicker } from './CrtePicker';
import { crteFill } from './crte';
import { NewEntryForm, NewField, NewText, useNewDraft } from './NewEntryForm';
import { checkNewIndicator, type IndicatorDraft } from './newEntries';
import { FrequencySelect } from './selects';
import type { PlanCommands } from './usePlanCommands';

const EMPTY: IndicatorDraft = { name: '', unit: '', baseline: '', target: '', source: '' };

/** The form under the table: every field of an indicator, then Add. */
export function NewIndicator({ action, plan }: { action: string; plan: PlanCommands }) {
  const t = useT();
  const form = useNewDraft(EMPTY);
  const [frequency, setFrequency] = useState<IndicatorFrequency>('yearly');
  // The CRTE indicator the name and unit were filled from, kept with the new indicator.
  const [reference, setReference] = useState<string | null>(null);
  const ids = {
    name: useId(),
    unit: useId(),
    baseline: useId(),
    target: useId(),
    source: useId(),
    frequency: useId(),
    nameError: useId(),
    numberError: useId(),
  };

  const add = () => {
    const { input, errors } = checkNewIndicator(t.locale, action, form.draft, frequency, reference);
    form.setErrors(errors);
    if (!input) return;
    plan.addIndicator(input);
    form.clear();
    setReference(null);
    document.getElementById(ids.name)?.focus();
  };

  /** A text of the new indicator: the name is tied to its message, the others to the numbers'. */
  const text = (
    field: keyof IndicatorDraft,
    props: { maxLength: number; placeholder?: string; number?: boolean },
  ) => (
    <NewText
      id={ids[field]}
      value={form.draft[field]}
      {...props}
      error={{ id: field === 'name' ? ids.nameError : ids.numberError, invalid: form.errors[field] }}
      testId={`plan.indicator.new-${field}`}
      onChange={(value) => form.change(field, value)}
    />
  );

  return (
    <NewEntryForm
      title={t('plan.indicators.new')}
      testId="plan.indicator.new"
      row="indicators"
      addLabel={t('plan.indicators.add')}
      addTestId="plan.indicator.add"
      onAdd={add}
      tools={
        <div className="crte-tools">
          <CrtePicker
            chosen={reference}
            testId="plan.indicator.new-crte"
            onPick={(indicator) => {
              const { name, unit, reference: id } = crteFill(indicator);
              form.fill({ name, unit });
              setReference(id);
            }}
          />
          {reference !== null && (
            <CrteBadge
              reference={reference}
              name={form.draft.name.trim() || reference}
              onClear={() => setReference(null)}
            />
          )}
        </div>
      }
      errors={
        <>
          <FieldError
            id={ids.nameError}
            error={form.errors.name && t('plan.error.name', { max: INDICATOR_TEXT_LIMITS.name })}
            className="plan-field__error"
          />
          <FieldError
            id={ids.numberError}
            error={(form.errors.baseline || form.errors.target) && t('plan.error.number')}
            className="plan-field__error"
          />
        </>
      }
    >
      <NewField name="name" id={ids.name} label={t('plan.indicators.name')}>
        {text('name', {
          maxLength: INDICATOR_TEXT_LIMITS.name,
          placeholder: t('plan.indicators.namePlaceholder'),
        })}
      </NewField>
      <NewField name="unit" id={ids.unit} label={t('plan.indicators.unit')}>
        {text('unit', {
          maxLength: INDICATOR_TEXT_LIMITS.unit,
          placeholder: t('plan.indicators.unitPlaceholder'),
        })}
      </NewField>
      <NewField name="baseline" id={ids.baseline} label={t('plan.indicators.baseline')}>
        {text('baseline', { maxLength: 40, number: true })}
      </NewField>
      <NewField name="target" id={ids.target} label={t('plan.indicators.target')}>
        {text('target', { maxLength: 40, number: true })}
      </NewField>
      <NewField name="source" id={ids.source} label={t('plan.indicators.source')}>
        {text('source', {
          maxLength: INDICATOR_TEXT_LIMITS.source,
          placeholder: t('plan.indicators.sourcePlaceholder'),
        })}
      </NewField>
      <NewField name="frequency" id={ids.frequency} label={t('plan.indicators.frequency')}>
        <FrequencySelect
          id={ids.frequency}
          value={frequency}
          onChange={setFrequency}
          testId="plan.indicator.new-frequency"
        />
      </NewField>
    </NewEntryForm>
  );
}
