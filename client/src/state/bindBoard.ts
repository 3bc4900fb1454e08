import { type Note, observeNotes, readNoteById, readNotes } from '@atelier/shared';
import type * as Y from 'yjs';
import { type FrameScheduler, remoteFrames } from './remoteFrames';
import { Stacking } from './stacking';
import type { BoardStore } from './store';
import type { BoardNote } from './types';

export interface BoardBinding {
  /** Writes pending changes now (before deciding the board is loaded, for instance). */
  flush(): void;
  unbind(): void;
}

/**
 * Feeds the store's `notes` from a board document. Only notes touched by a transaction are
 * re-read; every other entry keeps its object identity, so a component selecting
 * `notes[id]` re-renders only when its own note changed. Other people's changes (in a busy
 * room, hundreds of transactions a second) are folded into one store write per remote
 * frame (see remoteFrames.ts); the person's own edits are written at once, so typing and
 * dragging never wait. Without `requestAnimationFrame` (Node tests) every change is written
 * at once.
 *
 * With `draft`, the document is the person's private drafts (silent ideation): its notes are
 * marked `draft` and live in the same `notes` beside the board's, each binding replacing only
 * its own kind.
 */
export function bindBoard(
  store: BoardStore,
  doc: Y.Doc,
  schedule: FrameScheduler | null = remoteFrames,
  { draft = false }: { draft?: boolean } = {},
): BoardBinding {
  const ours = (note: BoardNote) => (note.draft === true) === draft;
  const view = (note: Note): BoardNote => ({
    ...note,
    layer: stacking.layer(note.id),
    ...(draft ? { draft: true as const } : {}),
  });
  const read = (id: string): Note | null => readNoteById(doc, id);
  const stacking = new Stacking();
  const initial: Note[] = readNotes(doc);
  stacking.renumber(initial);
  const others = Object.entries(store.getState().notes).filter(([, note]) => !ours(note));
  store.setState({ notes: Object.fromEntries([...others, ...initial.map((note) => [note.id, view(note)])]) });

  const pending = new Set<string>();
  let cancel: (() => void) | null = null;
  const flush = () => {
    cancel?.();
    cancel = null;
    if (pending.size === 0) return;
    const changed: Note[] = [];
    const removed: string[] = [];
    for (const id of pending) {
      const note = read(id);
      if (note) changed.push(note);
      else removed.push(id);
    }
    pending.clear();
    const restacked = stacking.update(changed, removed);
    const next: Record<string, BoardNote> = { ...store.getState().notes };
    for (const id of removed) if (next[id] && ours(next[id])) delete next[id];
    for (const note of changed) next[note.id] = view(note);
    if (restacked === 'all') {
      for (const [id, note] of Object.entries(next)) {
        if (!ours(note)) continue;
        const layer = stacking.layer(id);
        if (note.layer !== layer) next[id] = { ...note, layer };
      }
    }
    store.setState({ notes: next });
  };

  const onChange = (ids: ReadonlySet<string>, transaction: Y.Transaction) => {
    for (const id of ids) pending.add(id);
    if (pending.size === 0) return;
    if (transaction.local || !schedule) flush();
    else cancel ??= schedule(flush);
  };
  const unobserve = observeNotes(doc, onChange);
  return {
    flush,
    unbind: () => {
      cancel?.();
      unobserve();
      // Drafts go with their document (the board's notes are replaced by the next binding).
      if (draft) {
        const kept = Object.entries(store.getState().notes).filter(([, note]) => !ours(note));
        store.setState({ notes: Object.fromEntries(kept) });
      }
    },
  };
}

/** Marks the board as loaded (its first sync finished), even when it has no notes. */
export function markBoardLoaded(store: BoardStore): void {
  if (!store.getState().boardLoaded) store.setState({ boardLoaded: true });
}
