import { useT } from '../../i18n/locale';
import { useBoard, useCanEdit } from '../../state/store';
import type { BoardCommands } from '../board/useCommands';
import { OrphanPanel } from './OrphanPanel';
import { PartnersTable } from './PartnersTable';
import { ProcessChecklist, ProgressBar } from './ProcessChecklist';
import { NoSheets, SheetHeading, SheetList } from './SheetList';
import { StepFrame } from './StepFrame';
import { shownSelection, usePartners, usePlanOverview, usePlanSelection } from './usePlan';
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
  const { selected, select } = usePlanSelection();

  const actions = plan.groups.flatMap((group) => group.actions);
  const orphans = plan.orphans
    .filter((orphan) => orphan.partners.length > 0)
    .map((orphan) => ({ action: orphan.action, names: orphan.partners.map((p) => p.name) }));
  const shown = shownSelection(selected, [...actions.map((a) => a.id), ...orphans.map((o) => o.action)]);
  const action = actions.find((a) => a.id === shown);

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
          <SheetList
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
          />
          <div className="plan-step__detail" data-testid="plan.detail" data-sheet-id={shown}>
            {action ? (
              <>
                <SheetHeading plan={plan} action={action} />
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
            ) : (
              <OrphanPanel
                plan={plan}
                partners={partners.filter((p) => p.action === shown)}
                editable={editable}
                commands={planCommands}
              />
            )}
          </div>
        </div>
      )}
    </StepFrame>
  );
}
