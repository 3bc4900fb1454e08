import { type Ballot, formatRemaining, type PublicRound } from '@atelier/shared';
import { useMemo, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { Icon } from '../../../ui/Icon';
import type { BallotEdit } from './ballotSync';
import { DotsBallot } from './DotsBallot';
import { JudgmentBallot } from './JudgmentBallot';
import { modeName, refusalMessage, visibilityName } from './labels';
import { type TargetCard, targetCards } from './model';
import { PointsBallot } from './PointsBallot';
import { RankingBallot } from './RankingBallot';
import { ScoringBallot } from './ScoringBallot';
import { useBallot } from './useBallot';
import { useLiveTargets } from './useLiveTargets';
import { useRoundRemaining } from './useRoundClock';
import { VoteFrame } from './VoteFrame';
import { VoteStatus } from './VoteStatus';

/**
 * The voting view: the round's targets as the round's mode has them voted (dots or points on
 * cards, a grid of scores, a grade per target, a ranking), replacing the step in the main area. Each change goes to the server at once; what is shown is this person's own
 * ballot only (in a secret round nobody else's choices ever reach this page).
 */
export function BallotView({ round }: { round: PublicRound }) {
  const t = useT();
  const role = useBoard((s) => s.me?.role);
  const projector = useBoard((s) => s.projector);
  const { sync, state } = useBallot(round);
  const live = useLiveTargets(round.targetKind);
  const cards = useMemo(() => targetCards(round, live), [round, live]);
  const remaining = useRoundRemaining(round);
  const [notice, setNotice] = useState('');
  const ballot = state.ballot;
  const observer = role === 'observer';
  const timeUp = remaining === 0;
  const canVote = !observer && !projector && round.state === 'open' && !timeUp && ballot !== null;

  const change = (edit: BallotEdit) => {
    if (!sync || !canVote) return;
    const refusal = sync.change(edit);
    setNotice(refusal ? refusalMessage(t, round, refusal) : '');
  };

  return (
    <VoteFrame
      round={round}
      testId="votes.ballot"
      eyebrow={`${modeName(t, round.mode)} · ${visibilityName(t, round.visibility)}`}
      tools={
        remaining !== null && (
          <span className={`vote-clock${timeUp ? ' vote-clock--up' : ''}`} data-testid="votes.clock">
            <Icon name="timer" size={18} />
            <span className="visually-hidden">
              {t('votes.clockLabel', { time: formatRemaining(remaining) })}
            </span>
            <span aria-hidden="true">{formatRemaining(remaining)}</span>
          </span>
        )
      }
      other={
        round.results
          ? { show: 'results', label: t('votes.liveResults'), testId: 'votes.live-results' }
          : null
      }
      backTestId="votes.back"
    >
      <VoteStatus
        round={round}
        ballot={ballot}
        observer={observer}
        timeUp={timeUp}
        loadError={state.loadError !== null && ballot === null}
        onRetry={() => void sync?.load()}
        notice={notice}
        canVote={canVote}
        onDone={(done) => change({ done })}
      />

      <ModeBallot
        round={round}
        cards={cards}
        ballot={ballot}
        canVote={canVote}
        onChange={change}
        onBlocked={setNotice}
      />
    </VoteFrame>
  );
}

interface ModeBallotProps {
  round: PublicRound;
  cards: TargetCard[];
  ballot: Ballot | null;
  canVote: boolean;
  onChange: (edit: BallotEdit) => void;
  /** A blocked button was pressed: say why. */
  onBlocked: (reason: string) => void;
}

/** The ballot of the round's mode. */
function ModeBallot(props: ModeBallotProps) {
  const { round, cards, ballot, canVote, onChange, onBlocked } = props;
  switch (round.mode) {
    case 'dots':
      return <DotsBallot {...props} />;
    case 'scoring':
      return (
        <ScoringBallot round={round} cards={cards} ballot={ballot} canVote={canVote} onChange={onChange} />
      );
    case 'judgment':
      return (
        <JudgmentBallot round={round} cards={cards} ballot={ballot} canVote={canVote} onChange={onChange} />
      );
    case 'points':
      return <PointsBallot {...props} />;
    case 'ranking':
      return (
        <RankingBallot
          cards={cards}
          ballot={ballot}
          canVote={canVote}
          onChange={onChange}
          onBlocked={onBlocked}
        />
      );
  }
}
