import type { Point } from '@atelier/shared';
import type { Active } from '@dnd-kit/core';
import { boardStore } from '../../../state/store';
import { viewStore } from '../../../state/view';
import { screenToBoard } from '../../../toolbox/canvas/geometry';
import { inIssue } from '../../../toolbox/notes/inIssue';

/** Board points of the notes drawn on the board (not sorted into an existing issue). */
export function boardNotePositions(issues: ReadonlySet<string>, except: string): Point[] {
  return Object.values(boardStore.getState().notes).filter(
    (note) => note.id !== except && !inIssue(note, issues),
  );
}

/** The board point under the centre of a dragged element's final rectangle (screen pixels). */
export function dropPoint(active: Active): Point | null {
  const rect = active.rect.current.translated;
  const canvas = document.querySelector('[data-testid="board.canvas"]')?.getBoundingClientRect();
  if (!rect || !canvas) return null;
  return screenToBoard(viewStore.getState().viewport, {
    x: rect.left + rect.width / 2 - canvas.left,
    y: rect.top + rect.height / 2 - canvas.top,
  });
}

/** How many notes are on the board, not sorted into an existing issue (drafts included: they are drawn). */
export function countUnsorted(
  notes: Readonly<Record<string, { cluster: string | null }>>,
  issues: ReadonlySet<string>,
): number {
  let count = 0;
  for (const id in notes) {
    const note = notes[id];
    if (note && !inIssue(note, issues)) count++;
  }
  return count;
}
