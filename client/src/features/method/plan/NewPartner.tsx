import { PARTNER_TEXT_LIMITS, type StakeholderKind } from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { FieldError } from '../../../ui/FieldWithError';
import { NewEntryForm, NewField, NewText, useNewDraft } from './NewEntryForm';
import { checkNewPartner } from './newEntries';
import { KindSelect } from './selects';
import type { PlanCommands } from './usePlanCommands';

/** The row under the table: name (required), kind, role and contact, then Add. */
export function NewPartner({ action, plan }: { action: string; plan: PlanCommands }) {
  const t = useT();
  const form = useNewDraft({ name: '', role: '', contact: '' });
  const [kind, setKind] = useState<StakeholderKind>('civil-society');
  const ids = { name: useId(), kind: useId(), role: useId(), contact: useId(), error: useId() };

  const add = () => {
    const { input, errors } = checkNewPartner(action, form.draft, kind);
    form.setErrors(errors);
    if (!input) return;
    plan.addPartner(input);
    form.clear();
    document.getElementById(ids.name)?.focus();
  };

  return (
    <NewEntryForm
      title={t('plan.partners.new')}
      testId="plan.partner.new"
      row="partners"
      addLabel={t('plan.partners.add')}
      addTestId="plan.partner.add"
      onAdd={add}
      errors={
        <FieldError
          id={ids.error}
          error={form.errors.name && t('plan.error.name', { max: PARTNER_TEXT_LIMITS.name })}
          className="plan-field__error"
        />
      }
    >
      <NewField name="name" id={ids.name} label={t('plan.partners.name')}>
        <NewText
          id={ids.name}
          value={form.draft.name}
          maxLength={PARTNER_TEXT_LIMITS.name}
          placeholder={t('plan.partners.namePlaceholder')}
          error={{ id: ids.error, invalid: form.errors.name }}
          testId="plan.partner.new-name"
          onChange={(value) => form.change('name', value)}
        />
      </NewField>
      <NewField name="kind" id={ids.kind} label={t('plan.partners.kind')}>
        <KindSelect
          id={ids.kind}
          tinted={false}
          value={kind}
          testId="plan.partner.new-kind"
          onChange={setKind}
        />
      </NewField>
      <NewField name="role" id={ids.role} label={t('plan.partners.role')}>
        <NewText
          id={ids.role}
          value={form.draft.role}
          maxLength={PARTNER_TEXT_LIMITS.role}
          placeholder={t('plan.partners.rolePlaceholder')}
          testId="plan.partner.new-role"
          onChange={(value) => form.change('role', value)}
        />
      </NewField>
      <NewField
        name="contact"
        id={ids.contact}
        label={
          <>
            {t('plan.partners.contact')} <span className="hint">({t('common.optional')})</span>
          </>
        }
      >
        <NewText
          id={ids.contact}
          value={form.draft.contact}
          maxLength={PARTNER_TEXT_LIMITS.contact}
          placeholder={t('plan.partners.contactPlaceholder')}
          testId="plan.partner.new-contact"
          onChange={(value) => form.change('contact', value)}
        />
      </NewField>
    </NewEntryForm>
  );
}
