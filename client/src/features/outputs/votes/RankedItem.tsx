import { useSortable } from '@dnd-kit/sortable';
import { useT } from '../../../i18n/locale';
import { dragHandleProps } from '../../../toolbox/canvas/dragHandle';
import { Icon } from '../../../ui/Icon';
import type { TargetCard } from './model';

/** A control of a ranked target, named so that focus can come back to it after a move. */
export type RankedControl = 'handle' | 'up' | 'down' | 'out';

interface Props {
  card: TargetCard;
  /** 1 for the favourite. */
  position: number;
  count: number;
  canVote: boolean;
  onMove: (delta: number, control: RankedControl) => void;
  onRemove: () => void;
  /** A blocked button was pressed: say why. */
  onBlocked: (reason: string) => void;
}

/**
 * A ranked target: its place, a handle to drag it (mouse, long press, or Space then the arrows),
 * "move up", "move down" and "take out". The ends' buttons stay focusable and say why they do
 * nothing, so that focus does not jump away when a target reaches the top.
 */
export function RankedItem({ card, position, count, canVote, onMove, onRemove, onBlocked }: Props) {
  const t = useT();
  const sortable = useSortable({
    id: card.id,
    disabled: !canVote,
    attributes: { roleDescription: t('votes.ballot.sortableRole') },
  });
  const { setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = sortable;
  const first = position === 1;
  const last = position === count;
  const step = (delta: number, control: RankedControl, blocked: boolean, reason: string) => {
    if (blocked) onBlocked(reason);
    else onMove(delta, control);
  };
  return (
    <li
      ref={setNodeRef}
      className={`rank-item${isDragging ? ' rank-item--dragging' : ''}`}
      style={{
        transform: transform
          ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)`
          : undefined,
        transition,
      }}
      data-testid="votes.ranked"
      data-target-id={card.id}
      data-label={card.label}
      data-position={position}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="rank-item__handle"
        disabled={!canVote}
        data-focus={`handle:${card.id}`}
        data-testid="votes.rank-handle"
        {...dragHandleProps(sortable)}
        aria-label={t('votes.ballot.dragRanked', { label: card.label, position })}
        title={t('votes.ballot.rankingKeys')}
      >
        <Icon name="grip" size={18} />
        <span className="rank-item__position" aria-hidden="true">
          {position}
        </span>
      </button>
      <span className="rank-item__label">
        {card.label}
        {card.deleted && <span className="vote-pill vote-pill--warning">{t('votes.ballot.deleted')}</span>}
      </span>
      <span className="rank-item__buttons">
        <button
          type="button"
          className="vote-dot-button rank-item__button"
          disabled={!canVote}
          aria-disabled={first || undefined}
          aria-label={t('votes.ballot.moveUp', { label: card.label })}
          title={t(first ? 'votes.ballot.atTop' : 'votes.ballot.moveUp', { label: card.label })}
          data-focus={`up:${card.id}`}
          data-testid="votes.rank-up"
          onClick={() => step(-1, 'up', first, t('votes.ballot.atTop'))}
        >
          <Chevron up />
        </button>
        <button
          type="button"
          className="vote-dot-button rank-item__button"
          disabled={!canVote}
          aria-disabled={last || undefined}
          aria-label={t('votes.ballot.moveDown', { label: card.label })}
          title={t(last ? 'votes.ballot.atBottom' : 'votes.ballot.moveDown', { label: card.label })}
          data-focus={`down:${card.id}`}
          data-testid="votes.rank-down"
          onClick={() => step(1, 'down', last, t('votes.ballot.atBottom'))}
        >
          <Chevron up={false} />
        </button>
        <button
          type="button"
          className="vote-dot-button rank-item__button"
          disabled={!canVote}
          aria-label={t('votes.ballot.unrank', { label: card.label })}
          title={t('votes.ballot.unrank', { label: card.label })}
          data-testid="votes.rank-out"
          onClick={onRemove}
        >
          <Icon name="close" size={18} />
        </button>
      </span>
    </li>
  );
}

/** An arrow head, up or down (the icon set has none). */
function Chevron({ up }: { up: boolean }) {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={up ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6'} />
    </svg>
  );
}
