import { PARTNER_TEXT, PARTNER_TEXT_LIMITS, type Partner, partnerText } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { useConnection } from '../../../state/useConnection';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { textIfPresent } from '../../../toolbox/text/textIfPresent';
import { BoundText } from './fields';
import { kindKey } from './labels';
import { NewPartner } from './NewPartner';
import { PlanCard, RemoveColumnHeader } from './PlanCard';
import { RemoveButton } from './RemoveButton';
import { KindSelect } from './selects';
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
  return (
    <PlanCard
      title={t('plan.partners.title')}
      count={partners.length}
      empty={t('plan.partners.empty')}
      testId="plan.partners"
      footer={editable && <NewPartner action={action} plan={plan} />}
    >
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
            {editable && <RemoveColumnHeader />}
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
    </PlanCard>
  );
}

/** The `Y.Text` of a partner's field, or `null` if the partner was just removed. */
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
          text={textIfPresent(partnerText, doc, partner.id, 'name')}
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
          text={textIfPresent(partnerText, doc, partner.id, 'role')}
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
          text={textIfPresent(partnerText, doc, partner.id, 'contact')}
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
