import { NOTE_HEIGHT, NOTE_WIDTH, type Point } from '@atelier/shared';

/** Where notes go lives in `shared` (the server places revealed drafts the same way). */
export { findFreeSpot, findFreeSpotIn, NOTE_HEIGHT, NOTE_WIDTH, placeNewNote } from '@atelier/shared';

import type { Size, Viewport } from '../../state/types';

export const MIN_ZOOM = 0.1;
/**
 * Below this zoom a note's text is a few pixels high: notes are drawn as plain cards of their
 * theme's colour (the canvas gets `canvas--far` for their look, and a card renders none of
 * its content; its text stays in its accessible name). The selected note is drawn whole.
 */
export const FAR_ZOOM = 0.35;
export const MAX_ZOOM = 3;
/**
 * How far "fit to content" and following someone's view may zoom out: past MIN_ZOOM (a limit
 * for the wheel and buttons) when a large board must fit a small screen, or columns of notes
 * would stay off-screen.
 */
export const FIT_MIN_ZOOM = 0.01;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Screen pixels covered on each side of the canvas (the toolbar, an overlaid panel). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

export function clampZoom(zoom: number, min = MIN_ZOOM): number {
  return Math.min(MAX_ZOOM, Math.max(min, zoom));
}

export function screenToBoard(viewport: Viewport, screen: Point): Point {
  return { x: (screen.x - viewport.x) / viewport.zoom, y: (screen.y - viewport.y) / viewport.zoom };
}

/** Zooms to `zoom` keeping the board point under `anchor` (a screen point) where it is. */
export function zoomAt(viewport: Viewport, anchor: Point, zoom: number): Viewport {
  // A view fitted below MIN_ZOOM may zoom out no further, and in from where it is.
  const next = clampZoom(zoom, Math.min(MIN_ZOOM, viewport.zoom));
  const board = screenToBoard(viewport, anchor);
  return { x: anchor.x - board.x * next, y: anchor.y - board.y * next, zoom: next };
}

/** Multiplies the zoom by `factor` around `anchor`. */
export function zoomBy(viewport: Viewport, anchor: Point, factor: number): Viewport {
  return zoomAt(viewport, anchor, viewport.zoom * factor);
}

export function panBy(viewport: Viewport, dx: number, dy: number): Viewport {
  return { ...viewport, x: viewport.x + dx, y: viewport.y + dy };
}

/** The part of the board visible on screen, grown by `margin` screen pixels on each side. */
export function visibleRect(viewport: Viewport, size: Size, margin = 0): Rect {
  const topLeft = screenToBoard(viewport, { x: -margin, y: -margin });
  return {
    x: topLeft.x,
    y: topLeft.y,
    width: (size.width + 2 * margin) / viewport.zoom,
    height: (size.height + 2 * margin) / viewport.zoom,
  };
}

export function noteIntersects(note: Point, rect: Rect): boolean {
  return (
    note.x + NOTE_WIDTH >= rect.x &&
    note.x <= rect.x + rect.width &&
    note.y + NOTE_HEIGHT >= rect.y &&
    note.y <= rect.y + rect.height
  );
}

/** Bounding box of notes (their full cards), or `null` for an empty board. */
export function notesBounds(notes: Iterable<Point>): Rect | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const note of notes) {
    minX = Math.min(minX, note.x);
    minY = Math.min(minY, note.y);
    maxX = Math.max(maxX, note.x + NOTE_WIDTH);
    maxY = Math.max(maxY, note.y + NOTE_HEIGHT);
  }
  if (!Number.isFinite(minX)) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * How much of each side of `canvas` the `covers` hide (screen rectangles): each cover is
 * counted on the side where it costs the least of the canvas (a toolbar at the bottom, a
 * banner at the top, a panel at the right).
 */
export function coveredInsets(canvas: Rect, covers: readonly Rect[]): Insets {
  const insets = { ...NO_INSETS };
  for (const cover of covers) {
    const left = Math.max(cover.x, canvas.x);
    const right = Math.min(cover.x + cover.width, canvas.x + canvas.width);
    const top = Math.max(cover.y, canvas.y);
    const bottom = Math.min(cover.y + cover.height, canvas.y + canvas.height);
    if (right <= left || bottom <= top) continue;
    const sides: [keyof Insets, number, number][] = [
      ['top', bottom - canvas.y, canvas.height],
      ['bottom', canvas.y + canvas.height - top, canvas.height],
      ['left', right - canvas.x, canvas.width],
      ['right', canvas.x + canvas.width - left, canvas.width],
    ];
    const [side, amount] = sides.reduce((best, next) =>
      next[1] / next[2] < best[1] / best[2] ? next : best,
    );
    insets[side] = Math.max(insets[side], amount);
  }
  return insets;
}

/** The screen area of a canvas of `size` left uncovered by `insets`. */
function openArea(size: Size, insets: Insets): Rect {
  return {
    x: insets.left,
    y: insets.top,
    width: Math.max(1, size.width - insets.left - insets.right),
    height: Math.max(1, size.height - insets.top - insets.bottom),
  };
}

/** The part of the board a person sees and nothing covers, less `margin` screen pixels on each side. */
export function openBoardRect(viewport: Viewport, size: Size, insets: Insets, margin = 0): Rect {
  const area = openArea(size, insets);
  const topLeft = screenToBoard(viewport, { x: area.x + margin, y: area.y + margin });
  return {
    x: topLeft.x,
    y: topLeft.y,
    width: Math.max(0, area.width - 2 * margin) / viewport.zoom,
    height: Math.max(0, area.height - 2 * margin) / viewport.zoom,
  };
}

/** The same zoom, panned so that `rect` (board units) is in the middle of the uncovered area. */
export function centreOn(viewport: Viewport, size: Size, insets: Insets, rect: Rect): Viewport {
  const area = openArea(size, insets);
  return {
    zoom: viewport.zoom,
    x: area.x + area.width / 2 - (rect.x + rect.width / 2) * viewport.zoom,
    y: area.y + area.height / 2 - (rect.y + rect.height / 2) * viewport.zoom,
  };
}

/**
 * The viewport that shows `bounds` whole and centred in the part of the canvas `insets` leave
 * uncovered, never zooming in past `maxZoom` (and out as far as it takes, see FIT_MIN_ZOOM).
 */
export function fitRect(
  bounds: Rect,
  size: Size,
  padding = 48,
  maxZoom = 1,
  insets: Insets = NO_INSETS,
): Viewport {
  const area = openArea(size, insets);
  const availableW = Math.max(1, area.width - 2 * padding);
  const availableH = Math.max(1, area.height - 2 * padding);
  const zoom = clampZoom(
    Math.min(maxZoom, availableW / Math.max(1, bounds.width), availableH / Math.max(1, bounds.height)),
    FIT_MIN_ZOOM,
  );
  return {
    zoom,
    x: area.x + area.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: area.y + area.height / 2 - (bounds.y + bounds.height / 2) * zoom,
  };
}
