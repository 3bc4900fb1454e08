import { formatPercent } from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';
import { Icon } from '../../../ui/Icon';
import type { BlockingBallotProps } from './ballotProps';
import { pointsBlockReason } from './labels';
import type { TargetCard } from './model';
import { type PointsEntry, pointsEntry, pointsMoves } from './points';
import { StepButton, StepperCard, Steppers } from './StepperCard';

/** One target's card of a points ballot. */
type Props = Omit<BlockingBallotProps, 'cards'> & { card: TargetCard };

/**
 * One target of a points ballot: its share of the budget, "−", the number (typed, sent when the
 * field is left or on Enter) and "+". A number over the budget is refused, said so under the
 * field and not sent: the field keeps what was typed until it is corrected (Escape puts back the
 * points given).
 */
export function PointsCard({ round, card, ballot, canVote, onChange, onBlocked }: Props) {
  const t = useT();
  const budget = round.points?.budget ?? 0;
  const given = ballot?.points[card.id] ?? 0;
  const [typed, setTyped] = useState<string | null>(null);
  const entry = typed !== null && ballot ? pointsEntry(round, ballot, card.id, typed) : null;
  const moves = ballot ? pointsMoves(round, ballot, card.id) : null;
  const errorId = useId();
  const problem = entry?.problem ? entryMessage(t, entry, typed ?? '') : null;

  const set = (value: number) => {
    setTyped(null);
    if (value !== given) onChange({ points: { [card.id]: value } });
  };
  const commit = () => {
    if (entry && entry.problem === undefined) set(entry.value);
  };
  const step = { blockReason: pointsBlockReason, onMove: set, onBlocked };

  return (
    <StepperCard
      card={card}
      count={given}
      countName="points"
      testId="votes.points-card"
      className="points-card"
    >
      <div className="points-card__meter" aria-hidden="true">
        <span style={{ width: `${budget > 0 ? Math.min(100, (given / budget) * 100) : 0}%` }} />
      </div>
      <p className="points-card__share">
        {t('votes.ballot.pointsShare', { share: formatPercent(t.locale, budget > 0 ? given / budget : 0) })}
      </p>
      {moves && (
        <Steppers
          className="points-card__stepper"
          legend={t('votes.ballot.pointsControls', { label: card.label })}
          canVote={canVote}
        >
          <StepButton
            move={moves.remove}
            label={t.plural('votes.ballot.removePoints', given - moves.remove.value || moves.step, {
              label: card.label,
            })}
            testId="votes.points-remove"
            {...step}
          >
            <Icon name="minus" size={18} />
          </StepButton>
          <input
            className="input points-card__input"
            inputMode="numeric"
            autoComplete="off"
            value={typed ?? String(given)}
            aria-label={t('votes.ballot.pointsFor', { label: card.label })}
            data-testid="votes.points-input"
            onChange={(event) => setTyped(event.target.value)}
            onBlur={commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                commit();
              } else if (event.key === 'Escape' && typed !== null) {
                // Only the field's own edit is undone: the view is not left.
                event.stopPropagation();
                setTyped(null);
              }
            }}
            {...fieldErrorProps(errorId, problem)}
          />
          <StepButton
            move={moves.add}
            label={t.plural('votes.ballot.addPoints', moves.add.value - given || moves.step, {
              label: card.label,
            })}
            testId="votes.points-add"
            primary
            {...step}
          >
            <Icon name="plus" size={18} />
          </StepButton>
        </Steppers>
      )}
      <FieldError id={errorId} error={problem} testId="votes.points-error" />
    </StepperCard>
  );
}

/** Why a typed number is refused, with what would fit. */
function entryMessage(t: ReturnType<typeof useT>, entry: PointsEntry, typed: string): string {
  if (entry.problem === 'over_budget')
    return entry.most
      ? t('votes.ballot.pointsTooMany', { typed: typed.trim(), most: entry.most })
      : t('votes.ballot.pointsTooManyNone', { typed: typed.trim() });
  if (entry.problem === 'not_a_number') return t('votes.ballot.pointsNotNumber');
  return entry.problem ? t(`error.${entry.problem}`) : '';
}
