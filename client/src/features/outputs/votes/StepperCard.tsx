import type { ReactNode } from 'react';
import { useT } from '../../../i18n/locale';
import type { Translator } from '../../../i18n/translate';
import type { TargetCard } from './model';

/**
 * A target's card in a ballot voted with steppers (dots, points): its label, a pill when it has
 * left the board, then what the mode shows. Its count colours it (for, against) and stands in
 * `data-dots` or `data-points` for the tests.
 */
export function StepperCard({
  card,
  count,
  countName,
  testId,
  className,
  children,
}: {
  card: TargetCard;
  count: number;
  countName: 'dots' | 'points';
  testId: string;
  /** Beside `vote-card`. */
  className?: string;
  children: ReactNode;
}) {
  const t = useT();
  const classes = ['vote-card', className, count > 0 && 'vote-card--for', count < 0 && 'vote-card--against'];
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-testid={testId}
      data-target-id={card.id}
      data-label={card.label}
      {...{ [`data-${countName}`]: count }}
    >
      <p className="vote-card__label">{card.label}</p>
      {card.deleted && <p className="vote-pill vote-pill--warning">{t('votes.ballot.deleted')}</p>}
      {children}
    </li>
  );
}

/** A card's steppers as one named group for screen readers, all off while the person cannot vote. */
export function Steppers({
  className,
  legend,
  canVote,
  children,
}: {
  className: string;
  legend: string;
  canVote: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset className={className} disabled={!canVote}>
      <legend className="visually-hidden">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** What a stepper would do: the target's count after it, or why the rules refuse it. */
interface StepMove<Block> {
  value: number;
  blocked: Block | null;
}

/**
 * A stepper. One the rules block stays focusable (`aria-disabled`) and says why in its tooltip
 * and description, and when pressed, so a keyboard or screen reader user learns it as a mouse
 * user does.
 */
export function StepButton<Block>({
  move,
  blockReason,
  label,
  testId,
  primary = false,
  onMove,
  onBlocked,
  children,
}: {
  move: StepMove<Block>;
  blockReason: (t: Translator, block: Block) => string;
  label: string;
  testId: string;
  primary?: boolean;
  onMove: (value: number) => void;
  onBlocked: (reason: string) => void;
  children: ReactNode;
}) {
  const t = useT();
  const reason = move.blocked ? blockReason(t, move.blocked) : undefined;
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
