import type { StrategyDetail } from '@atelier/shared';
import { useId, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { deleteStrategy } from '../../api/strategies';
import { useT } from '../../i18n/locale';
import { navigate } from '../../routing/router';
import { forgetStrategy } from '../../session/remembered';
import { clearSession } from '../../session/session';
import { TitleConfirmDialog } from '../../ui/TitleConfirmDialog';

/**
 * The strategy page's last section: delete the strategy and every session, after typing its
 * title (as a workshop's deletion asks). The facilitator lands on the home page.
 */
export function DeleteStrategySection({ strategy, token }: { strategy: StrategyDetail; token: string }) {
  const t = useT();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = strategy.title;

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const deleted = await deleteStrategy(strategy.id, token, typed);
      for (const workshopId of deleted.sessions) clearSession(workshopId);
      forgetStrategy(strategy.id);
      navigate('/', { replace: true });
    } catch (failure) {
      setError(errorMessage(t, failure));
      setBusy(false);
    }
  };

  return (
    <section className="strategy__danger" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('strategy.delete.heading')}</h2>
      <p className="muted">{t.plural('strategy.delete.hint', strategy.sessions.length)}</p>
      <div>
        <button
          type="button"
          className="button button--danger"
          data-testid="strategy.delete"
          disabled={busy}
          onClick={() => {
            setTyped('');
            setConfirming(true);
          }}
        >
          {t('strategy.delete.button')}
        </button>
      </div>
      {error && (
        <p className="strategy__status strategy__status--error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <TitleConfirmDialog
          testId="strategy.deleteConfirm"
          title={t('strategy.delete.confirmHeading', { title })}
          text={t.plural('strategy.delete.confirmText', strategy.sessions.length)}
          confirmLabel={t('strategy.delete.confirm')}
          cancelLabel={t('strategy.delete.cancel')}
          expected={title}
          typed={typed}
          onType={setTyped}
          fieldLabel={t('strategy.delete.titleLabel')}
          fieldTestId="strategy.deleteTitle"
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
