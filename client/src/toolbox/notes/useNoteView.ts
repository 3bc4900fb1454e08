import type { Theme } from '@atelier/shared';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { listedGroups, listedNames } from '../../state/people';
import { type BoardState, boardStore, canChangeNote, canEdit, NO_THEME } from '../../state/store';
import type { BoardNote } from '../../state/types';

/** What one note card draws from the board store. */
export interface NoteView {
  note: BoardNote | undefined;
  selected: boolean;
  editing: boolean;
  pickerOpen: boolean;
  themes: readonly Theme[];
  isMine: boolean;
  /** The person may move it (the board is writable for them). */
  editable: boolean;
  /** The person may change its text or theme, or delete it (see `canChangeNote`). */
  changeable: boolean;
  /** The author's name from the workshop's participant list, if listed. */
  listedName: string | undefined;
  /** The board's filter leaves this note out: it is drawn dimmed. */
  filteredOut: boolean;
}

/** Whether the person's filter (themes, author groups) leaves a note out. */
export function isFilteredOut(
  s: Pick<BoardState, 'filter' | 'themes' | 'workshop'>,
  note: BoardNote,
): boolean {
  const { themes, groups } = s.filter;
  if (themes.length > 0) {
    const active = note.theme !== null && s.themes.some((theme) => theme.id === note.theme);
    if (!themes.includes(active && note.theme !== null ? note.theme : NO_THEME)) return true;
  }
  if (groups.length > 0) {
    const group = listedGroups(s.workshop)[note.author];
    if (group === undefined || !groups.includes(group)) return true;
  }
  return false;
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
    view.editable === canEdit(s) &&
    view.changeable === (note !== undefined && canChangeNote(s, note)) &&
    view.listedName === (note && listedNames(s.workshop)[note.author]) &&
    view.filteredOut === (note !== undefined && isFilteredOut(s, note))
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
    changeable: note !== undefined && canChangeNote(s, note),
    listedName: note && listedNames(s.workshop)[note.author],
    filteredOut: note !== undefined && isFilteredOut(s, note),
  };
}

type Listener = () => void;

/**
 * Note cards subscribe by note id. A busy room writes the store once a frame with a few of
 * a thousand notes changed; one store subscription finds which cards that concerns and
 * wakes only those, where a subscription per card had every card's selector run on every
 * write.
 */
const listeners = new Map<string, Set<Listener>>();
let unsubscribeStore: (() => void) | null = null;

function wake(id: string | null): void {
  if (id === null) return;
  const set = listeners.get(id);
  if (set) for (const listener of set) listener();
}

function onStoreChange(s: BoardState, prev: BoardState): void {
  // Whatever every card reads: wake them all (each compares and re-renders only if its view changed).
  if (
    s.themes !== prev.themes ||
    s.me !== prev.me ||
    s.workshop !== prev.workshop ||
    s.filter !== prev.filter ||
    s.control.noteEditing !== prev.control.noteEditing ||
    canEdit(s) !== canEdit(prev)
  ) {
    for (const id of listeners.keys()) wake(id);
    return;
  }
  if (s.selectedId !== prev.selectedId) {
    wake(prev.selectedId);
    wake(s.selectedId);
  }
  if (s.editingId !== prev.editingId) {
    wake(prev.editingId);
    wake(s.editingId);
  }
  if (s.pickerId !== prev.pickerId) {
    wake(prev.pickerId);
    wake(s.pickerId);
  }
  if (s.notes !== prev.notes) {
    for (const id of listeners.keys()) if (s.notes[id] !== prev.notes[id]) wake(id);
  }
}

export function subscribeToNote(id: string, listener: Listener): () => void {
  unsubscribeStore ??= boardStore.subscribe(onStoreChange);
  let set = listeners.get(id);
  if (!set) {
    set = new Set();
    listeners.set(id, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(id);
    if (listeners.size === 0) {
      unsubscribeStore?.();
      unsubscribeStore = null;
    }
  };
}

/** One note card's view of the board store, re-read only when that note or what all cards show changed. */
export function useNoteView(id: string): NoteView {
  const last = useRef<NoteView | null>(null);
  const subscribe = useCallback((listener: Listener) => subscribeToNote(id, listener), [id]);
  const snapshot = () => {
    const s = boardStore.getState();
    const prev = last.current;
    if (prev && unchanged(prev, s, id)) return prev;
    last.current = readView(s, id);
    return last.current;
  };
  return useSyncExternalStore(subscribe, snapshot);
}
