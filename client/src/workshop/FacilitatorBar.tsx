import { BalanceToggle } from '../features/facilitation/balance/BalanceToggle';
import { FollowToggle } from '../features/facilitation/follow/Follow';
import { LockToggle } from '../features/facilitation/lock/LockToggle';
import { ParticipantsToggle } from '../features/facilitation/participants/ParticipantsToggle';
import { SilentToggle } from '../features/facilitation/silent/SilentToggle';
import { OverviewToggle } from '../features/facilitation/tables/overview/Visit';
import { TablesToggle } from '../features/facilitation/tables/TableRound';
import { ThemeEditorButton } from '../features/facilitation/themes/ThemeEditor';
import { ExportToggle } from '../features/outputs/export/ExportToggle';
import { VotesToggle } from '../features/outputs/votes/VotesToggle';
import { useT } from '../i18n/locale';
import { useBoard } from '../state/store';
import { SidePanelToggle } from '../ui/SidePanelToggle';
import { StepsFreeToggle } from './StepBar';

/**
 * The facilitator's controls, in a bar of their own under the header: a laptop's header has
 * no room for them beside the title, presence and language. A named region (a landmark), so
 * that a screen reader's list of landmarks leads to it; not an ARIA toolbar, whose arrow-key
 * navigation it does not have: Tab goes through its buttons.
 */
export function FacilitatorBar({ inStrategy = false }: { inStrategy?: boolean }) {
  const t = useT();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  if (!facilitator) return null;
  return (
    <>
      {/* Below 1024 px the console does not fit: say so (in a landmark of its own, where the
          bar's would be), and leave a clean view of the board. */}
      <aside
        className="facilitator-narrow"
        aria-label={t('facilitatorBar.label')}
        data-testid="facilitator.narrow"
      >
        {t('facilitatorBar.narrow')}
      </aside>
      <section className="facilitator-bar" aria-label={t('facilitatorBar.label')}>
        <FollowToggle />
        <StepsFreeToggle />
        <SilentToggle />
        <ThemeEditorButton />
        <LockToggle />
        {/* The panels' buttons, at the right end: together on the next line when the screen is narrow. */}
        <div className="facilitator-bar__panels">
          <VotesToggle />
          <ParticipantsToggle />
          <BalanceToggle />
          <TablesToggle />
          <OverviewToggle />
          <SidePanelToggle panel="share" testId="share.toggle">
            {t('share.toggle')}
          </SidePanelToggle>
          <ExportToggle />
          {/* A session of a strategy this browser facilitates: what changed since the session before. */}
          {inStrategy && (
            <SidePanelToggle panel="recap" testId="recap.toggle">
              {t('changes.toggle')}
            </SidePanelToggle>
          )}
          <SidePanelToggle panel="board" testId="boardPanel.toggle">
            {t('boardPanel.toggle')}
          </SidePanelToggle>
        </div>
      </section>
    </>
  );
}
