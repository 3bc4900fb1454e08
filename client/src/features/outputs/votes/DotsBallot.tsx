import { useT } from '../../../i18n/locale';
import { Icon } from '../../../ui/Icon';
import type { BlockingBallotProps } from './ballotProps';
import { dotBlockReason } from './labels';
import { dotMoves } from './model';
import { StepButton, StepperCard, Steppers } from './StepperCard';

/** The dots ballot: one card per target, its dots, and the buttons that add, take back, or place one against. */
export function DotsBallot({ round, cards, ballot, canVote, onChange, onBlocked }: BlockingBallotProps) {
  const t = useT();
  const cap = round.dots?.cap ?? 0;
  return (
    <ul className="vote-cards" aria-label={t('votes.ballot.targets')}>
      {cards.map((card) => {
        const n = ballot?.dots[card.id] ?? 0;
        const moves = ballot ? dotMoves(round, ballot, card.id) : null;
        const step = {
          blockReason: dotBlockReason,
          onMove: (value: number) => onChange({ dots: { [card.id]: value } }),
          onBlocked,
        };
        return (
          <StepperCard key={card.id} card={card} count={n} countName="dots" testId="votes.card">
            <div className="vote-card__foot">
              <span className="vote-card__marks" aria-hidden="true">
                {Array.from({ length: cap }, (_, i) => {
                  let cls = 'dot dot--slot';
                  if (i < n) cls = 'dot dot--for';
                  else if (i < -n) cls = 'dot dot--against';
                  // biome-ignore lint/suspicious/noArrayIndexKey: a target's dot slots have no identity.
                  return <span key={i} className={cls} />;
                })}
              </span>
              <span className="vote-card__count" data-testid="votes.card-count">
                {n < 0
                  ? t.plural('votes.ballot.against', -n, { cap })
                  : t.plural('votes.ballot.placed', n, { cap })}
              </span>
              {moves && (
                <Steppers
                  className="vote-card__buttons"
                  legend={t('votes.ballot.cardControls', { label: card.label })}
                  canVote={canVote}
                >
                  <StepButton
                    move={moves.remove}
                    label={t('votes.ballot.remove', { label: card.label })}
                    testId="votes.remove"
                    {...step}
                  >
                    <Icon name="minus" size={18} />
                  </StepButton>
                  <StepButton
                    move={moves.add}
                    label={t('votes.ballot.add', { label: card.label })}
                    testId="votes.add"
                    primary
                    {...step}
                  >
                    <Icon name="plus" size={18} />
                  </StepButton>
                  {moves.against && (
                    <StepButton
                      move={moves.against}
                      label={t('votes.ballot.addAgainst', { label: card.label })}
                      testId="votes.against"
                      {...step}
                    >
                      {t('votes.ballot.againstButton')}
                    </StepButton>
                  )}
                </Steppers>
              )}
            </div>
          </StepperCard>
        );
      })}
    </ul>
  );
}
