import { useT } from '../../i18n/locale';
import { useBoard } from '../../state/store';
import { Icon } from '../../ui/Icon';

/** Says why the board cannot be changed: you observe, or the facilitator locked it. */
export function ReadOnlyBanner() {
  const t = useT();
  const role = useBoard((s) => s.me?.role);
  const locked = useBoard((s) => s.control.locked);
  const reason = role === 'observer' ? 'observer' : locked && role === 'participant' ? 'locked' : null;
  if (!reason) return null;
  return (
    <div className={`readonly readonly--${reason}`} data-testid="board.readonly" role="status">
      <Icon name={reason === 'observer' ? 'eye' : 'lock'} />
      {t(reason === 'observer' ? 'board.readonlyObserver' : 'board.readonlyLocked')}
    </div>
  );
}
