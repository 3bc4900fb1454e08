import type { StrategyDetail } from '@atelier/shared';
import { useId, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { deleteStrategy } from '../../api/strategies';
import { useT } from '../../i18n/locale';
import { navigate } from '../../routing/router';
import { clearSession } from '../../session/session';
import { forgetStrategy } from '../../session/strategySession';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** The same comparison the server makes: the title, spaces and case aside. */
function sameTitle(typed: string, title: string): boolean {
  const tidy = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return tidy(typed) === tidy(title);
}

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
        <ConfirmDialog
          testId="strategy.deleteConfirm"
          title={t('strategy.delete.confirmHeading', { title })}
          text={t.plural('strategy.delete.confirmText', strategy.sessions.length)}
          confirmLabel={t('strategy.delete.confirm')}
          cancelLabel={t('strategy.delete.cancel')}
          confirmDisabled={!sameTitle(typed, title) || busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void remove();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('strategy.delete.titleLabel')}</label>
            <input
              id={`${id}-title`}
              className="input"
              data-testid="strategy.deleteTitle"
              value={typed}
              autoComplete="off"
              placeholder={title}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
        </ConfirmDialog>
      )}
    </section>
  );
}
