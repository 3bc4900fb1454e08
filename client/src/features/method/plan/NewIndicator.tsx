import {
  INDICATOR_TEXT_LIMITS,
  type IndicatorFrequency,
  IndicatorInput,
  parseNumberInput,
} from '@atelier/shared';
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';
import { FrequencySelect } from './selects';
import type { PlanCommands } from './usePlanCommands';

/** The form under the table: every field of an indicator, then Add. */
export function NewIndicator({ action, plan }: { action: string; plan: PlanCommands }) {
  const t = useT();
  const empty = { name: '', unit: '', baseline: '', target: '', source: '' };
  const [draft, setDraft] = useState(empty);
  const [frequency, setFrequency] = useState<IndicatorFrequency>('yearly');
  const [errors, setErrors] = useState<{ name?: boolean; baseline?: boolean; target?: boolean }>({});
  const ids = {
    title: useId(),
    name: useId(),
    unit: useId(),
    baseline: useId(),
    target: useId(),
    source: useId(),
    frequency: useId(),
    nameError: useId(),
    numberError: useId(),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const baseline = parseNumberInput(t.locale, draft.baseline);
    const target = parseNumberInput(t.locale, draft.target);
    const parsed = IndicatorInput.safeParse({
      action,
      name: draft.name,
      unit: draft.unit,
      source: draft.source,
      baseline: baseline ?? null,
      target: target ?? null,
      frequency,
    });
    const nameOk = IndicatorInput.shape.name.safeParse(draft.name).success;
    setErrors({ name: !nameOk, baseline: baseline === undefined, target: target === undefined });
    if (!parsed.success || baseline === undefined || target === undefined) return;
    plan.addIndicator(parsed.data);
    setDraft(empty);
    document.getElementById(ids.name)?.focus();
  };

  const field = (
    key: keyof typeof empty,
    props: { maxLength: number; placeholder?: string; number?: boolean },
  ) => (
    <input
      id={ids[key]}
      className={props.number ? 'plan-input plan-input--number' : 'plan-input'}
      value={draft[key]}
      maxLength={props.maxLength}
      placeholder={props.placeholder}
      inputMode={props.number ? 'decimal' : undefined}
      {...fieldErrorProps(
        key === 'name' ? ids.nameError : ids.numberError,
        errors[key as keyof typeof errors],
      )}
      data-testid={`plan.indicator.new-${key}`}
      onChange={(event) => {
        setDraft({ ...draft, [key]: event.target.value });
        if (errors[key as keyof typeof errors]) setErrors({ ...errors, [key]: false });
      }}
    />
  );

  return (
    <form className="plan-new" aria-labelledby={ids.title} onSubmit={submit} data-testid="plan.indicator.new">
      <h4 id={ids.title} className="plan-new__title">
        {t('plan.indicators.new')}
      </h4>
      <div className="plan-new__row plan-new__row--indicators">
        <div className="plan-new__field plan-new__field--name">
          <label htmlFor={ids.name}>{t('plan.indicators.name')}</label>
          {field('name', {
            maxLength: INDICATOR_TEXT_LIMITS.name,
            placeholder: t('plan.indicators.namePlaceholder'),
          })}
        </div>
        <div className="plan-new__field plan-new__field--unit">
          <label htmlFor={ids.unit}>{t('plan.indicators.unit')}</label>
          {field('unit', {
            maxLength: INDICATOR_TEXT_LIMITS.unit,
            placeholder: t('plan.indicators.unitPlaceholder'),
          })}
        </div>
        <div className="plan-new__field plan-new__field--baseline">
          <label htmlFor={ids.baseline}>{t('plan.indicators.baseline')}</label>
          {field('baseline', { maxLength: 40, number: true })}
        </div>
        <div className="plan-new__field plan-new__field--target">
          <label htmlFor={ids.target}>{t('plan.indicators.target')}</label>
          {field('target', { maxLength: 40, number: true })}
        </div>
        <div className="plan-new__field plan-new__field--source">
          <label htmlFor={ids.source}>{t('plan.indicators.source')}</label>
          {field('source', {
            maxLength: INDICATOR_TEXT_LIMITS.source,
            placeholder: t('plan.indicators.sourcePlaceholder'),
          })}
        </div>
        <div className="plan-new__field plan-new__field--frequency">
          <label htmlFor={ids.frequency}>{t('plan.indicators.frequency')}</label>
          <FrequencySelect
            id={ids.frequency}
            value={frequency}
            onChange={setFrequency}
            testId="plan.indicator.new-frequency"
          />
        </div>
        <button type="submit" className="button button--primary" data-testid="plan.indicator.add">
          {t('plan.indicators.add')}
        </button>
      </div>
      <FieldError
        id={ids.nameError}
        error={errors.name && t('plan.error.name', { max: INDICATOR_TEXT_LIMITS.name })}
        className="plan-field__error"
      />
      <FieldError
        id={ids.numberError}
        error={(errors.baseline || errors.target) && t('plan.error.number')}
        className="plan-field__error"
      />
    </form>
  );
}
