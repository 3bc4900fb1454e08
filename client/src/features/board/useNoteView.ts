import type { Theme } from '@atelier/shared';
import { useRef } from 'react';
import { type BoardState, canEdit, useBoard } from '../../state/store';
import type { BoardNote } from '../../state/types';

/** What one note card draws from the board store. */
export interface NoteView {
  note: BoardNote | undefined;
  selected: boolean;
  editing: boolean;
  pickerOpen: boolean;
  themes: readonly Theme[];
  isMine: boolean;
  editable: boolean;
}

/** Whether `state` would give `view` again: the comparison readView + equality would do, without allocating. */
function unchanged(view: NoteView, s: BoardState, id: string): boolean {
  const note = s.notes[id];
  return (
    view.note === note &&
    view.selected === (s.selectedId === id) &&
    view.editing === (s.editingId === id) &&
    view.pickerOpen === (s.pickerId === id) &&
    view.themes === s.themes &&
    view.isMine === (note !== undefined && s.me?.participantId === note.author) &&
    view.editable === canEdit(s)
  );
}

function readView(s: BoardState, id: string): NoteView {
  const note = s.notes[id];
  return {
    note,
    selected: s.selectedId === id,
    editing: s.editingId === id,
    pickerOpen: s.pickerId === id,
    themes: s.themes,
    isMine: note !== undefined && s.me?.participantId === note.author,
    editable: canEdit(s),
  };
}

/**
 * One subscription per note card, compared field by field. Every store write runs this
 * for every mounted note (a thousand, once a frame in a busy room), so the comparison
 * allocates nothing unless the note's view changed.
 */
export function useNoteView(id: string): NoteView {
  const last = useRef<NoteView | null>(null);
  return useBoard((s) => {
    const prev = last.current;
    if (prev && unchanged(prev, s, id)) return prev;
    last.current = readView(s, id);
    return last.current;
  });
}
