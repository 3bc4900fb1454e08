import type { Theme } from '@atelier/shared';
import { useDroppable } from '@dnd-kit/core';
import { type CSSProperties, memo, useCallback } from 'react';
import { useT } from '../../../i18n/locale';
import type { BoardNote } from '../../../state/types';
import { useDragHandle } from '../../../toolbox/canvas/dragHandle';
import { noteColors } from '../../../toolbox/notes/colors';
import { IconButton } from '../../../ui/IconButton';
import { chipId } from './dragTargets';

interface Props {
  note: BoardNote;
  theme: Theme | undefined;
  editable: boolean;
  /** Puts the note back on the board. */
  onBack: (noteId: string) => void;
}

/** A note's start, for labels. */
export function shortText(text: string, max = 50): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * A note sorted into an issue, as a compact readable chip: dragged (mouse, touch, keyboard)
 * to another issue, before another chip, or back to the board; a note dropped on it goes
 * before it. Its small button puts it back on the board.
 */
export const NoteChip = memo(function NoteChip({ note, theme, editable, onBack }: Props) {
  const t = useT();
  const id = chipId(note.id);
  const drag = useDragHandle({ id, disabled: !editable, roleDescription: t('issues.chipRole') });
  const drop = useDroppable({ id, disabled: !editable });
  const { setNodeRef: setDragRef } = drag;
  const { setNodeRef: setDropRef } = drop;
  const ref = useCallback(
    (element: HTMLButtonElement | null) => {
      setDragRef(element);
      setDropRef(element);
    },
    [setDragRef, setDropRef],
  );
  const colors = noteColors(theme);
  const text = note.text.trim();
  return (
    <li
      className={[
        'chip',
        drag.isDragging ? 'chip--dragging' : '',
        drop.isOver && !drag.isDragging ? 'chip--drop-before' : '',
      ].join(' ')}
      style={{ '--chip-accent': colors.accent, '--chip-background': colors.background } as CSSProperties}
      data-testid="issues.chip"
      data-note-id={note.id}
    >
      {editable ? (
        <button
          type="button"
          ref={ref}
          {...drag.handle}
          className="chip__body"
          aria-label={text ? t('issues.chipLabel', { text }) : t('issues.chipEmpty')}
          data-testid="issues.chip-body"
        >
          <span className="chip__text">{text || t('issues.chipEmpty')}</span>
        </button>
      ) : (
        <div className="chip__body">
          <span className="chip__text">{text || t('issues.chipEmpty')}</span>
        </div>
      )}
      {editable && (
        <IconButton
          className="icon-button--small chip__back"
          testId="issues.chip-back"
          label={t('issues.chipBack', { text: shortText(text) })}
          onClick={() => onBack(note.id)}
        >
          <span aria-hidden="true">↩</span>
        </IconButton>
      )}
    </li>
  );
});
