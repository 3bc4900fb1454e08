/** At most this many pixels in a picture when drawn sharper than 1:1: a browser canvas, and a slide, hold that well. */
export const MAX_PICTURE_PIXELS = 24_000_000;
/** Canvases fail past 32,767 pixels on a side in Chromium and Firefox. */
export const MAX_CANVAS_SIDE = 32_000;

/**
 * The pixel ratio to draw a `width` × `height` (CSS pixels) picture at: 2, sharp on a
 * projector and when zoomed into, unless that makes too large an image; then as much as fits,
 * but never under 1 (the page is a slide's width) unless a canvas could not hold it.
 */
export function picturePixelRatio(width: number, height: number): number {
  const area = Math.max(1, width) * Math.max(1, height);
  const sharp = Math.min(2, Math.sqrt(MAX_PICTURE_PIXELS / area));
  return Math.min(Math.max(1, sharp), MAX_CANVAS_SIDE / Math.max(1, width, height));
}
