import type { Indicator, Partner, PlanOverview } from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../i18n/locale';
import { frequencyKey, kindKey } from './labels';
import { RemoveButton } from './RemoveButton';
import type { PlanCommands } from './usePlanCommands';

interface Props {
  plan: PlanOverview;
  partners?: readonly Partner[];
  indicators?: readonly Indicator[];
  editable: boolean;
  commands: PlanCommands;
}

/**
 * What is left of a deleted sheet (its partners, or its indicators): shown, never dropped.
 * Each item can be attached to a sheet that exists, or removed.
 */
export function OrphanPanel({ plan, partners = [], indicators = [], editable, commands }: Props) {
  const t = useT();
  const titleId = useId();
  const sheets = plan.groups.flatMap((group) =>
    group.actions.map((action) => ({
      id: action.id,
      label: `${group.axis ? `${group.axis.title} — ` : ''}${action.title.trim() || t('plan.untitled')}`,
    })),
  );
  const attach = (name: string, onAttach: (sheet: string) => void) =>
    editable && sheets.length > 0 ? (
      <select
        className="plan-select"
        aria-label={t('plan.orphans.attachLabel', { name })}
        value=""
        data-testid="plan.orphan.attach"
        onChange={(event) => {
          if (event.target.value) onAttach(event.target.value);
        }}
      >
        <option value="">{t('plan.orphans.choose')}</option>
        {sheets.map((sheet) => (
          <option key={sheet.id} value={sheet.id}>
            {sheet.label}
          </option>
        ))}
      </select>
    ) : null;

  return (
    <section className="plan-card plan-card--orphans" aria-labelledby={titleId} data-testid="plan.orphans">
      <h2 id={titleId} className="plan-sheet__title">
        {t('plan.orphans.title')}
      </h2>
      <p className="plan-orphans__hint">{t('plan.orphans.hint')}</p>
      <ul className="plan-orphans">
        {partners.map((partner) => (
          <li key={partner.id} className="plan-orphans__item" data-testid="plan.orphan.partner">
            <span className="plan-orphans__name">{partner.name}</span>
            <span className="plan-orphans__detail">
              {t(kindKey(partner.kind))}
              {partner.role.trim() ? ` · ${partner.role}` : ''}
            </span>
            {attach(partner.name, (sheet) => commands.movePartner(partner.id, sheet))}
            {editable && (
              <RemoveButton
                label={t('plan.partners.remove', { name: partner.name })}
                confirmTitle={t('plan.partners.confirmTitle')}
                confirmText={t('plan.partners.confirmText', { name: partner.name })}
                onRemove={() => commands.removePartner(partner.id)}
                testId="plan.orphan.remove"
              />
            )}
          </li>
        ))}
        {indicators.map((indicator) => (
          <li key={indicator.id} className="plan-orphans__item" data-testid="plan.orphan.indicator">
            <span className="plan-orphans__name">{indicator.name}</span>
            <span className="plan-orphans__detail">
              {indicator.unit}
              {indicator.unit ? ' · ' : ''}
              {t(frequencyKey(indicator.frequency))}
            </span>
            {attach(indicator.name, (sheet) => commands.setIndicator(indicator.id, { action: sheet }))}
            {editable && (
              <RemoveButton
                label={t('plan.indicators.remove', { name: indicator.name })}
                confirmTitle={t('plan.indicators.confirmTitle')}
                confirmText={t('plan.indicators.confirmText', { name: indicator.name })}
                onRemove={() => commands.removeIndicator(indicator.id)}
                testId="plan.orphan.remove"
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
