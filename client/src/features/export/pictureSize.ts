import type { Point } from '@atelier/shared';
import { notesBounds, type Rect } from '../board/geometry';

/** Board units of white around the notes in the picture of the board. */
export const PICTURE_MARGIN = 48;
/** The picture is never narrower than a slide's worth of CSS pixels (a 3-note board, a wide title). */
export const PICTURE_MIN_WIDTH = 1280;
/** At most this many pixels in a picture (about 6,000 × 4,000): a browser canvas, and a slide, hold that well. */
export const MAX_PICTURE_PIXELS = 24_000_000;
/** And at most this many on a side (canvases fail past 16,384 in some browsers). */
export const MAX_PICTURE_SIDE = 16_000;

/**
 * The pixel ratio to draw a `width` × `height` (CSS pixels) picture at: 2, sharp on a
 * projector and when zoomed into, unless that makes too large an image; then as much as fits.
 */
export function picturePixelRatio(width: number, height: number): number {
  const area = Math.max(1, width) * Math.max(1, height);
  return Math.min(2, Math.sqrt(MAX_PICTURE_PIXELS / area), MAX_PICTURE_SIDE / Math.max(1, width, height));
}

/** The board area the picture of the notes shows: every note, a margin around them, at least a slide wide. */
export function boardPictureArea(notes: Iterable<Point>): Rect | null {
  const bounds = notesBounds(notes);
  if (!bounds) return null;
  const width = Math.max(bounds.width + 2 * PICTURE_MARGIN, PICTURE_MIN_WIDTH);
  return {
    // A narrow board sits in the middle of the slide-wide picture.
    x: bounds.x + bounds.width / 2 - width / 2,
    y: bounds.y - PICTURE_MARGIN,
    width,
    height: bounds.height + 2 * PICTURE_MARGIN,
  };
}
