import { useT } from '../i18n/locale';
import { useBoard } from '../state/store';
import { Icon } from '../ui/Icon';

const MESSAGES = {
  observer: 'board.readonlyObserver',
  locked: 'board.readonlyLocked',
  timeUp: 'board.readonlyTimeUp',
} as const;

/** Says why the board cannot be changed: you observe, the facilitator locked it, or time is up. */
export function ReadOnlyBanner() {
  const t = useT();
  const role = useBoard((s) => s.me?.role);
  const locked = useBoard((s) => s.control.locked);
  const timeUp = useBoard((s) => s.timeUp);
  const participant = role === 'participant';
  const reason =
    role === 'observer'
      ? 'observer'
      : participant && locked
        ? 'locked'
        : participant && timeUp
          ? 'timeUp'
          : null;
  if (!reason) return null;
  return (
    <div
      className={`readonly readonly--${reason}`}
      data-testid="board.readonly"
      data-reason={reason}
      role="status"
    >
      <Icon name={reason === 'observer' ? 'eye' : reason === 'timeUp' ? 'timer' : 'lock'} />
      {t(MESSAGES[reason])}
    </div>
  );
}
