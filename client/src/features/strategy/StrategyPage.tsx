import type { StrategyDetail } from '@atelier/shared';
import { useCallback, useEffect, useState } from 'react';
import { RequestError } from '../../api/http';
import { fetchStrategy } from '../../api/strategies';
import { useT } from '../../i18n/locale';
import { tokenFromHash } from '../../routing/routes';
import { loadStrategy, rememberStrategy } from '../../session/remembered';
import { MessageCard, Screen } from '../../ui/Screen';
import { StrategyView } from './StrategyView';

/**
 * Takes the strategy's facilitator token out of the link's fragment (`#token=…`) into this
 * browser's storage, and removes it from the address bar and history, as the board does for a
 * workshop's.
 */
function tokenFromLocation(strategyId: string): string | null {
  const token = tokenFromHash(window.location.hash);
  if (token) {
    rememberStrategy({ id: strategyId, token });
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return loadStrategy(strategyId)?.token ?? null;
}

type Answer =
  | { state: 'loading' }
  | { state: 'ready'; strategy: StrategyDetail }
  | { state: 'unauthorized' }
  | { state: 'notFound' }
  | { state: 'failed' };

/** `/s/:strategyId`: the strategy's facilitator page (its sessions, a new one, what changed). */
export function StrategyPage({ strategyId }: { strategyId: string }) {
  const t = useT();
  const [token] = useState(() => tokenFromLocation(strategyId));
  const [answer, setAnswer] = useState<Answer>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` reads again (after a change, or to retry).
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    fetchStrategy(strategyId, token, abort.signal).then(
      (strategy) => {
        rememberStrategy({ id: strategyId, title: strategy.title });
        setAnswer({ state: 'ready', strategy });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const code = error instanceof RequestError ? error.code : null;
        setAnswer({
          state: code === 'unauthorized' ? 'unauthorized' : code === 'not_found' ? 'notFound' : 'failed',
        });
      },
    );
    return () => abort.abort();
  }, [strategyId, token, attempt]);

  useEffect(() => {
    if (answer.state !== 'ready') return;
    document.title = `${answer.strategy.title} — ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [answer, t]);

  const noAccess = (
    <Screen>
      <MessageCard title={t('strategy.noAccessHeading')} text={t('strategy.noAccessText')} />
    </Screen>
  );
  if (!token) return noAccess;
  if (answer.state === 'unauthorized') return noAccess;
  if (answer.state === 'notFound') {
    return (
      <Screen>
        <MessageCard title={t('strategy.notFoundHeading')} text={t('strategy.notFoundText')} />
      </Screen>
    );
  }
  if (answer.state === 'failed') {
    return (
      <Screen>
        <MessageCard title={t('app.name')} text={t('error.network')}>
          <button type="button" className="button button--primary" onClick={reload}>
            {t('common.retry')}
          </button>
        </MessageCard>
      </Screen>
    );
  }
  if (answer.state === 'loading') {
    return (
      <Screen>
        <p className="muted">{t('common.loading')}</p>
      </Screen>
    );
  }
  return (
    <Screen wide>
      <StrategyView
        strategy={answer.strategy}
        token={token}
        onChanged={(strategy) => (strategy ? setAnswer({ state: 'ready', strategy }) : reload())}
      />
    </Screen>
  );
}
