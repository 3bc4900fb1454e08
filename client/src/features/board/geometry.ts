import type { Point } from '@atelier/shared';
import type { Size, Viewport } from '../../state/types';

/** A note's size in board units (notes are fixed-size cards, like paper sticky notes). */
export const NOTE_WIDTH = 200;
export const NOTE_HEIGHT = 160;
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

/** Where a new note goes so that it is centred on `center`, nudged off any note already exactly there. */
export function placeNewNote(center: Point, occupied: readonly Point[]): Point {
  let x = Math.round(center.x - NOTE_WIDTH / 2);
  let y = Math.round(center.y - NOTE_HEIGHT / 2);
  for (let i = 0; i < 20 && occupied.some((p) => Math.abs(p.x - x) < 12 && Math.abs(p.y - y) < 12); i++) {
    x += 24;
    y += 24;
  }
  return { x, y };
}

const GAP = 16;

function overlapsAny(x: number, y: number, occupied: readonly Point[]): boolean {
  return occupied.some(
    (p) =>
      p.x < x + NOTE_WIDTH + GAP &&
      p.x + NOTE_WIDTH + GAP > x &&
      p.y < y + NOTE_HEIGHT + GAP &&
      p.y + NOTE_HEIGHT + GAP > y,
  );
}

/**
 * The free spot nearest to `center` for a new note (rings of candidates around it), so a
 * note added from the toolbar never lands on top of someone else's. Falls back to
 * `placeNewNote` on a crowded board.
 */
export function findFreeSpot(center: Point, occupied: readonly Point[], maxRings = 12): Point {
  const x0 = Math.round(center.x - NOTE_WIDTH / 2);
  const y0 = Math.round(center.y - NOTE_HEIGHT / 2);
  const near = occupied.filter(
    (p) =>
      Math.abs(p.x - x0) < (maxRings + 2) * NOTE_WIDTH && Math.abs(p.y - y0) < (maxRings + 2) * NOTE_HEIGHT,
  );
  if (!overlapsAny(x0, y0, near)) return { x: x0, y: y0 };
  const stepX = NOTE_WIDTH + GAP;
  const stepY = NOTE_HEIGHT + GAP;
  for (let ring = 1; ring <= maxRings; ring++) {
    const candidates: Point[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        candidates.push({ x: x0 + i * stepX, y: y0 + j * stepY });
      }
    }
    candidates.sort((a, b) => Math.hypot(a.x - x0, a.y - y0) - Math.hypot(b.x - x0, b.y - y0));
    const free = candidates.find((c) => !overlapsAny(c.x, c.y, near));
    if (free) return free;
  }
  return placeNewNote(center, occupied);
}
