import { useDroppable } from '@dnd-kit/core';
import { useId } from 'react';
import { useT } from '../../../i18n/locale';
import { type AxesBoard, POOL_ZONE } from './axesBoard';
import { IssueCard } from './IssueCard';

/** "Enjeux à rattacher": the ranked issues attached to no axis yet; also a drop zone. */
export function Pool({
  board,
  editable,
  onAttach,
}: {
  board: AxesBoard;
  editable: boolean;
  onAttach: (issueId: string, axisId: string | null) => void;
}) {
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: POOL_ZONE, disabled: !editable });
  const headingId = useId();
  const empty =
    board.issueCount === 0
      ? t('axes.pool.noIssues')
      : board.pool.length === 0
        ? t('axes.pool.allAttached')
        : null;
  return (
    <section
      ref={setNodeRef}
      className={isOver ? 'axes-pool axes-pool--over' : 'axes-pool'}
      aria-labelledby={headingId}
      data-testid="axes.pool"
    >
      <h3 id={headingId} className="axes-pool__title">
        {t('axes.pool.title')}
        <span className="axes-pool__count" data-testid="axes.pool.count">
          {board.pool.length}
        </span>
      </h3>
      {empty ? (
        <p className="axes-pool__empty">{empty}</p>
      ) : (
        <ol className="issue-list">
          {board.pool.map((issue) => (
            <IssueCard
              key={issue.id}
              issue={issue}
              editable={editable}
              axes={board.axes}
              onAttach={onAttach}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
