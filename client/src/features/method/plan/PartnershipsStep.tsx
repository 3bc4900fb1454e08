import { useT } from '../../../i18n/locale';
import { useBoard, useCanEdit } from '../../../state/store';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { OrphanPanel } from './OrphanPanel';
import { PartnersTable } from './PartnersTable';
import { ProcessChecklist, ProgressBar } from './ProcessChecklist';
import { NoSheets, SheetsWithDetail } from './SheetList';
import { StepFrame } from './StepFrame';
import { usePartners, usePlanOverview, useShownSheet } from './usePlan';
import { usePlanCommands } from './usePlanCommands';

/**
 * Step 5 (partenariats): the action sheets by axis on the left; for the chosen sheet, its
 * stakeholders and its partnership process. Everyone edits at once and sees each change live.
 */
export function PartnershipsStep({ commands }: { commands: BoardCommands }) {
  const t = useT();
  const plan = usePlanOverview();
  const partners = usePartners();
  const editable = useCanEdit();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const planCommands = usePlanCommands();
  const { orphans, shown, select } = useShownSheet(plan, (orphan) => orphan.partners);

  return (
    <StepFrame
      title={t('plan.partnerships.title')}
      intro={t('plan.partnerships.intro')}
      commands={commands}
      testId="plan.partnerships"
    >
      {shown === null ? (
        <NoSheets facilitator={facilitator} />
      ) : (
        <div className="plan-step__body">
          <SheetsWithDetail
            plan={plan}
            orphans={orphans}
            selected={shown}
            onSelect={select}
            meta={(a) => (
              <>
                <span>{t.plural('plan.partnerCount', a.partners)}</span>
                <ProgressBar progress={a.progress} compact />
              </>
            )}
            orphan={
              <OrphanPanel
                plan={plan}
                partners={partners.filter((p) => p.action === shown)}
                editable={editable}
                commands={planCommands}
              />
            }
          >
            {(action) => (
              <>
                <PartnersTable
                  action={action.id}
                  partners={partners.filter((p) => p.action === action.id)}
                  editable={editable}
                  plan={planCommands}
                  commands={commands}
                />
                <ProcessChecklist
                  action={action.id}
                  process={action.process}
                  progress={action.progress}
                  editable={editable}
                  plan={planCommands}
                  commands={commands}
                />
              </>
            )}
          </SheetsWithDetail>
        </div>
      )}
    </StepFrame>
  );
}
