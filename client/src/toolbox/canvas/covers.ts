import { coveredInsets, type Insets, NO_INSETS, type Rect } from './geometry';

/**
 * What may float over the board: its toolbar, and a side panel laid over it on a narrow
 * screen. (Banners sit above the board, in the page's flow, so they cover nothing.)
 */
const COVERS = '.toolbar, .share-panel';

function rectOf(element: Element): Rect {
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
}

/**
 * The screen pixels of the board canvas that something covers on each side, measured now:
 * where a new note may go and what "fit to content" fits into is the rest.
 */
export function measureInsets(): Insets {
  if (typeof document === 'undefined') return NO_INSETS;
  const canvas = document.querySelector('[data-testid="board.canvas"]');
  if (!canvas) return NO_INSETS;
  const covers = [...document.querySelectorAll(COVERS)]
    .map(rectOf)
    .filter((r) => r.width > 0 && r.height > 0);
  return coveredInsets(rectOf(canvas), covers);
}

/** The board canvas's uncovered part on screen (client coordinates), or the window without a canvas. */
export function openScreenRect(): Rect {
  const canvas =
    typeof document === 'undefined' ? null : document.querySelector('[data-testid="board.canvas"]');
  if (!canvas) return { x: 0, y: 0, width: window.innerWidth, height: window.innerHeight };
  const rect = rectOf(canvas);
  const insets = measureInsets();
  return {
    x: rect.x + insets.left,
    y: rect.y + insets.top,
    width: Math.max(0, rect.width - insets.left - insets.right),
    height: Math.max(0, rect.height - insets.top - insets.bottom),
  };
}
