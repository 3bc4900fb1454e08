import { useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { rotateJoinCode } from '../../../api/workshops';
import { useT } from '../../../i18n/locale';
import { updateSession } from '../../../session/session';
import { boardStore } from '../../../state/store';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { groupCode } from '../../../ui/groupCode';
import { Icon } from '../../../ui/Icon';

interface Props {
  workshopId: string;
  token: string;
  /** Reads the workshop summary again, so that no answer already on its way brings the old code back. */
  refreshSummary: () => void;
  label: string;
  testId: string;
  className?: string;
}

/** Puts the new code where the board reads it (share panel) and where a reload finds it. */
function keepJoinCode(workshopId: string, joinCode: string, participantLink: string): void {
  const workshop = boardStore.getState().workshop;
  if (workshop) boardStore.setState({ workshop: { ...workshop, joinCode } });
  updateSession(workshopId, { joinCode, participantLink });
}

/**
 * "New code", after a confirmation saying what it does: the current code, link and QR code
 * stop letting people in, while everyone already in stays.
 */
export function NewJoinCodeButton({
  workshopId,
  token,
  refreshSummary,
  label,
  testId,
  className = 'button',
}: Props) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const rotate = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const { joinCode, links } = await rotateJoinCode(workshopId, token);
      keepJoinCode(workshopId, joinCode, links.participant);
      refreshSummary();
      boardStore
        .getState()
        .toast('success', t('share.rotatedToast', { code: groupCode(joinCode).join(' ') }));
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {/* Not `disabled` while busy: the dialog gives the focus back to this button when it closes. */}
      <button
        type="button"
        className={className}
        data-testid={testId}
        aria-haspopup="dialog"
        aria-busy={busy}
        onClick={() => {
          if (!busy) setConfirming(true);
        }}
      >
        <Icon name="refresh" size={16} />
        {label}
      </button>
      {confirming && (
        <ConfirmDialog
          testId="share.rotateConfirm"
          title={t('share.rotateHeading')}
          text={t('share.rotateText')}
          confirmLabel={t('share.rotateConfirm')}
          cancelLabel={t('share.rotateCancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void rotate()}
        />
      )}
    </>
  );
}
