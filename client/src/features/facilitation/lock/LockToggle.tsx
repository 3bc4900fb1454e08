import { setLocked } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';

/** The facilitator locks the board (participants read only; the server refuses their writes) and unlocks it. */
export function LockToggle() {
  const t = useT();
  const connection = useConnection();
  const locked = useBoard((s) => s.control.locked);
  const loaded = useBoard((s) => s.controlLoaded);
  return (
    <IconButton
      disabled={!loaded}
      label={t(locked ? 'header.unlock' : 'header.lock')}
      testId="board.lock"
      className={locked ? 'icon-button--active' : undefined}
      aria-pressed={locked}
      onClick={() => setLocked(connection.controlDoc, !locked)}
    >
      <Icon name={locked ? 'lock' : 'unlock'} />
    </IconButton>
  );
}
