import { type Note, notesMap, readNote } from '@atelier/shared';
import * as Y from 'yjs';
import type { BoardStore } from './store';

export interface BoardBinding {
  /** Writes pending changes now (before deciding the board is loaded, for instance). */
  flush(): void;
  unbind(): void;
}

/** Runs `flush` before the next paint; returns a cancel function. */
export type FrameScheduler = (flush: () => void) => () => void;

const nextFrame: FrameScheduler = (flush) => {
  const id = requestAnimationFrame(flush);
  return () => cancelAnimationFrame(id);
};

/**
 * Feeds the store's `notes` from a board document. Only notes touched by a transaction are
 * re-read; every other entry keeps its object identity, so a component selecting
 * `notes[id]` re-renders only when its own note changed. Other people's changes (in a busy
 * room, hundreds of transactions a second) are folded into one store write per frame; the
 * person's own edits are written at once, so typing and dragging never wait. Without
 * `requestAnimationFrame` (Node tests) every change is written at once.
 */
export function bindBoard(
  store: BoardStore,
  doc: Y.Doc,
  schedule: FrameScheduler | null = typeof requestAnimationFrame === 'function' ? nextFrame : null,
): BoardBinding {
  const map = notesMap(doc);
  const initial: Record<string, Note> = {};
  for (const [id, value] of map.entries()) {
    const note = value instanceof Y.Map ? readNote(value) : null;
    if (note) initial[id] = note;
  }
  store.setState({ notes: initial });

  const pending = new Set<string>();
  let cancel: (() => void) | null = null;
  const flush = () => {
    cancel?.();
    cancel = null;
    if (pending.size === 0) return;
    const next: Record<string, Note> = { ...store.getState().notes };
    for (const id of pending) {
      const value = map.get(id);
      const note = value instanceof Y.Map ? readNote(value) : null;
      if (note) next[id] = note;
      else delete next[id];
    }
    pending.clear();
    store.setState({ notes: next });
  };

  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    for (const event of events) {
      if (event.target === map) {
        for (const key of event.keys.keys()) pending.add(key);
      } else {
        const id = event.path[0];
        if (typeof id === 'string') pending.add(id);
      }
    }
    if (pending.size === 0) return;
    if (transaction.local || !schedule) flush();
    else cancel ??= schedule(flush);
  };
  map.observeDeep(onChange);
  return {
    flush,
    unbind: () => {
      cancel?.();
      map.unobserveDeep(onChange);
    },
  };
}

/** Marks the board as loaded (its first sync finished), even when it has no notes. */
export function markBoardLoaded(store: BoardStore): void {
  if (!store.getState().boardLoaded) store.setState({ boardLoaded: true });
}
