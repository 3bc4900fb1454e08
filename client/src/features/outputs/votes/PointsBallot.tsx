import { formatNumber } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import type { BlockingBallotProps } from './ballotProps';
import { PointsCard } from './PointsCard';

/** The points ballot: the budget shared out across the targets, a card each (the points left are in VoteStatus). */
export function PointsBallot({ round, cards, ballot, canVote, onChange, onBlocked }: BlockingBallotProps) {
  const t = useT();
  return (
    <div className="points-ballot">
      <p className="hint">
        {t('votes.ballot.pointsHint', { budget: formatNumber(t.locale, round.points?.budget ?? 0) })}
      </p>
      <ul className="vote-cards" aria-label={t('votes.ballot.targets')}>
        {cards.map((card) => (
          <PointsCard
            key={card.id}
            round={round}
            card={card}
            ballot={ballot}
            canVote={canVote}
            onChange={onChange}
            onBlocked={onBlocked}
          />
        ))}
      </ul>
    </div>
  );
}
