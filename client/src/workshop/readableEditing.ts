import { useEffect } from 'react';
import { boardStore } from '../state/store';
import { viewStore } from '../state/view';
import { fitRect, NOTE_HEIGHT, NOTE_WIDTH } from '../toolbox/canvas/geometry';

/** Phones and tablets: where a note being written must be shown at a readable size. */
const TOUCH_OR_NARROW = '(pointer: coarse), (max-width: 640px)';
/** Below this zoom a note's text is too small to read while typing it. */
export const READABLE_ZOOM = 0.75;

/**
 * On a phone the board usually shows the whole room's notes at 10–30 %: a note opened for
 * writing (a new one, or a double tap) is brought to the middle of the screen at full size.
 * Laptops keep their view: people there zoom and pan as they like.
 */
export function useReadableEditing(): void {
  useEffect(() => {
    // A new note may be edited before the derived view holds it: wait for it.
    let pending: string | null = null;
    return boardStore.subscribe((state, prev) => {
      if (state.editingId !== prev.editingId) pending = state.editingId;
      const note = pending === null ? undefined : state.notes[pending];
      if (!note) return;
      pending = null;
      if (!window.matchMedia(TOUCH_OR_NARROW).matches) return;
      const { viewport, canvasSize, setViewport } = viewStore.getState();
      if (viewport.zoom >= READABLE_ZOOM || canvasSize.width === 0) return;
      setViewport(fitRect({ x: note.x, y: note.y, width: NOTE_WIDTH, height: NOTE_HEIGHT }, canvasSize, 16));
    });
  }, []);
}
