import type { Note } from '@atelier/shared';
import { useMemo, useRef } from 'react';
import { useBoard } from '../../state/store';
import type { Size, Viewport } from '../../state/types';
import { useView } from '../../state/view';
import { noteIntersects, type Rect, visibleRect } from './geometry';

/** Screen pixels drawn beyond each edge, so panning does not reveal a blank strip. */
const MARGIN = 300;
/** The culling rectangle snaps outwards to this grid (board units) so that panning recomputes rarely. */
const TILE = 1024;

/**
 * The area whose notes are drawn: the visible board plus a margin, snapped outwards to
 * tiles and encoded as a string. Panning changes it only when a tile boundary is crossed,
 * so the note layer re-renders a few times per screen of panning instead of every frame.
 */
export function cullKey(viewport: Viewport, size: Size): string {
  const rect = visibleRect(viewport, size, MARGIN);
  const x0 = Math.floor(rect.x / TILE);
  const y0 = Math.floor(rect.y / TILE);
  const x1 = Math.ceil((rect.x + rect.width) / TILE);
  const y1 = Math.ceil((rect.y + rect.height) / TILE);
  return `${x0},${y0},${x1},${y1}`;
}

export function rectFromCullKey(key: string): Rect {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = key.split(',').map(Number);
  return { x: x0 * TILE, y: y0 * TILE, width: (x1 - x0) * TILE, height: (y1 - y0) * TILE };
}

/**
 * Ids of the notes to draw: those inside `rect` and any note that must stay mounted
 * (being dragged or edited), bottom to top by stacking order.
 */
export function visibleNoteIds(
  notes: Readonly<Record<string, Note>>,
  rect: Rect,
  keep: readonly (string | null)[],
): string[] {
  const out: Note[] = [];
  for (const note of Object.values(notes)) {
    if (noteIntersects(note, rect) || keep.includes(note.id)) out.push(note);
  }
  out.sort((a, b) => a.z - b.z || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return out.map((note) => note.id);
}

export function useVisibleNoteIds(activeId: string | null): string[] {
  const notes = useBoard((s) => s.notes);
  const key = useView((s) => cullKey(s.viewport, s.canvasSize));
  const editingId = useBoard((s) => s.editingId);
  const ids = useMemo(
    () => visibleNoteIds(notes, rectFromCullKey(key), [activeId, editingId]),
    [notes, key, activeId, editingId],
  );
  // Same ids in the same order: keep the previous array so the layer does not re-render its children.
  const cache = useRef(ids);
  const prev = cache.current;
  if (prev.length === ids.length && prev.every((id, i) => id === ids[i])) return prev;
  cache.current = ids;
  return ids;
}
