import {
  countDrafts,
  draftsRoomName,
  moveDraftsToBoard,
  readSeat,
  readTableRound,
  roomName,
  SERVER_ORIGIN,
  setSilent,
} from '@atelier/shared';
import type { RoomManager } from './rooms';

/** What the facilitator's HTTP routes do with participants' private drafts. */
export interface SilentIdeation {
  /** How many drafts each of `participantIds` holds. */
  counts(workshopId: string, participantIds: readonly string[]): Promise<Record<string, number>>;
  /**
   * Moves every draft of `participantIds` onto the board and turns silent ideation off, all
   * in this turn: the rooms store the changes in the turn's one SQLite transaction, then each
   * connected board client receives them as one update. Returns how many notes were moved.
   */
  reveal(workshopId: string, participantIds: readonly string[]): Promise<number>;
}

/**
 * Drafts are read and written through their rooms (loaded for the call when nobody has them
 * open), so a connected author sees their drafts emptied at once and nothing is written twice.
 */
export function createSilentIdeation(rooms: RoomManager): SilentIdeation {
  return {
    async counts(workshopId, participantIds) {
      const counts: Record<string, number> = {};
      for (const id of participantIds)
        counts[id] = await rooms.withDoc(draftsRoomName(workshopId, id), countDrafts);
      return counts;
    },
    reveal(workshopId, participantIds) {
      // An erased person's drafts are gone, their room refused: nothing of theirs to move.
      const authors = participantIds.filter((id) => !rooms.refuses(draftsRoomName(workshopId, id)));
      // Every room held first, then one synchronous step: all of it lands in the same turn.
      const names = [
        roomName(workshopId, 'board'),
        roomName(workshopId, 'control'),
        ...authors.map((id) => draftsRoomName(workshopId, id)),
      ];
      return rooms.withDocs(names, ([board, control, ...drafts]) => {
        if (!board || !control) throw new Error('the board and control rooms are held');
        // During a table round each author's notes go to their table, as if written on the board.
        const round = readTableRound(control) !== null;
        let moved = 0;
        for (const [i, id] of authors.entries()) {
          const table = round ? readSeat(control, id) : undefined;
          const doc = drafts[i];
          if (doc) moved += moveDraftsToBoard(doc, board, id, table);
        }
        setSilent(control, false, SERVER_ORIGIN);
        return moved;
      });
    },
  };
}
