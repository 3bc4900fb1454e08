import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { SidePanelToggle } from '../../../ui/SidePanelToggle';
import { openRound, visibleRounds } from './model';
import { useRounds } from './useRounds';

/** The button that opens the votes panel: in the facilitator's bar (`everyone`: in the header, for the others). */
export function VotesToggle({ everyone = false }: { everyone?: boolean }) {
  const t = useT();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const rounds = useRounds();
  // The facilitator's button is in their bar; the others get one once there is a vote to see.
  if (everyone ? facilitator || visibleRounds(rounds, false).length === 0 : !facilitator) return null;
  const running = openRound(rounds) !== null;
  return (
    <SidePanelToggle
      panel="votes"
      testId={everyone ? 'votes.entry' : 'votes.toggle'}
      aria-label={running ? `${t('votes.toggle')} — ${t('votes.toggleRunning')}` : t('votes.toggle')}
    >
      {t('votes.toggle')}
      {running && <span className="votes-toggle__live" aria-hidden="true" />}
    </SidePanelToggle>
  );
}
