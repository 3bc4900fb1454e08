import type { StrategyDetail } from '@atelier/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { fetchStrategy } from '../../../api/strategies';
import { useT } from '../../../i18n/locale';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { ChangesView } from '../changes/ChangesView';

interface Props {
  workshopId: string;
  strategy: { id: string; token: string };
  onClose: () => void;
}

type Answer =
  | { state: 'loading' }
  | { state: 'ready'; strategy: StrategyDetail }
  | { state: 'failed'; message: string };

/**
 * The facilitator's recap in a session that continues an earlier one: what changed from the
 * session before to this one, for the room. It is the strategy page's comparison, read with the
 * strategy's token this browser keeps (participants' tokens cannot read a strategy), shown in a
 * side panel the facilitator projects, or full screen ("Afficher en grand").
 */
export function RecapPanel({ workshopId, strategy, onClose }: Props) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [answer, setAnswer] = useState<Answer>({ state: 'loading' });
  const [large, setLarge] = useState(false);
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    const abort = new AbortController();
    fetchStrategy(strategy.id, strategy.token, abort.signal).then(
      (found) => setAnswer({ state: 'ready', strategy: found }),
      (error: unknown) => {
        if (!abort.signal.aborted) setAnswer({ state: 'failed', message: errorMessage(t, error) });
      },
    );
    return () => abort.abort();
  }, [strategy.id, strategy.token, t]);

  const sessions = answer.state === 'ready' ? answer.strategy.sessions : [];
  const here = sessions.findIndex((s) => s.workshopId === workshopId);
  const before = here > 0 ? sessions[here - 1] : undefined;

  return (
    <aside
      className={large ? 'share-panel recap-panel recap-panel--large' : 'share-panel recap-panel'}
      data-testid="recap.panel"
      aria-labelledby="recap-panel-heading"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        if (large) setLarge(false);
        else onClose();
      }}
    >
      <div className="share-panel__head">
        <h2 id="recap-panel-heading" ref={headingRef} tabIndex={-1}>
          {t('changes.recapHeading')}
        </h2>
        <IconButton label={t('common.close')} testId="recap.close" onClick={onClose}>
          <Icon name="close" size={16} />
        </IconButton>
      </div>
      <button
        type="button"
        className="button recap-panel__large"
        aria-pressed={large}
        data-testid="recap.large"
        onClick={() => setLarge(!large)}
      >
        {large ? t('recap.small') : t('recap.large')}
      </button>
      {answer.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {answer.state === 'failed' && (
        <p className="changes__error" role="alert">
          {answer.message}
        </p>
      )}
      {answer.state === 'ready' && !before && <p className="muted">{t('recap.firstSession')}</p>}
      {answer.state === 'ready' && before && (
        <ChangesView
          strategyId={strategy.id}
          token={strategy.token}
          sessions={sessions}
          from={before.workshopId}
          to={workshopId}
          heading={t('recap.compared', { from: before.index, to: sessions[here]?.index ?? here + 1 })}
          level={3}
        />
      )}
    </aside>
  );
}
