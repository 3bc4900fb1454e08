import type { Ballot, PublicRound } from '@atelier/shared';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/locale';
import { Icon } from '../../../ui/Icon';
import type { BallotEdit } from './ballotSync';
import { dotBlockReason } from './labels';
import { type DotMove, dotMoves, type TargetCard } from './model';

interface Props {
  round: PublicRound;
  cards: TargetCard[];
  ballot: Ballot | null;
  canVote: boolean;
  onChange: (edit: BallotEdit) => void;
  /** A blocked button was pressed: say why. */
  onBlocked: (reason: string) => void;
}

/** The dots ballot: one card per target, its dots, and the buttons that add, take back, or place one against. */
export function DotsBallot({ round, cards, ballot, canVote, onChange, onBlocked }: Props) {
  const t = useT();
  const cap = round.dots?.cap ?? 0;
  return (
    <ul className="vote-cards" aria-label={t('votes.ballot.targets')}>
      {cards.map((card) => {
        const n = ballot?.dots[card.id] ?? 0;
        const moves = ballot ? dotMoves(round, ballot, card.id) : null;
        return (
          <li
            key={card.id}
            className={`vote-card${n > 0 ? ' vote-card--for' : ''}${n < 0 ? ' vote-card--against' : ''}`}
            data-testid="votes.card"
            data-target-id={card.id}
            data-label={card.label}
            data-dots={n}
          >
            <p className="vote-card__label">{card.label}</p>
            {card.deleted && <p className="vote-pill vote-pill--warning">{t('votes.ballot.deleted')}</p>}
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
                <fieldset className="vote-card__buttons" disabled={!canVote}>
                  <legend className="visually-hidden">
                    {t('votes.ballot.cardControls', { label: card.label })}
                  </legend>
                  <DotButton
                    move={moves.remove}
                    label={t('votes.ballot.remove', { label: card.label })}
                    testId="votes.remove"
                    onMove={(value) => onChange({ dots: { [card.id]: value } })}
                    onBlocked={onBlocked}
                  >
                    <Icon name="minus" size={18} />
                  </DotButton>
                  <DotButton
                    move={moves.add}
                    label={t('votes.ballot.add', { label: card.label })}
                    testId="votes.add"
                    primary
                    onMove={(value) => onChange({ dots: { [card.id]: value } })}
                    onBlocked={onBlocked}
                  >
                    <Icon name="plus" size={18} />
                  </DotButton>
                  {moves.against && (
                    <DotButton
                      move={moves.against}
                      label={t('votes.ballot.addAgainst', { label: card.label })}
                      testId="votes.against"
                      onMove={(value) => onChange({ dots: { [card.id]: value } })}
                      onBlocked={onBlocked}
                    >
                      {t('votes.ballot.againstButton')}
                    </DotButton>
                  )}
                </fieldset>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A dot button. One the rules block stays focusable (`aria-disabled`) and says why in its
 * tooltip and description, so a keyboard or screen reader user learns it as a mouse user does.
 */
function DotButton({
  move,
  label,
  testId,
  primary = false,
  onMove,
  onBlocked,
  children,
}: {
  move: DotMove;
  label: string;
  testId: string;
  primary?: boolean;
  onMove: (value: number) => void;
  onBlocked: (reason: string) => void;
  children: ReactNode;
}) {
  const t = useT();
  const reason = move.blocked ? dotBlockReason(t, move.blocked) : undefined;
  return (
    <button
      type="button"
      className={`vote-dot-button${primary ? ' vote-dot-button--primary' : ''}`}
      aria-label={reason ? `${label} — ${reason}` : label}
      aria-disabled={reason ? true : undefined}
      title={reason ?? label}
      data-testid={testId}
      onClick={() => {
        if (reason) onBlocked(reason);
        else onMove(move.value);
      }}
    >
      {children}
    </button>
  );
}
