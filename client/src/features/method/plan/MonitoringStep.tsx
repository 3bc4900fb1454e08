import { type KeyboardEvent, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoard, useCanEdit } from '../../../state/store';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { IndicatorsTable } from './IndicatorsTable';
import { OrphanPanel } from './OrphanPanel';
import { PlanOverviewTable } from './PlanOverviewTable';
import { NoSheets, SheetsWithDetail } from './SheetList';
import { StepFrame } from './StepFrame';
import { useIndicators, usePlanOverview, useShownSheet } from './usePlan';
import { usePlanCommands } from './usePlanCommands';

type View = 'indicators' | 'overview';
const VIEWS: readonly View[] = ['indicators', 'overview'];

/**
 * Step 6 (suivi et évaluation): the indicators of each sheet, edited together, and the
 * overview table of the whole plan (what the projector shows first).
 */
export function MonitoringStep({ commands }: { commands: BoardCommands }) {
  const t = useT();
  const plan = usePlanOverview();
  const indicators = useIndicators();
  const editable = useCanEdit();
  const projector = useBoard((s) => s.projector);
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const planCommands = usePlanCommands();
  const { orphans, shown, select } = useShownSheet(plan, (orphan) => orphan.indicators);
  const [chosenView, setView] = useState<View | null>(null);
  const view: View = chosenView ?? (projector ? 'overview' : 'indicators');

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(view) + 1) % VIEWS.length] ?? 'indicators';
    setView(next);
    document.getElementById(`plan-tab-${next}`)?.focus();
  };

  const tabs =
    shown === null ? null : (
      <div className="plan-tabs" role="tablist" aria-label={t('plan.tabs.label')}>
        {VIEWS.map((v) => (
          <button
            key={v}
            id={`plan-tab-${v}`}
            type="button"
            role="tab"
            className="plan-tabs__tab"
            aria-selected={view === v}
            aria-controls={`plan-panel-${v}`}
            tabIndex={view === v ? 0 : -1}
            data-testid={`plan.tab.${v}`}
            onClick={() => setView(v)}
            onKeyDown={onTabKey}
          >
            {t(v === 'indicators' ? 'plan.tabs.indicators' : 'plan.tabs.overview')}
          </button>
        ))}
      </div>
    );

  return (
    <StepFrame
      title={t('plan.monitoring.title')}
      intro={t('plan.monitoring.intro')}
      commands={commands}
      tools={tabs}
      testId="plan.monitoring"
    >
      {shown === null ? (
        <NoSheets facilitator={facilitator} />
      ) : view === 'overview' ? (
        <div
          id="plan-panel-overview"
          role="tabpanel"
          aria-labelledby="plan-tab-overview"
          className="plan-step__full"
        >
          <PlanOverviewTable plan={plan} />
        </div>
      ) : (
        <div
          id="plan-panel-indicators"
          role="tabpanel"
          aria-labelledby="plan-tab-indicators"
          className="plan-step__body"
        >
          <SheetsWithDetail
            plan={plan}
            orphans={orphans}
            selected={shown}
            onSelect={select}
            meta={(a) => <span>{t.plural('plan.indicatorCount', a.indicators.length)}</span>}
            orphan={
              <OrphanPanel
                plan={plan}
                indicators={indicators.filter((i) => i.action === shown)}
                editable={editable}
                commands={planCommands}
              />
            }
          >
            {(action) => (
              <IndicatorsTable
                action={action.id}
                indicators={indicators.filter((i) => i.action === action.id)}
                editable={editable}
                plan={planCommands}
                commands={commands}
              />
            )}
          </SheetsWithDetail>
        </div>
      )}
    </StepFrame>
  );
}
