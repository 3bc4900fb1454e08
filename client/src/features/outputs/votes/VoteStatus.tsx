import type { Ballot, PublicRound } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { BallotProgress } from './BallotProgress';
import { CheckMark } from './CheckMark';

interface Props {
  round: PublicRound;
  ballot: Ballot | null;
  observer: boolean;
  timeUp: boolean;
  loadError: boolean;
  onRetry: () => void;
  notice: string;
  canVote: boolean;
  onDone: (done: boolean) => void;
}

/** The sticky line over the targets: budget or progress (BallotProgress), "J’ai terminé", and why one cannot vote. */
export function VoteStatus({
  round,
  ballot,
  observer,
  timeUp,
  loadError,
  onRetry,
  notice,
  canVote,
  onDone,
}: Props) {
  const t = useT();
  let why: string | null = null;
  if (observer) why = t('votes.ballot.observer');
  else if (round.state === 'closed') why = t('votes.ballot.closed');
  else if (round.state === 'revealed') why = t('votes.ballot.revealed');
  else if (timeUp) why = t('error.time_up');

  return (
    <div className="vote-status" data-testid="votes.status">
      {!observer && ballot && <BallotProgress round={round} ballot={ballot} />}
      {loadError && (
        <p className="vote-status__why" role="alert">
          {t('votes.ballot.loadError')}{' '}
          <button type="button" className="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {why && (
        <p className="vote-status__why" data-testid="votes.why">
          {why}
        </p>
      )}
      <p className="vote-status__notice" aria-live="assertive" data-testid="votes.notice">
        {notice}
      </p>
      {!observer && ballot && (
        <button
          type="button"
          className={ballot.done ? 'button vote-done vote-done--on' : 'button button--primary vote-done'}
          aria-pressed={ballot.done}
          disabled={!canVote}
          data-testid="votes.done"
          onClick={() => onDone(!ballot.done)}
        >
          {ballot.done && <CheckMark />}
          {t(ballot.done ? 'votes.ballot.doneOn' : 'votes.ballot.done')}
        </button>
      )}
    </div>
  );
}
