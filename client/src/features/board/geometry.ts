import { NOTE_HEIGHT, NOTE_WIDTH, type Point } from '@atelier/shared';

/** Where notes go lives in `shared` (the server places revealed drafts the same way). */
export { findFreeSpot, NOTE_HEIGHT, NOTE_WIDTH, placeNewNote } from '@atelier/shared';

import type { Size, Viewport } from '../../state/types';

export const MIN_ZOOM = 0.1;
/**
 * Below this zoom a note's text is a few pixels high: notes are drawn as plain cards of their
 * theme's colour (the canvas gets `canvas--far` for their look, and a card renders none of
 * its content; its text stays in its accessible name). The selected note is drawn whole.
 */
export const FAR_ZOOM = 0.35;
export const MAX_ZOOM = 3;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function screenToBoard(viewport: Viewport, screen: Point): Point {
  return { x: (screen.x - viewport.x) / viewport.zoom, y: (screen.y - viewport.y) / viewport.zoom };
}

/** Zooms to `zoom` keeping the board point under `anchor` (a screen point) where it is. */
export function zoomAt(viewport: Viewport, anchor: Point, zoom: number): Viewport {
  const next = clampZoom(zoom);
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

/** The viewport that shows `bounds` whole and centred, never zooming in past `maxZoom`. */
export function fitRect(bounds: Rect, size: Size, padding = 48, maxZoom = 1): Viewport {
  const availableW = Math.max(1, size.width - 2 * padding);
  const availableH = Math.max(1, size.height - 2 * padding);
  const zoom = clampZoom(Math.min(maxZoom, availableW / bounds.width, availableH / bounds.height));
  return {
    zoom,
    x: size.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: size.height / 2 - (bounds.y + bounds.height / 2) * zoom,
  };
}
