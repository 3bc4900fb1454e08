import type { Rect } from './geometry';

export interface PopoverPlace {
  /** Opens above its anchor (no room below). */
  above: boolean;
  /** Lines up with its anchor's right edge (no room on the right). */
  alignEnd: boolean;
  /** Screen pixels it may take in height when neither side has room for all of it. */
  maxHeight: number | null;
}

/**
 * Where a menu of `size` opens by `anchor` (screen rectangles) so that it stays inside
 * `bounds`: below, or above when only that side has room; lined up left, or right when
 * only that fits; on the roomier side, scrolling, when it fits on neither.
 */
export function placePopover(
  anchor: Rect,
  size: { width: number; height: number },
  bounds: Rect,
  gap = 8,
): PopoverPlace {
  const below = bounds.y + bounds.height - (anchor.y + anchor.height + gap);
  const aboveRoom = anchor.y - gap - bounds.y;
  const fitsRight = anchor.x + size.width <= bounds.x + bounds.width;
  const fitsLeft = anchor.x + anchor.width - size.width >= bounds.x;
  const alignEnd = !fitsRight && fitsLeft;
  if (size.height <= below) return { above: false, alignEnd, maxHeight: null };
  if (size.height <= aboveRoom) return { above: true, alignEnd, maxHeight: null };
  const above = aboveRoom > below;
  return { above, alignEnd, maxHeight: Math.max(120, above ? aboveRoom : below) };
}
