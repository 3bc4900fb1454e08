import type * as Y from 'yjs';
import { BOARD_ROOTS, LAYOUT_VERSION } from './layout';
import { SERVER_ORIGIN } from './origins';

/** Writes the board document's first content: its layout version. */
export function seedBoard(board: Y.Doc): void {
  board.transact(() => board.getMap(BOARD_ROOTS.meta).set('layoutVersion', LAYOUT_VERSION), SERVER_ORIGIN);
}

/** The layout version a document was written with (0 when it was never seeded). */
export function readLayoutVersion(doc: Y.Doc): number {
  const version = doc.getMap(BOARD_ROOTS.meta).get('layoutVersion');
  return typeof version === 'number' ? version : 0;
}

/**
 * What a person's undo covers: every content root of the board (notes, issues, axes, sheets,
 * partners, indicators…), so that one Ctrl+Z takes back whichever command they ran last.
 */
export function undoScope(board: Y.Doc): Y.Map<unknown>[] {
  return Object.values(BOARD_ROOTS)
    .filter((root) => root !== BOARD_ROOTS.meta)
    .map((root) => board.getMap(root));
}
