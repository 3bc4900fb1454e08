import { isOwner } from '@atelier/shared';
import { useId, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { deleteWorkshop } from '../../api/privacy';
import { useT } from '../../i18n/locale';
import { navigate } from '../../routing/router';
import { forgetWorkshop } from '../../session/remembered';
import { boardStore, useBoard } from '../../state/store';
import { TitleConfirmDialog } from '../../ui/TitleConfirmDialog';

/** What the home page says once it was reached by deleting a workshop (`history.state`). */
export const DELETED_WORKSHOP_STATE = 'deletedWorkshop';

/**
 * The board panel's last section, for the workshop's creator only: delete it for good, after
 * typing its title. Everyone is disconnected; the creator lands on the home page, told so.
 */
export function DeleteWorkshopSection({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const id = useId();
  const workshop = useBoard((s) => s.workshop);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  if (!workshop || !isOwner({ ...workshop.you })) return null;
  const title = workshop.title;

  const remove = async () => {
    setBusy(true);
    try {
      await deleteWorkshop(workshopId, typed, token);
      forgetWorkshop(workshopId);
      navigate('/', { replace: true, state: { [DELETED_WORKSHOP_STATE]: title } });
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
      setBusy(false);
    }
  };

  return (
    <section className="board-panel__danger" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="share-panel__label">
        {t('boardPanel.delete.heading')}
      </h3>
      <p className="board-panel__hint">{t('boardPanel.delete.hint')}</p>
      <button
        type="button"
        className="button button--danger"
        data-testid="boardPanel.delete"
        disabled={busy}
        onClick={() => {
          setTyped('');
          setConfirming(true);
        }}
      >
        {t('boardPanel.delete.button')}
      </button>
      {confirming && (
        <TitleConfirmDialog
          testId="boardPanel.deleteConfirm"
          title={t('boardPanel.delete.confirmHeading', { title })}
          text={t('boardPanel.delete.confirmText')}
          confirmLabel={t('boardPanel.delete.confirm')}
          cancelLabel={t('boardPanel.delete.cancel')}
          expected={title}
          typed={typed}
          onType={setTyped}
          fieldLabel={t('boardPanel.delete.titleLabel')}
          fieldTestId="boardPanel.deleteTitle"
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void remove();
          }}
        />
      )}
    </section>
  );
}

/** The home page's word after a deletion: the title deleted, read once from `history.state`. */
export function deletedWorkshopTitle(): string | null {
  const state: Record<string, unknown> = window.history.state ?? {};
  const title = state[DELETED_WORKSHOP_STATE];
  return typeof title === 'string' ? title : null;
}
