import { useT } from '../../i18n/locale';
import { useBoard } from '../../state/store';
import { ToggleButton } from '../../ui/ToggleButton';
import { openRound, visibleRounds } from './model';
import { useRounds } from './useRounds';

/** The button that opens the votes panel: in the facilitator's bar (`everyone`: in the header, for the others). */
export function VotesToggle({ everyone = false }: { everyone?: boolean }) {
  const t = useT();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const open = useBoard((s) => s.votesOpen);
  const setOpen = useBoard((s) => s.setVotesOpen);
  const rounds = useRounds();
  // The facilitator's button is in their bar; the others get one once there is a vote to see.
  if (everyone ? facilitator || visibleRounds(rounds, false).length === 0 : !facilitator) return null;
  const running = openRound(rounds) !== null;
  return (
    <ToggleButton
      pressed={open}
      testId={everyone ? 'votes.entry' : 'votes.toggle'}
      aria-label={running ? `${t('votes.toggle')} — ${t('votes.toggleRunning')}` : t('votes.toggle')}
      onClick={() => setOpen(!open)}
    >
      {t('votes.toggle')}
      {running && <span className="votes-toggle__live" aria-hidden="true" />}
    </ToggleButton>
  );
}
