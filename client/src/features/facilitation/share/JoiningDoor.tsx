import { useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { setJoining } from '../../../api/workshops';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard } from '../../../state/store';
import { Icon } from '../../../ui/Icon';

interface Props {
  workshopId: string;
  token: string;
  /** Reads the workshop summary again, so that an answer already on its way does not undo the change. */
  refreshSummary: () => void;
}

/**
 * Whether the join code lets people in, and the button that closes or reopens joining. Closed,
 * the code, its link and QR code answer "closed" on the join page; people already in stay.
 */
export function JoiningDoor({ workshopId, token, refreshSummary }: Props) {
  const t = useT();
  // Older servers do not say: the door is open.
  const open = useBoard((s) => s.workshop?.joiningOpen ?? true);
  const [busy, setBusy] = useState(false);

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const state = await setJoining(workshopId, token, !open);
      const workshop = boardStore.getState().workshop;
      if (workshop) boardStore.setState({ workshop: { ...workshop, joiningOpen: state.open } });
      refreshSummary();
      boardStore.getState().toast('success', t(state.open ? 'share.reopenedToast' : 'share.closedToast'));
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className={`share-panel__door${open ? '' : ' share-panel__door--closed'}`}
      data-testid="share.door"
      data-open={open}
    >
      <p data-testid="share.doorState">{t(open ? 'share.joiningOpen' : 'share.joiningClosed')}</p>
      <button
        type="button"
        className="button button--small"
        data-testid="share.joining"
        aria-busy={busy}
        onClick={() => void toggle()}
      >
        <Icon name={open ? 'lock' : 'unlock'} size={16} />
        {open ? t('share.closeJoining') : t('share.reopenJoining')}
      </button>
    </div>
  );
}
