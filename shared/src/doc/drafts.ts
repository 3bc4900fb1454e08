import * as Y from 'yjs';
import { BOARD_ROOTS } from './layout';
import { noteMap, notesMap, readNotes } from './notes';
import { SERVER_ORIGIN } from './origins';

/**
 * Silent ideation. A participant's drafts document (room `workshopId/drafts/participantId`)
 * has the board's layout, but only its `notes` root is used: the client writes drafts with the
 * same note commands, and the server moves them onto the board at the reveal.
 */

/** How many well-formed notes a drafts document holds (what the facilitator sees of it). */
export function countDrafts(drafts: Y.Doc): number {
  return readNotes(drafts).length;
}

/**
 * Moves every draft onto the board, then empties the drafts, each in one transaction with the
 * server's origin. The notes keep their ids, text, place and theme; their author is the drafts'
 * owner whatever the drafts say (a modified client cannot sign a note with someone else's name).
 * Returns how many notes were moved.
 */
export function moveDraftsToBoard(drafts: Y.Doc, board: Y.Doc, owner: string): number {
  const notes = readNotes(drafts);
  if (notes.length === 0) return 0;
  board.transact(() => {
    const target = notesMap(board);
    for (const note of notes) {
      // A draft never overwrites a board note (ids are random UUIDs; a crafted clash is dropped).
      if (!target.has(note.id)) target.set(note.id, noteMap({ ...note, author: owner }));
    }
  }, SERVER_ORIGIN);
  drafts.transact(() => {
    const source = notesMap(drafts);
    for (const id of [...source.keys()]) source.delete(id);
  }, SERVER_ORIGIN);
  return notes.length;
}

/**
 * Whether a (V1) update, applied to `board`, would put a new entry into the board's notes map:
 * a new note, or a new map replacing an existing one. Edits inside existing notes (text, move,
 * theme) and deletions are not additions. Reads the update's structs only: the board is not
 * copied. Throws on a malformed update, like `Y.decodeUpdate`.
 */
export function updateAddsNote(board: Y.Doc, update: Uint8Array): boolean {
  const { structs } = Y.decodeUpdate(update);
  const notes = notesMap(board);
  /** Items of this update that are entries of the notes map, by `client:clock` of their id. */
  const entries = new Set<string>();
  const key = (id: Y.ID) => `${id.client}:${id.clock}`;
  const isNotesEntry = (origin: Y.ID | null): boolean => {
    if (origin === null) return false;
    if (entries.has(key(origin))) return true;
    if (origin.clock >= Y.getState(board.store, origin.client)) return false;
    const item = Y.getItem(board.store, origin);
    return item instanceof Y.Item && item.parent === notes && item.parentSub !== null;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    // A root's entries name the root by key (decoded structs hold it as a string); a later entry
    // of the same key names only its origin.
    const parent: unknown = struct.parent;
    const entry =
      parent === BOARD_ROOTS.notes
        ? struct.parentSub !== null
        : struct.parent === null && (isNotesEntry(struct.origin) || isNotesEntry(struct.rightOrigin));
    if (!entry) continue;
    entries.add(key(struct.id));
    if (!(struct.content instanceof Y.ContentDeleted)) return true;
  }
  return false;
}
