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
