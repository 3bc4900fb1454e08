import { boardStore } from '../../state/store';
import type { Viewport } from '../../state/types';
import { viewStore } from '../../state/view';
import { fitRect, notesBounds } from './geometry';

/** The view that shows every note on the current screen, or `null` on an empty board. */
export function contentViewport(): Viewport | null {
  const bounds = notesBounds(Object.values(boardStore.getState().notes));
  return bounds ? fitRect(bounds, viewStore.getState().canvasSize) : null;
}

/** Fits the view to every note, or centres the board's origin when it is empty (toolbar, projector view). */
export function fitToContent(): void {
  const { canvasSize, setViewport } = viewStore.getState();
  setViewport(contentViewport() ?? { x: canvasSize.width / 2, y: canvasSize.height / 2, zoom: 1 });
}
