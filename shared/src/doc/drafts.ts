import * as Y from 'yjs';
import { BOARD_ROOTS } from './layout';
import { noteMap, notesMap, type Point, readNotes } from './notes';
import { SERVER_ORIGIN } from './origins';
import { findFreeSpot, NOTE_HEIGHT, NOTE_WIDTH } from './placement';
import { rootMapChanges } from './updateEntries';

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
 * server's origin. The notes keep their ids, text and theme; their author is the drafts' owner
 * whatever the drafts say (a modified client cannot sign a note with someone else's name). A
 * draft keeps its place unless it would cover a note already on the board (everyone drafted in
 * the same empty board, often at the same spot): it then goes to the nearest free spot. Its
 * author's own drafts may overlap as they laid them out. During a table round the server passes
 * the owner's `table` (their seat, or `null`): every moved note gets it, whatever the draft says,
 * as the table rules would have required of a note written on the board. Returns how many notes
 * were moved.
 */
export function moveDraftsToBoard(drafts: Y.Doc, board: Y.Doc, owner: string, table?: string | null): number {
  const notes = readNotes(drafts);
  if (notes.length === 0) return 0;
  const occupied: Point[] = readNotes(board).map(({ x, y }) => ({ x, y }));
  board.transact(() => {
    const target = notesMap(board);
    for (const note of notes) {
      // A draft never overwrites a board note (ids are random UUIDs; a crafted clash is dropped).
      if (target.has(note.id)) continue;
      const centre = { x: note.x + NOTE_WIDTH / 2, y: note.y + NOTE_HEIGHT / 2 };
      const spot = findFreeSpot(centre, occupied);
      const moved = spot.x !== Math.round(note.x) || spot.y !== Math.round(note.y);
      // A moved note takes its new spot: the next displaced one will not land on it.
      if (moved) occupied.push(spot);
      const stamped = table === undefined ? {} : { table };
      target.set(note.id, noteMap({ ...note, ...(moved ? spot : {}), author: owner, ...stamped }));
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
  return rootMapChanges(board, update, BOARD_ROOTS.notes).entries.some(
    (entry) => !(entry.content instanceof Y.ContentDeleted),
  );
}
