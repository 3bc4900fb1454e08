import type { Page } from '@playwright/test';
import type { ProbeMarks } from './page-probe';

const LOAD_TIMEOUT_MS = 60_000;

/**
 * Resolves at the first frame where the board is drawn and stable: the board's sync step 2
 * was applied, notes are in the DOM, and no note was added or removed since the previous
 * frame (the first view fits all notes once they load, which re-renders the layer). Polled
 * in the page on every animation frame, so it adds at most one frame to the measurement.
 * Resolves false after `timeoutMs` (a page too busy to ever settle).
 */
export async function waitForSettledBoard(page: Page, timeoutMs = LOAD_TIMEOUT_MS): Promise<boolean> {
  try {
    await page.waitForFunction(
      `(() => {
        const probe = window.__bench;
        if (!probe || probe.marks.sync2AppliedAt === null || probe.noteCount === 0) return false;
        const last = probe.marks.lastNoteMutationAt;
        const quiet = window.__benchLastSeenMutation === last;
        window.__benchLastSeenMutation = last;
        return quiet;
      })()`,
      undefined,
      { polling: 'raf', timeout: timeoutMs },
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return false;
    throw error;
  }
}

export function readMarks(page: Page): Promise<ProbeMarks> {
  return page.evaluate('({ ...window.__bench.marks })') as Promise<ProbeMarks>;
}

export interface ScreenPoint {
  x: number;
  y: number;
  id: string;
}

/**
 * The centre of the drawn note nearest to the middle of the board canvas, among `ids` when
 * given (notes nobody else moves), in page pixels.
 */
export async function noteNearCentre(page: Page, ids?: readonly string[]): Promise<ScreenPoint> {
  const found = (await page.evaluate(
    `((ids) => {
      const canvas = document.querySelector('[data-testid="board.canvas"]');
      if (!canvas) return null;
      const frame = canvas.getBoundingClientRect();
      const cx = frame.x + frame.width / 2;
      const cy = frame.y + frame.height / 2;
      let best = null;
      for (const el of document.querySelectorAll('[data-testid="note"]')) {
        const id = el.getAttribute('data-note-id');
        if (ids && !ids.includes(id)) continue;
        const r = el.getBoundingClientRect();
        const x = r.x + r.width / 2;
        const y = r.y + Math.min(r.height / 2, 12);
        if (x < frame.x || y < frame.y || x > frame.right || y > frame.bottom) continue;
        const d = Math.hypot(x - cx, y - cy);
        if (!best || d < best.d) best = { x, y, d, id };
      }
      return best;
    })(${JSON.stringify(ids ?? null)})`,
  )) as (ScreenPoint & { d: number }) | null;
  if (!found) throw new Error('no note is drawn on the canvas');
  return { x: found.x, y: found.y, id: found.id };
}
