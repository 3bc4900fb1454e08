import { PARTNER_TEXT_LIMITS, PartnerInput, STAKEHOLDER_KINDS, type StakeholderKind } from '@atelier/shared';
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';
import { kindKey } from './labels';
import type { PlanCommands } from './usePlanCommands';

/** The row under the table: name (required), kind, role and contact, then Add. */
export function NewPartner({ action, plan }: { action: string; plan: PlanCommands }) {
  const t = useT();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<StakeholderKind>('civil-society');
  const [role, setRole] = useState('');
  const [contact, setContact] = useState('');
  const [invalid, setInvalid] = useState(false);
  const ids = {
    title: useId(),
    name: useId(),
    kind: useId(),
    role: useId(),
    contact: useId(),
    error: useId(),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = PartnerInput.safeParse({ action, name, kind, role, contact });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    plan.addPartner(parsed.data);
    setName('');
    setRole('');
    setContact('');
    document.getElementById(ids.name)?.focus();
  };

  return (
    <form className="plan-new" aria-labelledby={ids.title} onSubmit={submit} data-testid="plan.partner.new">
      <h4 id={ids.title} className="plan-new__title">
        {t('plan.partners.new')}
      </h4>
      <div className="plan-new__row plan-new__row--partners">
        <div className="plan-new__field plan-new__field--name">
          <label htmlFor={ids.name}>{t('plan.partners.name')}</label>
          <input
            id={ids.name}
            className="plan-input"
            value={name}
            maxLength={PARTNER_TEXT_LIMITS.name}
            placeholder={t('plan.partners.namePlaceholder')}
            {...fieldErrorProps(ids.error, invalid)}
            data-testid="plan.partner.new-name"
            onChange={(event) => {
              setName(event.target.value);
              if (invalid) setInvalid(false);
            }}
          />
        </div>
        <div className="plan-new__field plan-new__field--kind">
          <label htmlFor={ids.kind}>{t('plan.partners.kind')}</label>
          <select
            id={ids.kind}
            className="plan-select"
            value={kind}
            data-testid="plan.partner.new-kind"
            onChange={(event) => setKind(event.target.value as StakeholderKind)}
          >
            {STAKEHOLDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
        </div>
        <div className="plan-new__field plan-new__field--role">
          <label htmlFor={ids.role}>{t('plan.partners.role')}</label>
          <input
            id={ids.role}
            className="plan-input"
            value={role}
            maxLength={PARTNER_TEXT_LIMITS.role}
            placeholder={t('plan.partners.rolePlaceholder')}
            data-testid="plan.partner.new-role"
            onChange={(event) => setRole(event.target.value)}
          />
        </div>
        <div className="plan-new__field plan-new__field--contact">
          <label htmlFor={ids.contact}>
            {t('plan.partners.contact')} <span className="hint">({t('common.optional')})</span>
          </label>
          <input
            id={ids.contact}
            className="plan-input"
            value={contact}
            maxLength={PARTNER_TEXT_LIMITS.contact}
            placeholder={t('plan.partners.contactPlaceholder')}
            data-testid="plan.partner.new-contact"
            onChange={(event) => setContact(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" data-testid="plan.partner.add">
          {t('plan.partners.add')}
        </button>
      </div>
      <FieldError
        id={ids.error}
        error={invalid && t('plan.error.name', { max: PARTNER_TEXT_LIMITS.name })}
        className="plan-field__error"
      />
    </form>
  );
}
