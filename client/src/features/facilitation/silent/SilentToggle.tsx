import { setSilent } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';

/** The facilitator starts silent ideation (stopping it is the reveal, in `SilentBar`). */
export function SilentToggle() {
  const t = useT();
  const connection = useConnection();
  const silent = useBoard((s) => s.control.silent);
  const loaded = useBoard((s) => s.controlLoaded);
  if (silent) return null;
  return (
    <button
      type="button"
      className="button"
      disabled={!loaded}
      data-testid="silent.start"
      onClick={() => setSilent(connection.controlDoc, true)}
    >
      {t('silent.start')}
    </button>
  );
}
