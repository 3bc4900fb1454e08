import { formatNumber, formatRemaining } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard } from '../../../state/store';
import { Icon } from '../../../ui/Icon';
import { openRound, votesInRound } from './model';
import { useBallot } from './useBallot';
import { useRoundRemaining } from './useRoundClock';
import { useRounds } from './useRounds';
import { type VotesApi, VotesApiProvider } from './votesApi';

/** While a round is open, everyone sees it over the board, with the way to the vote. */
export function VoteBanner({ workshopId, token }: VotesApi) {
  return (
    <VotesApiProvider workshopId={workshopId} token={token}>
      <Banner />
    </VotesApiProvider>
  );
}

function Banner() {
  const t = useT();
  const rounds = useRounds();
  const round = openRound(rounds);
  const view = useBoard((s) => s.votesView);
  const role = useBoard((s) => s.me?.role);
  const observer = role === 'observer';
  const shown = round !== null && view?.roundId === round.id;
  const { state } = useBallot(shown ? null : round);
  const remaining = useRoundRemaining(shown ? null : round);
  if (!round || shown) return null;
  // A facilitator who has not placed anything is not voting: no "dots (or points) left" for them.
  const ballot = votesInRound(role, state.ballot) ? state.ballot : null;
  return (
    <div className="vote-banner" data-testid="votes.banner" role="status">
      <span className="vote-banner__title">{t('votes.banner.running', { title: round.title })}</span>
      {ballot && round.mode === 'dots' && round.dots && (
        <span className="vote-banner__budget" data-testid="votes.banner-remaining">
          {t.plural('votes.banner.remaining', ballot.remaining, { budget: round.dots.budget })}
        </span>
      )}
      {ballot && round.mode === 'points' && round.points && (
        <span className="vote-banner__budget" data-testid="votes.banner-remaining">
          {t.plural('votes.banner.pointsLeft', ballot.remaining, {
            n: formatNumber(t.locale, ballot.remaining),
            budget: formatNumber(t.locale, round.points.budget),
          })}
        </span>
      )}
      {ballot?.done && <span className="vote-banner__budget">{t('votes.banner.done')}</span>}
      {remaining !== null && (
        <span className="vote-banner__clock">
          <Icon name="timer" size={16} />
          {formatRemaining(remaining)}
        </span>
      )}
      <button
        type="button"
        className="button button--primary"
        data-testid="votes.banner-go"
        onClick={() => boardStore.getState().showVotes({ roundId: round.id, show: 'ballot' })}
      >
        {t(observer ? 'votes.seeVote' : 'votes.goVote')}
      </button>
    </div>
  );
}
