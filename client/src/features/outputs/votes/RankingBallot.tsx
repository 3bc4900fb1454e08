import { closestCenter, DndContext, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useT } from '../../../i18n/locale';
import type { BlockingBallotProps } from './ballotProps';
import { type RankedControl, RankedItem } from './RankedItem';
import { rankingAccessibility, useRankingSensors, verticalOnly } from './rankingDnd';
import { addRanked, dropRanked, moveRanked, rankAll, removeRanked, unrankedTargets } from './rankingOrder';

type Props = Omit<BlockingBallotProps, 'round'>;

/**
 * The ranking ballot: "my ranking", ordered by dragging (mouse, long press, or the keyboard) or
 * with each target's up and down buttons, and the targets not ranked yet, each with "add". Every
 * change sends the whole order. Focus follows the target moved, so the keyboard can go on.
 */
export function RankingBallot({ cards, ballot, canVote, onChange, onBlocked }: Props) {
  const t = useT();
  const id = useId();
  const order = useMemo(() => ballot?.ranking ?? [], [ballot]);
  const byId = useMemo(() => new Map(cards.map((c) => [c.id, c])), [cards]);
  const ranked = order.flatMap((targetId) => byId.get(targetId) ?? []);
  const unranked = unrankedTargets(cards, order);
  const sensors = useRankingSensors();
  const latest = useRef({ order, byId });
  latest.current = { order, byId };
  const accessibility = useMemo(
    () =>
      rankingAccessibility(t, () => ({
        order: latest.current.order,
        label: (targetId) => latest.current.byId.get(targetId)?.label ?? '',
      })),
    [t],
  );

  // Where focus goes once the order shown has changed (the control pressed may have moved or gone).
  const rootRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the order shown changes.
  useLayoutEffect(() => {
    const key = focusNext.current;
    focusNext.current = null;
    if (key) rootRef.current?.querySelector<HTMLElement>(`[data-focus="${key}"]`)?.focus();
  }, [order]);

  const send = (next: string[], focus: string | null) => {
    focusNext.current = focus;
    onChange({ ranking: next });
  };
  const move = (targetId: string, delta: number, control: RankedControl) => {
    const next = moveRanked(order, targetId, delta);
    if (next) send(next, `${control}:${targetId}`);
  };
  const add = (targetId: string) => {
    // The next target of the pool takes the place of the one added; the last one added, its handle.
    const index = unranked.findIndex((c) => c.id === targetId);
    const after = unranked[index + 1] ?? unranked[index - 1];
    send(addRanked(order, targetId), after ? `add:${after.id}` : `handle:${targetId}`);
  };
  const remove = (targetId: string) => {
    const index = order.indexOf(targetId);
    const next = removeRanked(order, targetId);
    const neighbour = next[index] ?? next[index - 1];
    send(next, neighbour ? `handle:${neighbour}` : `add:${targetId}`);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const next = dropRanked(order, String(active.id), over ? String(over.id) : null);
    // dnd-kit gives focus back to the handle dragged.
    if (next) send(next, null);
  };

  return (
    <div className="rank-ballot" ref={rootRef}>
      <section className="rank-ballot__mine" aria-labelledby={`${id}-mine`}>
        <h3 id={`${id}-mine`}>{t('votes.ballot.myRanking')}</h3>
        {ranked.length === 0 ? (
          <p className="rank-ballot__empty">{t('votes.ballot.rankingEmpty')}</p>
        ) : (
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            modifiers={[verticalOnly]}
            accessibility={accessibility}
            onDragEnd={onDragEnd}
          >
            <SortableContext items={order} strategy={verticalListSortingStrategy}>
              <ol className="rank-list" aria-labelledby={`${id}-mine`} data-testid="votes.ranked-list">
                {ranked.map((card, index) => (
                  <RankedItem
                    key={card.id}
                    card={card}
                    position={index + 1}
                    count={ranked.length}
                    canVote={canVote}
                    onMove={(delta, control) => move(card.id, delta, control)}
                    onRemove={() => remove(card.id)}
                    onBlocked={onBlocked}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        )}
        {ranked.length > 1 && <p className="hint rank-ballot__keys">{t('votes.ballot.rankingKeys')}</p>}
      </section>

      <section className="rank-ballot__pool" aria-labelledby={`${id}-pool`}>
        <h3 id={`${id}-pool`}>{t('votes.ballot.unranked', { n: unranked.length })}</h3>
        {unranked.length === 0 ? (
          <p className="hint">{t('votes.ballot.allRanked')}</p>
        ) : (
          <>
            <p className="hint">{t('votes.ballot.unrankedHint')}</p>
            <ul className="rank-pool" data-testid="votes.unranked-list">
              {unranked.map((card) => (
                <li
                  key={card.id}
                  className="rank-pool__item"
                  data-testid="votes.unranked"
                  data-label={card.label}
                >
                  <span className="rank-item__label">
                    {card.label}
                    {card.deleted && (
                      <span className="vote-pill vote-pill--warning">{t('votes.ballot.deleted')}</span>
                    )}
                  </span>
                  <button
                    type="button"
                    className="button rank-pool__add"
                    disabled={!canVote}
                    aria-label={t('votes.ballot.addToRankingLabel', { label: card.label })}
                    data-focus={`add:${card.id}`}
                    data-testid="votes.rank-add"
                    onClick={() => add(card.id)}
                  >
                    {t('votes.ballot.addToRanking')}
                  </button>
                </li>
              ))}
            </ul>
            {unranked.length > 1 && (
              <button
                type="button"
                className="button rank-pool__all"
                disabled={!canVote}
                data-testid="votes.rank-add-all"
                onClick={() => {
                  const next = rankAll(order, cards);
                  send(next, `handle:${next[0]}`);
                }}
              >
                {t('votes.ballot.addAllToRanking')}
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
