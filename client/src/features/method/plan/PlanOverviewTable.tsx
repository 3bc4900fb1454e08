import {
  formatEuros,
  formatNumber,
  formatPercent,
  type Indicator,
  type PlanAction,
  type PlanGroup,
  type PlanOverview,
  type PlanTotals,
} from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import type { Translator } from '../../../i18n/translate';
import { priorityKey, sheetStatusKey } from './labels';

/**
 * The whole action plan in one table, for the room's screen as much as for each person:
 * axes → sheets with budget, secured funding, lead, indicators, partnership and status, a
 * total under each axis and for the plan, and the plan's key figures above it.
 */
export function PlanOverviewTable({ plan }: { plan: PlanOverview }) {
  const t = useT();
  const orphanCount = plan.orphans.reduce((n, o) => n + o.partners.length + o.indicators.length, 0);
  return (
    <section className="plan-overview" aria-labelledby="plan-overview-title" data-testid="plan.overview">
      <h2 id="plan-overview-title" className="visually-hidden">
        {t('plan.overview.title')}
      </h2>
      <KeyFigures totals={plan.totals} />
      {/* It may scroll sideways (a phone, a panel beside it): focusable, so arrows scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling frame must be reachable by keyboard. */}
      <div className="plan-overview__scroll" tabIndex={0}>
        <table className="plan-overview__table">
          <caption className="visually-hidden">{t('plan.overview.caption')}</caption>
          <colgroup>
            <col className="plan-ov-col--action" />
            <col className="plan-ov-col--lead" />
            <col className="plan-ov-col--money" />
            <col className="plan-ov-col--money" />
            <col className="plan-ov-col--indicators" />
            <col className="plan-ov-col--partnership" />
            <col className="plan-ov-col--status" />
          </colgroup>
          <thead className="plan-overview__head">
            <tr>
              <th scope="col">{t('plan.overview.action')}</th>
              <th scope="col">{t('plan.overview.lead')}</th>
              <th scope="col" className="plan-table__number">
                {t('plan.overview.budget')}
              </th>
              <th scope="col" className="plan-table__number">
                {t('plan.overview.secured')}
              </th>
              <th scope="col">{t('plan.overview.indicators')}</th>
              <th scope="col">{t('plan.overview.partnership')}</th>
              <th scope="col">{t('plan.overview.status')}</th>
            </tr>
          </thead>
          {plan.groups.map((group) => (
            <GroupRows key={group.axis?.id ?? ''} group={group} />
          ))}
          <tfoot>
            <TotalRow
              label={t('plan.overview.planTotal')}
              totals={plan.totals}
              testId="plan.overview.total"
            />
          </tfoot>
        </table>
      </div>
      {orphanCount > 0 && (
        <p className="plan-overview__note">{t.plural('plan.overview.orphans', orphanCount)}</p>
      )}
    </section>
  );
}

function KeyFigures({ totals }: { totals: PlanTotals }) {
  const t = useT();
  const euros = (n: number) => formatEuros(n, t.locale, { whole: true });
  return (
    <dl className="plan-kpis">
      <div className="plan-kpi">
        <dt>{t('plan.overview.kpiSheets')}</dt>
        <dd className="plan-kpi__value" data-testid="plan.kpi.sheets">
          {totals.actions}
        </dd>
        <dd className="plan-kpi__sub">
          {t('plan.overview.statusCounts', {
            validated: totals.byStatus.validated,
            drafting: totals.byStatus.drafting,
            idea: totals.byStatus.idea,
          })}
        </dd>
      </div>
      <div className="plan-kpi">
        <dt>{t('plan.overview.kpiBudget')}</dt>
        <dd className="plan-kpi__value" data-testid="plan.kpi.budget">
          {euros(totals.budget)}
        </dd>
        {totals.unbudgeted > 0 && (
          <dd className="plan-kpi__sub">{t.plural('plan.overview.unbudgeted', totals.unbudgeted)}</dd>
        )}
      </div>
      <div className="plan-kpi">
        <dt>{t('plan.overview.kpiSecured')}</dt>
        <dd className="plan-kpi__value" data-testid="plan.kpi.secured">
          {euros(totals.secured)}
        </dd>
        {totals.budget > 0 && (
          <dd className="plan-kpi__sub">
            {t('plan.overview.securedShare', {
              percent: formatPercent(t.locale, totals.secured / totals.budget),
            })}
          </dd>
        )}
      </div>
      <div className="plan-kpi">
        <dt>{t('plan.overview.kpiIndicators')}</dt>
        <dd className="plan-kpi__value" data-testid="plan.kpi.indicators">
          {totals.indicators}
        </dd>
      </div>
    </dl>
  );
}

function GroupRows({ group }: { group: PlanGroup }) {
  const t = useT();
  const title = group.axis ? group.axis.title : t('plan.noAxis');
  return (
    <tbody
      className="plan-overview__group"
      data-testid="plan.overview.axis"
      data-axis-id={group.axis?.id ?? ''}
    >
      <tr className="plan-overview__axis">
        <th scope="rowgroup" colSpan={7}>
          {title}{' '}
          <span className="plan-overview__count">{t.plural('plan.sheetCount', group.actions.length)}</span>
        </th>
      </tr>
      {group.actions.length === 0 ? (
        <tr>
          <td colSpan={7} className="plan-overview__none">
            {t('plan.emptyAxis')}
          </td>
        </tr>
      ) : (
        group.actions.map((action) => <ActionRow key={action.id} action={action} />)
      )}
      {group.actions.length > 0 && (
        <TotalRow
          label={t('plan.overview.axisTotal')}
          totals={group.totals}
          testId="plan.overview.axis-total"
        />
      )}
    </tbody>
  );
}

function ActionRow({ action }: { action: PlanAction }) {
  const t = useT();
  return (
    <tr data-testid="plan.overview.action" data-sheet-id={action.id}>
      <th scope="row" className="plan-overview__action">
        <span data-testid="plan.overview.action-title">{action.title.trim() || t('plan.untitled')}</span>
        {action.priority && (
          <span className={`plan-priority plan-priority--${action.priority}`}>
            {t(priorityKey(action.priority))}
          </span>
        )}
      </th>
      <td>{action.lead.trim() || <span className="plan-muted">—</span>}</td>
      <td className="plan-table__number" data-testid="plan.overview.budget">
        {action.budget === null ? (
          <span className="plan-muted">{t('plan.overview.noBudget')}</span>
        ) : (
          formatEuros(action.budget, t.locale, { whole: true })
        )}
      </td>
      <td className="plan-table__number">
        {action.secured > 0 ? (
          formatEuros(action.secured, t.locale, { whole: true })
        ) : (
          <span className="plan-muted">—</span>
        )}
      </td>
      <td data-testid="plan.overview.indicators">
        {action.indicators.length === 0 ? (
          <span className="plan-muted">{t('plan.overview.noIndicator')}</span>
        ) : (
          <ul className="plan-overview__indicators">
            {action.indicators.map((indicator) => (
              <li key={indicator.id}>{indicatorLine(t, indicator)}</li>
            ))}
          </ul>
        )}
      </td>
      <td className="plan-overview__partnership">
        {t.plural('plan.partnerCount', action.partners)}
        <br />
        <span className="plan-muted">
          {t('plan.process.short', { done: action.progress.done, applicable: action.progress.applicable })}
        </span>
      </td>
      <td>
        <span className={`plan-status plan-status--${action.status}`}>
          {t(sheetStatusKey(action.status))}
        </span>
      </td>
    </tr>
  );
}

/** `Jeux de données ouverts : 0 → 60 nombre`, with what is known. */
function indicatorLine(t: Translator, indicator: Indicator): string {
  const value = (n: number | null) => (n === null ? '?' : formatNumber(t.locale, n));
  const known = indicator.baseline !== null || indicator.target !== null;
  const unit = indicator.unit.trim();
  const figures = known
    ? `${value(indicator.baseline)} → ${value(indicator.target)}${unit ? ` ${unit}` : ''}`
    : '';
  return figures ? t('plan.overview.indicatorLine', { name: indicator.name, figures }) : indicator.name;
}

function TotalRow({
  label,
  totals,
  testId,
  grand = false,
}: {
  label: string;
  totals: PlanTotals;
  testId: string;
  grand?: boolean;
}) {
  const t = useT();
  return (
    <tr
      className={grand ? 'plan-overview__total plan-overview__grand' : 'plan-overview__total'}
      data-testid={testId}
    >
      <th scope="row">
        {label} <span className="plan-overview__count">{t.plural('plan.sheetCount', totals.actions)}</span>
      </th>
      <td />
      <td className="plan-table__number" data-testid={`${testId}-budget`}>
        {formatEuros(totals.budget, t.locale, { whole: true })}
        {totals.unbudgeted > 0 && (
          <span className="plan-overview__sub">
            {t.plural('plan.overview.unbudgeted', totals.unbudgeted)}
          </span>
        )}
      </td>
      <td className="plan-table__number">{formatEuros(totals.secured, t.locale, { whole: true })}</td>
      <td>{t.plural('plan.indicatorCount', totals.indicators)}</td>
      <td>{t.plural('plan.partnerCount', totals.partners)}</td>
      <td />
    </tr>
  );
}
