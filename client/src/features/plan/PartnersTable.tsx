import {
  PARTNER_TEXT,
  PARTNER_TEXT_LIMITS,
  type Partner,
  PartnerInput,
  partnerText,
  STAKEHOLDER_KINDS,
  type StakeholderKind,
} from '@atelier/shared';
import { type FormEvent, useId, useState } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../i18n/locale';
import { useConnection } from '../../sync/useConnection';
import type { BoardCommands } from '../board/useCommands';
import { BoundText } from './fields';
import { kindKey } from './labels';
import { RemoveButton } from './RemoveButton';
import { undoKeys } from './undoKeys';
import type { PlanCommands } from './usePlanCommands';

interface Props {
  action: string;
  partners: readonly Partner[];
  editable: boolean;
  plan: PlanCommands;
  commands: Pick<BoardCommands, 'undo' | 'redo'>;
}

/** The stakeholders of one sheet: a table edited in place (everyone sees each keystroke), and a row to add one. */
export function PartnersTable({ action, partners, editable, plan, commands }: Props) {
  const t = useT();
  const titleId = useId();
  return (
    <section className="plan-card" aria-labelledby={titleId} data-testid="plan.partners">
      <h3 id={titleId} className="plan-card__title">
        {t('plan.partners.title')} <span className="plan-count">{partners.length}</span>
      </h3>
      {partners.length === 0 ? (
        <p className="plan-card__empty">{t('plan.partners.empty')}</p>
      ) : (
        <table className="plan-table plan-table--partners">
          <thead>
            <tr>
              <th scope="col" className="plan-col--name">
                {t('plan.partners.name')}
              </th>
              <th scope="col" className="plan-col--kind">
                {t('plan.partners.kind')}
              </th>
              <th scope="col">{t('plan.partners.role')}</th>
              <th scope="col" className="plan-col--contact">
                {t('plan.partners.contact')}
              </th>
              {editable && (
                <th scope="col" className="plan-col--remove">
                  <span className="visually-hidden">{t('plan.confirm.remove')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {partners.map((partner) =>
              editable ? (
                <PartnerRow key={partner.id} partner={partner} plan={plan} commands={commands} />
              ) : (
                <tr key={partner.id} data-testid="plan.partner" data-partner-id={partner.id}>
                  <td
                    className="plan-cell plan-cell--name plan-cell--text plan-table__strong"
                    data-label={t('plan.partners.name')}
                    data-testid="plan.partner.name"
                  >
                    {partner.name}
                  </td>
                  <td
                    className="plan-cell plan-cell--kind plan-cell--text"
                    data-label={t('plan.partners.kind')}
                  >
                    <span className={`plan-kind plan-kind--${partner.kind}`} data-testid="plan.partner.kind">
                      {t(kindKey(partner.kind))}
                    </span>
                  </td>
                  <td
                    className="plan-cell plan-cell--role plan-cell--text"
                    data-label={t('plan.partners.role')}
                    data-testid="plan.partner.role"
                  >
                    {partner.role}
                  </td>
                  <td
                    className="plan-cell plan-cell--contact plan-cell--text"
                    data-label={t('plan.partners.contact')}
                  >
                    {partner.contact}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {editable && <NewPartner action={action} plan={plan} />}
    </section>
  );
}

/** The `Y.Text` of a partner's field, or `null` if the partner was just removed. */
function textOf(doc: Y.Doc, id: string, field: 'name' | 'role' | 'contact'): Y.Text | null {
  try {
    return partnerText(doc, id, field);
  } catch {
    return null;
  }
}

function PartnerRow({
  partner,
  plan,
  commands,
}: {
  partner: Partner;
  plan: PlanCommands;
  commands: Pick<BoardCommands, 'undo' | 'redo'>;
}) {
  const t = useT();
  const doc = useConnection().boardDoc;
  const name = partner.name.trim() || '…';
  return (
    <tr data-testid="plan.partner" data-partner-id={partner.id}>
      <td className="plan-cell plan-cell--name" data-label={t('plan.partners.name')}>
        <BoundText
          text={textOf(doc, partner.id, 'name')}
          schema={PARTNER_TEXT.name}
          write={(value) => plan.updatePartner(partner.id, { name: value })}
          label={t('plan.partners.name')}
          maxLength={PARTNER_TEXT_LIMITS.name}
          error={t('plan.error.name', { max: PARTNER_TEXT_LIMITS.name })}
          commands={commands}
          testId="plan.partner.name"
        />
      </td>
      <td className="plan-cell plan-cell--kind" data-label={t('plan.partners.kind')}>
        <KindSelect
          value={partner.kind}
          label={t('plan.partners.kind')}
          onChange={(kind) => plan.setPartnerKind(partner.id, kind)}
          commands={commands}
          testId="plan.partner.kind"
        />
      </td>
      <td className="plan-cell plan-cell--role" data-label={t('plan.partners.role')}>
        <BoundText
          text={textOf(doc, partner.id, 'role')}
          schema={PARTNER_TEXT.role}
          write={(value) => plan.updatePartner(partner.id, { role: value })}
          label={t('plan.partners.role')}
          maxLength={PARTNER_TEXT_LIMITS.role}
          error={t('plan.error.tooLong', { max: PARTNER_TEXT_LIMITS.role })}
          commands={commands}
          testId="plan.partner.role"
        />
      </td>
      <td className="plan-cell plan-cell--contact" data-label={t('plan.partners.contact')}>
        <BoundText
          text={textOf(doc, partner.id, 'contact')}
          schema={PARTNER_TEXT.contact}
          write={(value) => plan.updatePartner(partner.id, { contact: value })}
          label={t('plan.partners.contact')}
          maxLength={PARTNER_TEXT_LIMITS.contact}
          error={t('plan.error.tooLong', { max: PARTNER_TEXT_LIMITS.contact })}
          commands={commands}
          testId="plan.partner.contact"
        />
      </td>
      <td className="plan-cell plan-cell--remove plan-table__actions">
        <RemoveButton
          label={t('plan.partners.remove', { name })}
          confirmTitle={t('plan.partners.confirmTitle')}
          confirmText={t('plan.partners.confirmText', { name })}
          onRemove={() => plan.removePartner(partner.id)}
          testId="plan.partner.remove"
        />
      </td>
    </tr>
  );
}

export function KindSelect({
  value,
  label,
  onChange,
  commands,
  testId,
}: {
  value: StakeholderKind;
  label: string;
  onChange: (kind: StakeholderKind) => void;
  commands?: Pick<BoardCommands, 'undo' | 'redo'>;
  testId?: string;
}) {
  const t = useT();
  return (
    <select
      className={`plan-select plan-kind--${value}`}
      aria-label={label}
      value={value}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as StakeholderKind)}
      onKeyDown={commands ? undoKeys(commands) : undefined}
    >
      {STAKEHOLDER_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {t(kindKey(kind))}
        </option>
      ))}
    </select>
  );
}

/** The row under the table: name (required), kind, role and contact, then Add. */
function NewPartner({ action, plan }: { action: string; plan: PlanCommands }) {
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
            aria-invalid={invalid}
            aria-describedby={invalid ? ids.error : undefined}
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
      {invalid && (
        <p id={ids.error} className="plan-field__error" role="alert">
          {t('plan.error.name', { max: PARTNER_TEXT_LIMITS.name })}
        </p>
      )}
    </form>
  );
}
