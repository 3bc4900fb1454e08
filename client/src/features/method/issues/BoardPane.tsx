import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { BOARD_TARGET, parseDragId } from './dragTargets';

/** The board pane, a drop target as a whole: a chip dropped on it goes back to the board. */
export function BoardPane({ label, children }: { label: string; children: ReactNode }) {
  const { setNodeRef, isOver, active } = useDroppable({ id: BOARD_TARGET });
  const chipOver = isOver && active !== null && parseDragId(active.id).kind === 'chip';
  return (
    <section
      ref={setNodeRef}
      className={chipOver ? 'issues-step__board issues-step__board--over' : 'issues-step__board'}
      aria-label={label}
      data-testid="issues.board"
    >
      {children}
    </section>
  );
}
