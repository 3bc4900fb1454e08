import { tableArea } from '@atelier/shared';
import { boardStore } from '../../state/store';
import type { Viewport } from '../../state/types';
import { viewStore } from '../../state/view';
import { inIssue } from '../notes/inIssue';
import { measureInsets } from './covers';
import { fitRect, notesBounds } from './geometry';

/**
 * The view that shows every note on the current screen, in the part the toolbar leaves free,
 * or `null` on an empty board. In step 2 the board shows the notes still to sort: those in
 * the issues column are left out. While a table presents in plenary, its frame is the content.
 */
export function contentViewport(maxZoom = 1): Viewport | null {
  const { hiddenIssues, canvasSize } = viewStore.getState();
  const state = boardStore.getState();
  const notes = Object.values(state.notes).filter((note) => !inIssue(note, hiddenIssues));
  const presenting = state.tables.round === null ? state.tables.presenting : null;
  const bounds = (presenting && tableArea(notes, presenting)) || notesBounds(notes);
  return bounds ? fitRect(bounds, canvasSize, 48, maxZoom, measureInsets()) : null;
}

/**
 * Fits the view to every note, or centres the board's origin when it is empty (toolbar,
 * projector view). `maxZoom` above 1 lets a few notes grow to fill the screen.
 */
export function fitToContent(maxZoom = 1): void {
  const { canvasSize, setViewport } = viewStore.getState();
  setViewport(contentViewport(maxZoom) ?? { x: canvasSize.width / 2, y: canvasSize.height / 2, zoom: 1 });
}
