import type { Note } from '@atelier/shared';
import { useMemo, useRef } from 'react';
import type { Size, Viewport } from '../../state/types';
import { noteIntersects, visibleRect } from './geometry';

/** Screen pixels drawn beyond each edge, so panning does not reveal a blank strip. */
const MARGIN = 300;

/**
 * Ids of the notes to draw: those inside the viewport (plus a margin) and any note that
 * must stay mounted (being dragged or edited), bottom to top by stacking order.
 */
export function visibleNoteIds(
  notes: Readonly<Record<string, Note>>,
  viewport: Viewport,
  size: Size,
  keep: readonly (string | null)[],
): string[] {
  const rect = visibleRect(viewport, size, MARGIN);
  const out: Note[] = [];
  for (const note of Object.values(notes)) {
    if (noteIntersects(note, rect) || keep.includes(note.id)) out.push(note);
  }
  out.sort((a, b) => a.z - b.z || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return out.map((note) => note.id);
}

export function useVisibleNoteIds(
  notes: Readonly<Record<string, Note>>,
  viewport: Viewport,
  size: Size,
  activeId: string | null,
  editingId: string | null,
): string[] {
  const ids = useMemo(
    () => visibleNoteIds(notes, viewport, size, [activeId, editingId]),
    [notes, viewport, size, activeId, editingId],
  );
  // Same ids in the same order: keep the previous array so the canvas does not re-render its children.
  return useStableArray(ids);
}

function useStableArray(next: string[]): string[] {
  const cache = useRef(next);
  const prev = cache.current;
  if (prev.length === next.length && prev.every((id, i) => id === next[i])) return prev;
  cache.current = next;
  return next;
}
