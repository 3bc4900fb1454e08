import type { Ballot, PublicRound } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { CheckMark } from './CheckMark';
import { scoringProgress } from './model';

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

/** The sticky line over the targets: budget or progress, "J’ai terminé", and why one cannot vote. */
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
      {!observer && ballot && round.mode === 'dots' && round.dots && (
        <div className="vote-budget">
          <span className="vote-budget__dots" aria-hidden="true">
            {Array.from({ length: round.dots.budget }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the budget's dots have no identity.
              <span key={i} className={i < ballot.remaining ? 'dot dot--free' : 'dot dot--used'} />
            ))}
          </span>
          <p
            className="vote-budget__text"
            aria-live="polite"
            data-testid="votes.remaining"
            data-remaining={ballot.remaining}
          >
            {t.plural('votes.ballot.remaining', ballot.remaining, { budget: round.dots.budget })}
          </p>
        </div>
      )}
      {!observer && ballot && round.mode === 'scoring' && <ScoringProgress round={round} ballot={ballot} />}
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

function ScoringProgress({ round, ballot }: { round: PublicRound; ballot: Ballot }) {
  const t = useT();
  const { given, total } = scoringProgress(round, ballot);
  return (
    <div className="vote-budget">
      <progress className="vote-progress" max={total} value={given} aria-hidden="true" />
      <p className="vote-budget__text" aria-live="polite" data-testid="votes.scored" data-given={given}>
        {t('votes.ballot.scored', { given, total })}
      </p>
    </div>
  );
}
