import type { SessionSummary, StrategyDetail } from '@atelier/shared';
import { useId, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { facilitateSession, setStrategyArchived } from '../../api/strategies';
import { useT } from '../../i18n/locale';
import { navigate } from '../../routing/router';
import { boardPath, strategyPath } from '../../routing/routes';
import { loadSession, updateSession } from '../../session/session';
import { enterSession } from '../../session/strategySession';
import { ChangesView } from './changes/ChangesView';
import { defaultPair } from './changes/changeDisplay';
import { DeleteStrategySection } from './DeleteStrategy';
import { NewSessionDialog } from './NewSessionDialog';
import { SessionCard } from './SessionCard';
import { StrategyExport } from './StrategyExport';

interface Props {
  strategy: StrategyDetail;
  token: string;
  /** The strategy changed: its new state when the answer carried it, else read it again. */
  onChanged: (strategy?: StrategyDetail) => void;
}

/** The strategy page's content: its title and territory, its sessions in order, and what changed. */
export function StrategyView({ strategy, token, onChanged }: Props) {
  const t = useT();
  const id = useId();
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const archived = strategy.archivedAt !== null;
  const pair = defaultPair(strategy.sessions);

  const open = async (session: SessionSummary) => {
    setStatus(null);
    try {
      // Already a facilitator there (the workshop's creator, for an adopted session 1): stay who
      // one is, with one's notes and rights; else enter as the strategy's facilitator.
      const known = loadSession(session.workshopId);
      if (known?.role === 'facilitator') updateSession(session.workshopId, { strategyId: strategy.id });
      else {
        const entry = await facilitateSession(strategy.id, session.workshopId, token);
        enterSession(strategy.id, { ...entry, joinCode: session.joinCode });
      }
      // A session that continues another opens on the recap of what changed since, for the room.
      navigate(boardPath(session.workshopId), session.index > 1 ? { state: { recap: true } } : {});
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(t, error) });
    }
  };

  const toggleArchived = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const next = await setStrategyArchived(strategy.id, token, !archived);
      onChanged(next);
      setStatus({
        kind: 'success',
        text: t(archived ? 'strategy.restoredStatus' : 'strategy.archivedStatus'),
      });
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  };

  // The strategy's facilitator link, for a co-facilitator: copied, never shown (the page may be projected).
  const copyLink = async () => {
    const link = `${window.location.origin}${strategyPath(strategy.id)}#token=${encodeURIComponent(token)}`;
    try {
      await navigator.clipboard.writeText(link);
      setStatus({ kind: 'success', text: t('strategy.linkCopied') });
    } catch {
      setStatus({ kind: 'error', text: t('strategy.linkNotCopied') });
    }
  };

  return (
    <div className="strategy" data-testid="strategy">
      <header className="strategy__head">
        <p className="eyebrow">{t('strategy.eyebrow')}</p>
        <h1 data-testid="strategy.title">{strategy.title}</h1>
        <p className="strategy__territory">
          {strategy.territory.name} · {t(`territory.${strategy.territory.kind}`)}
        </p>
      </header>
      {archived && (
        <div className="strategy__archived" role="note" data-testid="strategy.archived">
          <strong>{t('strategy.archivedHeading')}</strong> {t('strategy.archivedText')}
        </div>
      )}
      <div className="strategy__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="strategy.newSession"
          disabled={archived}
          aria-describedby={archived ? `${id}-archived-hint` : undefined}
          onClick={() => setCreating(true)}
        >
          {t('strategy.newSession')}
        </button>
        <button
          type="button"
          className="button"
          data-testid={archived ? 'strategy.restore' : 'strategy.archive'}
          disabled={busy}
          onClick={() => void toggleArchived()}
        >
          {t(archived ? 'strategy.restore' : 'strategy.archive')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="strategy.copyLink"
          title={t('strategy.copyLinkHint')}
          onClick={() => void copyLink()}
        >
          {t('strategy.copyLink')}
        </button>
        {archived && (
          <span id={`${id}-archived-hint`} className="visually-hidden">
            {t('strategy.archivedText')}
          </span>
        )}
      </div>
      <p
        className={status?.kind === 'error' ? 'strategy__status strategy__status--error' : 'strategy__status'}
        role="status"
        data-testid="strategy.status"
      >
        {status?.text ?? ''}
      </p>

      <section className="strategy__sessions" aria-labelledby={`${id}-sessions`}>
        <h2 id={`${id}-sessions`}>{t.plural('strategy.sessions', strategy.sessions.length)}</h2>
        {strategy.sessions.length === 0 ? (
          <p className="muted">{t('strategy.noSession')}</p>
        ) : (
          <ol className="session-list" data-testid="strategy.sessions">
            {strategy.sessions.map((session) => (
              <SessionCard key={session.workshopId} session={session} onOpen={() => void open(session)} />
            ))}
          </ol>
        )}
      </section>

      {pair && (
        <ChangesView
          key={pair.join('/')}
          strategyId={strategy.id}
          token={token}
          sessions={strategy.sessions}
          from={pair[0]}
          to={pair[1]}
          heading={t('changes.heading')}
        />
      )}

      {strategy.sessions.length > 0 && (
        <StrategyExport strategyId={strategy.id} token={token} title={strategy.title} />
      )}

      <DeleteStrategySection strategy={strategy} token={token} />

      {creating && (
        <NewSessionDialog
          strategy={strategy}
          token={token}
          onClose={(created) => {
            setCreating(false);
            if (created) onChanged();
          }}
          onOpen={(session) => void open(session)}
        />
      )}
    </div>
  );
}
