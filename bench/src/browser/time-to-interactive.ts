import type { Browser } from '@playwright/test';
import { noteNearCentre, readMarks, waitForSettledBoard } from './board-ready';
import { openTab } from './chromium';

/** Milestones of opening a board in a fresh profile, ms since navigation start (the page's clock). */
export interface InteractiveTimes {
  /** The app's HTML, scripts and styles are parsed (DOMContentLoaded). */
  domContentLoadedMs: number;
  boardSocketOpenMs: number;
  /** The board's sync step 2 arrived. */
  syncReceivedMs: number;
  /** The app applied it: the Y.Doc and the store hold every note. */
  syncAppliedMs: number;
  syncBytes: number;
  /** The frame showing the first notes was rendered. */
  firstNotesPaintMs: number;
  /** Notes drawn and no note added or removed over one frame (the first view has settled). */
  settledMs: number;
  notesDrawn: number;
  /** The harness's click on a note reached the page (pointerdown). */
  clickReceivedMs: number;
  /** That note shows as selected: the board responds to input. */
  interactiveMs: number;
}

/**
 * Opens `url` (a board link with a token in its fragment) in a fresh profile, waits for the
 * board to settle, clicks the note nearest the centre at once and waits for its selection.
 */
export async function measureTimeToInteractive(browser: Browser, url: string): Promise<InteractiveTimes> {
  const tab = await openTab(browser);
  const { page } = tab;
  try {
    await page.goto(url, { waitUntil: 'commit' });
    if (!(await waitForSettledBoard(page))) throw new Error(`the board at ${url} did not settle`);
    const target = await noteNearCentre(page);
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction('window.__bench.marks.selectedAt !== null', undefined, {
      polling: 'raf',
      timeout: 30_000,
    });
    const marks = await readMarks(page);
    const { domContentLoaded, notesDrawn } = (await page.evaluate(`({
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN,
      notesDrawn: window.__bench.noteCount,
    })`)) as { domContentLoaded: number; notesDrawn: number };
    const ms = (value: number | null) => value ?? Number.NaN;
    return {
      domContentLoadedMs: domContentLoaded,
      boardSocketOpenMs: ms(marks.boardSocketOpenAt),
      syncReceivedMs: ms(marks.sync2ReceivedAt),
      syncAppliedMs: ms(marks.sync2AppliedAt),
      syncBytes: marks.sync2Bytes,
      firstNotesPaintMs: ms(marks.firstNotePaintedAt),
      settledMs: ms(marks.lastNoteMutationAt),
      notesDrawn,
      clickReceivedMs: ms(marks.pointerDownAt),
      interactiveMs: ms(marks.selectedAt),
    };
  } finally {
    await tab.close();
  }
}
