import { CLOSE_CODES } from '@atelier/shared';
import { useEffect, useState } from 'react';
import { JoinCodeForm } from '../features/entry/home/JoinCodeForm';
import { WrongLink } from '../features/entry/join/WrongLink';
import { useT } from '../i18n/locale';
import { clearHistoryFlag, historyFlag } from '../routing/router';
import { tokenFromHash } from '../routing/routes';
import { loadSession, type Session, saveSession } from '../session/session';
import { boardStore, resetBoardStore, useBoard } from '../state/store';
import { MessageCard, Screen } from '../ui/Screen';
import { BoardView } from './BoardView';
import { ClosedScreen } from './ClosedScreen';
import { useWorkshopSummary } from './useWorkshopSummary';

/**
 * Takes the facilitator token out of the link's fragment (`#token=…`) into this browser's
 * session for the workshop, and removes it from the address bar and history.
 */
function sessionFromLocation(workshopId: string): Session | null {
  const token = tokenFromHash(window.location.hash);
  if (token) {
    const existing = loadSession(workshopId);
    saveSession(workshopId, existing?.token === token ? existing : { token });
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return loadSession(workshopId);
}

/** `/w/:workshopId`: resolves who we are, then opens the live board. */
export function BoardPage({ workshopId }: { workshopId: string }) {
  const [session] = useState(() => {
    resetBoardStore(boardStore);
    // Just created: the facilitator's first move is to share the code.
    if (historyFlag('share')) boardStore.getState().setSidePanel('share');
    // Opened from the strategy page, a session that continues another: the recap is at hand.
    if (historyFlag('recap')) boardStore.getState().setSidePanel('recap');
    return sessionFromLocation(workshopId);
  });
  useEffect(() => {
    clearHistoryFlag('share');
    clearHistoryFlag('recap');
  }, []);
  if (!session) return <JoinPrompt kind="missing" />;
  return <BoardWithSession workshopId={workshopId} session={session} />;
}

function BoardWithSession({ workshopId, session }: { workshopId: string; session: Session }) {
  const t = useT();
  // Facilitators watching people arrive (share or participants panel open) see them sooner.
  const watching = useBoard((s) => s.sidePanel === 'share' || s.sidePanel === 'participants');
  const { summary, retry } = useWorkshopSummary(workshopId, session, watching ? 4000 : 15000);
  const closedCode = useBoard((s) => s.connection.closedCode);

  // Removed by a facilitator, or the workshop deleted: say so, even once the summary answers
  // 401 or 404 like for any dead token.
  if (closedCode === CLOSE_CODES.removed || closedCode === CLOSE_CODES.workshopDeleted) {
    return <ClosedScreen workshopId={workshopId} code={closedCode} joinCode={session.joinCode} />;
  }

  if (summary.state === 'unauthorized') {
    return <JoinPrompt kind="invalid" code={session.joinCode} />;
  }
  if (summary.state === 'notFound') {
    return (
      <Screen>
        <WrongLink kind="unknownWorkshop" />
      </Screen>
    );
  }
  if (summary.state === 'failed') {
    return (
      <Screen>
        <MessageCard title={t('app.name')} text={t('error.network')}>
          <button type="button" className="button button--primary" onClick={retry}>
            {t('common.retry')}
          </button>
        </MessageCard>
      </Screen>
    );
  }
  if (summary.state === 'loading') {
    return (
      <Screen>
        <p className="muted">{t('board.loading')}</p>
      </Screen>
    );
  }
  return (
    <BoardView workshopId={workshopId} session={session} summary={summary.summary} refreshSummary={retry} />
  );
}

/** No usable session on this browser: ask for the join code (prefilled when we know it). */
export function JoinPrompt({ kind, code }: { kind: 'missing' | 'invalid'; code?: string | undefined }) {
  const t = useT();
  return (
    <Screen>
      <MessageCard
        title={t(kind === 'missing' ? 'session.missingHeading' : 'session.invalidHeading')}
        text={t(kind === 'missing' ? 'session.missingText' : 'session.invalidText')}
      >
        <JoinCodeForm initial={code ?? ''} autoFocus />
      </MessageCard>
    </Screen>
  );
}
