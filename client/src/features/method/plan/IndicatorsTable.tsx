import {
  formatNumber,
  INDICATOR_TEXT,
  INDICATOR_TEXT_LIMITS,
  type Indicator,
  type IndicatorTextField,
  indicatorText,
} from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { useConnection } from '../../../state/useConnection';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { textIfPresent } from '../../../toolbox/text/textIfPresent';
import { CrteBadge } from './CrtePicker';
import { BoundText, NumberField } from './fields';
import { frequencyKey } from './labels';
import { NewIndicator } from './NewIndicator';
import { PlanCard, RemoveColumnHeader } from './PlanCard';
import { RemoveButton } from './RemoveButton';
import { FrequencySelect } from './selects';
import type { PlanCommands } from './usePlanCommands';

type History = Pick<BoardCommands, 'undo' | 'redo'>;

interface Props {
  action: string;
  indicators: readonly Indicator[];
  editable: boolean;
  plan: PlanCommands;
  commands: History;
}

/** The indicators of one sheet: a table edited in place, and a row to add one. */
export function IndicatorsTable({ action, indicators, editable, plan, commands }: Props) {
  const t = useT();
  return (
    <PlanCard
      title={t('plan.indicators.title')}
      count={indicators.length}
      empty={t('plan.indicators.empty')}
      testId="plan.indicators"
      footer={editable && <NewIndicator action={action} plan={plan} />}
    >
      <table className="plan-table plan-table--indicators">
        <thead>
          <tr>
            <th scope="col">{t('plan.indicators.name')}</th>
            <th scope="col" className="plan-col--unit">
              {t('plan.indicators.unit')}
            </th>
            <th scope="col" className="plan-col--value plan-table__number">
              {t('plan.indicators.baseline')}
            </th>
            <th scope="col" className="plan-col--value plan-table__number">
              {t('plan.indicators.target')}
            </th>
            <th scope="col" className="plan-col--source">
              {t('plan.indicators.source')}
            </th>
            <th scope="col" className="plan-col--frequency">
              {t('plan.indicators.frequency')}
            </th>
            {editable && <RemoveColumnHeader />}
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) =>
            editable ? (
              <IndicatorRow key={indicator.id} indicator={indicator} plan={plan} commands={commands} />
            ) : (
              <IndicatorReadRow key={indicator.id} indicator={indicator} />
            ),
          )}
        </tbody>
      </table>
    </PlanCard>
  );
}

export function IndicatorReadRow({ indicator }: { indicator: Indicator }) {
  const t = useT();
  const value = (n: number | null) => (n === null ? '—' : formatNumber(t.locale, n));
  return (
    <tr data-testid="plan.indicator" data-indicator-id={indicator.id}>
      <td
        className="plan-cell plan-cell--name plan-cell--text plan-table__strong"
        data-label={t('plan.indicators.name')}
        data-testid="plan.indicator.name"
      >
        {indicator.name}
        {indicator.reference !== null && (
          <span className="crte-cell">
            <CrteBadge reference={indicator.reference} name={indicator.name} />
          </span>
        )}
      </td>
      <td className="plan-cell plan-cell--unit plan-cell--text" data-label={t('plan.indicators.unit')}>
        {indicator.unit}
      </td>
      <td
        className="plan-cell plan-cell--baseline plan-cell--text plan-table__number"
        data-label={t('plan.indicators.baseline')}
        data-testid="plan.indicator.baseline"
      >
        {value(indicator.baseline)}
      </td>
      <td
        className="plan-cell plan-cell--target plan-cell--text plan-table__number"
        data-label={t('plan.indicators.target')}
        data-testid="plan.indicator.target"
      >
        {value(indicator.target)}
      </td>
      <td className="plan-cell plan-cell--source plan-cell--text" data-label={t('plan.indicators.source')}>
        {indicator.source}
      </td>
      <td
        className="plan-cell plan-cell--frequency plan-cell--text"
        data-label={t('plan.indicators.frequency')}
      >
        {t(frequencyKey(indicator.frequency))}
      </td>
    </tr>
  );
}

function IndicatorRow({
  indicator,
  plan,
  commands,
}: {
  indicator: Indicator;
  plan: PlanCommands;
  commands: History;
}) {
  const t = useT();
  const doc = useConnection().boardDoc;
  const name = indicator.name.trim() || '…';
  const label = (field: Parameters<typeof t>[0]) =>
    t('plan.indicators.fieldLabel', { field: t(field), name });
  const text = (field: IndicatorTextField) => (
    <BoundText
      text={textIfPresent(indicatorText, doc, indicator.id, field)}
      schema={INDICATOR_TEXT[field]}
      write={(value) => plan.updateIndicator(indicator.id, { [field]: value })}
      label={field === 'name' ? t('plan.indicators.name') : label(`plan.indicators.${field}`)}
      maxLength={INDICATOR_TEXT_LIMITS[field]}
      error={
        field === 'name'
          ? t('plan.error.name', { max: INDICATOR_TEXT_LIMITS.name })
          : t('plan.error.tooLong', { max: INDICATOR_TEXT_LIMITS[field] })
      }
      commands={commands}
      testId={`plan.indicator.${field}`}
    />
  );
  return (
    <tr data-testid="plan.indicator" data-indicator-id={indicator.id}>
      <td className="plan-cell plan-cell--name" data-label={t('plan.indicators.name')}>
        {text('name')}
        {indicator.reference !== null && (
          <span className="crte-cell">
            <CrteBadge
              reference={indicator.reference}
              name={name}
              onClear={() => plan.setIndicator(indicator.id, { reference: null })}
            />
          </span>
        )}
      </td>
      <td className="plan-cell plan-cell--unit" data-label={t('plan.indicators.unit')}>
        {text('unit')}
      </td>
      <td
        className="plan-cell plan-cell--baseline plan-table__number"
        data-label={t('plan.indicators.baseline')}
      >
        <NumberField
          value={indicator.baseline}
          write={(baseline) => plan.setIndicator(indicator.id, { baseline })}
          label={label('plan.indicators.baseline')}
          commands={commands}
          testId="plan.indicator.baseline"
        />
      </td>
      <td className="plan-cell plan-cell--target plan-table__number" data-label={t('plan.indicators.target')}>
        <NumberField
          value={indicator.target}
          write={(target) => plan.setIndicator(indicator.id, { target })}
          label={label('plan.indicators.target')}
          commands={commands}
          testId="plan.indicator.target"
        />
      </td>
      <td className="plan-cell plan-cell--source" data-label={t('plan.indicators.source')}>
        {text('source')}
      </td>
      <td className="plan-cell plan-cell--frequency" data-label={t('plan.indicators.frequency')}>
        <FrequencySelect
          value={indicator.frequency}
          label={label('plan.indicators.frequency')}
          onChange={(frequency) => plan.setIndicator(indicator.id, { frequency })}
          commands={commands}
          testId="plan.indicator.frequency"
        />
      </td>
      <td className="plan-cell plan-cell--remove plan-table__actions">
        <RemoveButton
          label={t('plan.indicators.remove', { name })}
          confirmTitle={t('plan.indicators.confirmTitle')}
          confirmText={t('plan.indicators.confirmText', { name })}
          onRemove={() => plan.removeIndicator(indicator.id)}
          testId="plan.indicator.remove"
        />
      </td>
    </tr>
  );
}
