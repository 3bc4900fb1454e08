import { boardStore, shownStep } from '../../state/store';
import type { Viewport } from '../../state/types';
import { viewStore } from '../../state/view';
import { fitRect, notesBounds } from './geometry';

/**
 * The view that shows every note on the current screen, or `null` on an empty board. In
 * step 2 the board shows the notes still to sort: those already in an issue are left out.
 */
export function contentViewport(): Viewport | null {
  const state = boardStore.getState();
  let notes = Object.values(state.notes);
  if (shownStep(state) === 'issues') notes = notes.filter((note) => note.cluster === null);
  const bounds = notesBounds(notes);
  return bounds ? fitRect(bounds, viewStore.getState().canvasSize) : null;
}

/** Fits the view to every note, or centres the board's origin when it is empty (toolbar, projector view). */
export function fitToContent(): void {
  const { canvasSize, setViewport } = viewStore.getState();
  setViewport(contentViewport() ?? { x: canvasSize.width / 2, y: canvasSize.height / 2, zoom: 1 });
}
