import { type WorkshopSummary, WRITE_DENIED_REASONS } from '@atelier/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { BalancePanel } from '../features/facilitation/balance/BalancePanel';
import { BoardPanel } from '../features/facilitation/boardPanel/BoardPanel';
import { FollowBanner } from '../features/facilitation/follow/Follow';
import { useFollowLeader, useLeadView } from '../features/facilitation/follow/useFollow';
import { FollowUpPanel } from '../features/facilitation/followUp/FollowUpPanel';
import { ParticipantsPanel } from '../features/facilitation/participants/ParticipantsPanel';
import { ProjectorExit, useProjectorMode } from '../features/facilitation/projector/Projector';
import { SharePanel } from '../features/facilitation/share/SharePanel';
import { SilentBar } from '../features/facilitation/silent/SilentBar';
import { TableMessagesBanner } from '../features/facilitation/tables/overview/TableMessages';
import { TablesOverview } from '../features/facilitation/tables/overview/TablesOverview';
import { VisitBanner } from '../features/facilitation/tables/overview/Visit';
import { PlenaryBar } from '../features/facilitation/tables/plenary/PlenaryBar';
import { PresentingView } from '../features/facilitation/tables/plenary/PresentingView';
import { NoTableYet, TablePicker, TableRoundBanner } from '../features/facilitation/tables/TableSpace';
import { TablesPanel } from '../features/facilitation/tables/TablesPanel';
import { useTimerExpiry } from '../features/facilitation/timer/useTimer';
import { StepQuestion } from '../features/method/question/StepQuestion';
import { ExportPanel } from '../features/outputs/export/ExportPanel';
import { VoteBanner } from '../features/outputs/votes/VoteBanner';
import { VotesArea } from '../features/outputs/votes/VotesArea';
import { VotesPanel } from '../features/outputs/votes/VotesPanel';
import { RetentionBanner } from '../features/privacy/RetentionBanner';
import { RecapPanel } from '../features/strategy/recap/RecapPanel';
import { useT } from '../i18n/locale';
import { loadStrategy } from '../session/remembered';
import type { Session } from '../session/session';
import { syncServerClock } from '../state/serverClock';
import { boardStore, canChangeNote, useBoard, useCanEdit, useShownStep, useTableSpace } from '../state/store';
import { ConnectionContext } from '../state/useConnection';
import { useCommands } from '../toolbox/commands/useCommands';
import { Toasts } from '../ui/Toasts';
import { BoardHeader } from './BoardHeader';
import { ClosedScreen } from './ClosedScreen';
import { FacilitatorBar } from './FacilitatorBar';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { useReadableEditing } from './readableEditing';
import { StepBar, useStepAnnouncement } from './StepBar';
import { StepView } from './StepView';
import { useRememberAsFacilitator } from './useRememberAsFacilitator';
import { useShortcuts } from './useShortcuts';
import { useWorkshopConnection } from './useWorkshopConnection';

interface Props {
  workshopId: string;
  session: Session;
  summary: WorkshopSummary;
  /** Reads the summary again now (a facilitator changed our role). */
  refreshSummary: () => void;
}

/** The live board once we know who we are: connects the documents and lays the board out. */
export function BoardView({ workshopId, session, summary, refreshSummary }: Props) {
  const t = useT();
  useEffect(() => {
    boardStore.getState().setWorkshop(summary, { participantId: summary.you.id, role: summary.you.role });
    document.title = `${summary.title} — ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [summary, t]);

  const onDenied = useCallback(
    (reason: string) => {
      const known = Object.values(WRITE_DENIED_REASONS) as string[];
      const key = known.includes(reason) ? (`toast.denied.${reason}` as const) : 'toast.denied.other';
      boardStore.getState().toast('error', t(key as 'toast.denied.other'));
    },
    [t],
  );
  const connection = useWorkshopConnection({
    workshopId,
    token: session.token,
    store: boardStore,
    onDenied,
    onRoleChanged: refreshSummary,
  });
  useRememberAsFacilitator(workshopId, summary, connection);
  const closedCode = useBoard((s) => s.connection.closedCode);

  if (closedCode !== null)
    return <ClosedScreen workshopId={workshopId} code={closedCode} joinCode={session.joinCode} />;
  if (!connection) return null;
  return (
    <ConnectionContext.Provider value={connection}>
      <BoardLayout workshopId={workshopId} session={session} refreshSummary={refreshSummary} />
    </ConnectionContext.Provider>
  );
}

/**
 * Closes the editor and menu when the board becomes read-only (the facilitator locks it) or
 * the note someone else's (notes back to "each their own"), and forgets a selected or edited
 * note that someone else deleted.
 */
function useTidyUiState(): void {
  const editable = useCanEdit();
  useEffect(() => {
    if (!editable) boardStore.setState({ editingId: null, pickerId: null });
  }, [editable]);
  useEffect(
    () =>
      boardStore.subscribe((state, prev) => {
        if (state.control.noteEditing !== prev.control.noteEditing) {
          const note = state.editingId === null ? undefined : state.notes[state.editingId];
          if (note && !canChangeNote(state, note)) boardStore.setState({ editingId: null, pickerId: null });
        }
        if (state.notes === prev.notes) return;
        const gone = (id: string | null) => id !== null && !state.notes[id];
        if (gone(state.selectedId) || gone(state.editingId) || gone(state.pickerId)) {
          boardStore.setState({
            selectedId: gone(state.selectedId) ? null : state.selectedId,
            editingId: gone(state.editingId) ? null : state.editingId,
            pickerId: gone(state.pickerId) ? null : state.pickerId,
          });
        }
      }),
    [],
  );
}

function BoardLayout({
  workshopId,
  session,
  refreshSummary,
}: {
  workshopId: string;
  session: Session;
  refreshSummary: () => void;
}) {
  const commands = useCommands();
  const pointerRef = useRef<{ x: number; y: number } | null>(null);
  useShortcuts(commands, pointerRef);
  useTidyUiState();
  useReadableEditing();
  useTimerExpiry();
  useLeadView();
  useFollowLeader();
  useStepAnnouncement();
  useEffect(() => {
    void syncServerClock();
  }, []);
  const projector = useProjectorMode();
  // The strategy this session belongs to, when this browser keeps its token (opened from the strategy page).
  const [strategy] = useState(() => {
    const remembered = session.strategyId ? loadStrategy(session.strategyId) : null;
    return remembered ? { id: remembered.id, token: remembered.token } : null;
  });
  const step = useShownStep();
  const noSeat = useTableSpace().kind === 'noSeat';
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  // Everyone's panel: the votes'; the others are the facilitator's.
  const panel = useBoard((s) => (s.sidePanel === 'votes' || facilitator ? s.sidePanel : null));
  /** Closes the panel and takes focus back to the button that opened it, not to the top of the page. */
  const close = (toggles: string) => () => {
    boardStore.getState().setSidePanel(null);
    document.querySelector<HTMLElement>(toggles)?.focus();
  };
  return (
    <div
      className={projector ? 'board board--projector' : 'board'}
      data-testid="board"
      data-projector={projector}
    >
      <BoardHeader token={session.token} />
      <FacilitatorBar inStrategy={strategy !== null} />
      <StepBar />
      <StepQuestion />
      {projector && <ProjectorExit />}
      <div className="board__body">
        <main id="main" className="board__main" data-testid="board.main" data-step={step}>
          {/* One column of banners, so that a locked board during silent ideation shows both. */}
          <div className="board-banners">
            <ReadOnlyBanner />
            <RetentionBanner />
            <FollowBanner />
            <SilentBar workshopId={workshopId} token={session.token} />
            <VoteBanner workshopId={workshopId} token={session.token} />
            <TableRoundBanner />
            <VisitBanner />
            <TableMessagesBanner workshopId={workshopId} />
            <PlenaryBar />
            {!noSeat && <TablePicker workshopId={workshopId} token={session.token} />}
          </div>
          <VotesArea workshopId={workshopId} token={session.token}>
            {noSeat ? (
              <NoTableYet workshopId={workshopId} token={session.token} />
            ) : (
              <StepView commands={commands} pointerRef={pointerRef} />
            )}
          </VotesArea>
        </main>
        {panel === 'share' && (
          <SharePanel
            workshopId={workshopId}
            token={session.token}
            participantLink={session.participantLink ?? null}
            refreshSummary={refreshSummary}
            onClose={() => boardStore.getState().setSidePanel(null)}
          />
        )}
        {panel === 'participants' && (
          <ParticipantsPanel
            workshopId={workshopId}
            token={session.token}
            refreshSummary={refreshSummary}
            onClose={close('[data-testid="participants.toggle"]')}
          />
        )}
        {panel === 'balance' && (
          <BalancePanel
            workshopId={workshopId}
            token={session.token}
            onClose={close('[data-testid="balance.toggle"]')}
          />
        )}
        {panel === 'tables' && (
          <TablesPanel
            workshopId={workshopId}
            token={session.token}
            onClose={close('[data-testid="tables.toggle"]')}
          />
        )}
        {panel === 'overview' && <TablesOverview onClose={close('[data-testid="overview.toggle"]')} />}
        {panel === 'votes' && (
          <VotesPanel
            workshopId={workshopId}
            token={session.token}
            onClose={close('[data-testid="votes.toggle"],[data-testid="votes.entry"]')}
          />
        )}
        {panel === 'export' && (
          <ExportPanel
            workshopId={workshopId}
            token={session.token}
            onClose={close('[data-testid="export.toggle"]')}
          />
        )}
        {panel === 'followUp' && (
          <FollowUpPanel
            workshopId={workshopId}
            token={session.token}
            onClose={close('[data-testid="share.toggle"]')}
          />
        )}
        {panel === 'board' && (
          <BoardPanel
            workshopId={workshopId}
            token={session.token}
            strategyId={session.strategyId}
            onClose={close('[data-testid="boardPanel.toggle"]')}
          />
        )}
        {panel === 'recap' && strategy && (
          <RecapPanel
            workshopId={workshopId}
            strategy={strategy}
            onClose={close('[data-testid="recap.toggle"]')}
          />
        )}
      </div>
      <PresentingView />
      <Toasts />
    </div>
  );
}
