import { type PublicRound, readReminders, remindersReader } from '@atelier/shared';
import { type ReactNode, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../../i18n/locale';
import { serverNow } from '../../../state/serverClock';
import { boardStore, useBoard } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { BallotView } from './BallotView';
import { freshReminders } from './model';
import { ResultsView } from './ResultsView';

import { useRounds } from './useRounds';
import { type VotesApi, VotesApiProvider } from './votesApi';

interface Props extends VotesApi {
  /** The step's view, shown unless a round's ballot or results are. */
  children: ReactNode;
}

/**
 * The main area when votes are on: a round's voting view or its results in place of the step
 * (the step comes back with "Retour au tableau"). Everyone is shown the results at the reveal,
 * and a participant the facilitator reminds is told.
 */
export function VotesArea({ workshopId, token, children }: Props) {
  return (
    <VotesApiProvider workshopId={workshopId} token={token}>
      <Area>{children}</Area>
    </VotesApiProvider>
  );
}

function Area({ children }: { children: ReactNode }) {
  const rounds = useRounds();
  const view = useBoard((s) => s.votesView);
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  useRevealShowsResults(rounds);
  useReminderToasts(rounds);
  const round = view ? rounds.find((r) => r.id === view.roundId) : undefined;
  const gone = view !== null && (round === undefined || (round.state === 'draft' && !facilitator));
  useEffect(() => {
    // A discarded round (or one taken back to draft) leaves the main area to the step.
    if (gone) boardStore.getState().showVotes(null);
  }, [gone]);

  if (!view || !round || gone) return <>{children}</>;
  return view.show === 'results' ? <ResultsView round={round} /> : <BallotView round={round} />;
}

/** When a round is revealed, everyone connected is shown its results (not on reload: they may close them). */
function useRevealShowsResults(rounds: readonly PublicRound[]): void {
  const known = useRef<Map<string, PublicRound['state']> | null>(null);
  useEffect(() => {
    const before = known.current;
    known.current = new Map(rounds.map((r) => [r.id, r.state]));
    if (!before) return;
    for (const round of rounds) {
      const was = before.get(round.id);
      if (was !== undefined && was !== 'revealed' && round.state === 'revealed')
        boardStore.getState().showVotes({ roundId: round.id, show: 'results' });
    }
  }, [rounds]);
}

/** A participant's private room holds the facilitator's reminders: each new one is a toast. */
function useReminderToasts(rounds: readonly PublicRound[]): void {
  const t = useT();
  const connection = useConnection();
  const me = useBoard((s) => s.me);
  const participant = me?.role === 'participant' ? me.participantId : null;
  const anyOpen = rounds.some((r) => r.state === 'open');
  const latest = useRef({ rounds, t });
  latest.current = { rounds, t };
  const seen = useRef(new Map<string, number>());

  useEffect(() => {
    // Reminders arrive in the private room (opened for silent ideation too; opening is idempotent).
    if (participant && anyOpen) connection.openDrafts(participant);
  }, [connection, participant, anyOpen]);

  useEffect(() => {
    if (!participant) return;
    let doc: Y.Doc | null = connection.drafts?.doc ?? null;
    const check = () => {
      if (!doc) return;
      const { rounds: now, t: translate } = latest.current;
      const open = new Set(now.filter((r) => r.state === 'open').map((r) => r.id));
      for (const roundId of freshReminders(readReminders(doc), seen.current, open, serverNow())) {
        const title = now.find((r) => r.id === roundId)?.title ?? '';
        boardStore.getState().toast('info', translate('votes.reminder', { title }));
      }
    };
    let unobserve = () => {};
    const watch = (next: Y.Doc | null) => {
      unobserve();
      doc = next;
      unobserve = doc ? remindersReader.observe(doc, check) : () => {};
      check();
    };
    watch(doc);
    const off = connection.on('draftsDoc', watch);
    return () => {
      off();
      unobserve();
    };
  }, [connection, participant]);
}
