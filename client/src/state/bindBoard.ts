import { type Note, notesMap, readNote } from '@atelier/shared';
import * as Y from 'yjs';
import type { BoardStore } from './store';

/**
 * Feeds the store's `notes` from a board document. Only notes touched by a transaction are
 * re-read; every other entry keeps its object identity, so a component selecting
 * `notes[id]` re-renders only when its own note changed. Returns the unbind function.
 */
export function bindBoard(store: BoardStore, doc: Y.Doc): () => void {
  const map = notesMap(doc);
  const initial: Record<string, Note> = {};
  for (const [id, value] of map.entries()) {
    const note = value instanceof Y.Map ? readNote(value) : null;
    if (note) initial[id] = note;
  }
  store.setState({ notes: initial });

  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const changed = new Set<string>();
    for (const event of events) {
      if (event.target === map) {
        for (const key of event.keys.keys()) changed.add(key);
      } else {
        const id = event.path[0];
        if (typeof id === 'string') changed.add(id);
      }
    }
    if (changed.size === 0) return;
    const next: Record<string, Note> = { ...store.getState().notes };
    for (const id of changed) {
      const value = map.get(id);
      const note = value instanceof Y.Map ? readNote(value) : null;
      if (note) next[id] = note;
      else delete next[id];
    }
    store.setState({ notes: next });
  };
  map.observeDeep(onChange);
  return () => map.unobserveDeep(onChange);
}

/** Marks the board as loaded (its first sync finished), even when it has no notes. */
export function markBoardLoaded(store: BoardStore): void {
  if (!store.getState().boardLoaded) store.setState({ boardLoaded: true });
}
