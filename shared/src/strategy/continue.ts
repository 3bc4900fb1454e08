import * as Y from 'yjs';
import { binMap } from '../doc/bin';
import { readNoteEditing, seedControlContent, stateMap } from '../doc/control';
import { BOARD_ROOTS, NOTE_FIELDS, STATE_FIELDS } from '../doc/layout';
import { SERVER_ORIGIN } from '../doc/origins';
import { normaliseSteps } from '../doc/templates';
import { readAllThemes } from '../doc/themes';
import type { Step } from '../schema/enums';

export interface ContinueOptions {
  /** The new session's steps (a template's, or chosen), in any order: stored in the method's. */
  steps: readonly Step[];
  /**
   * Participant ids of the earlier session → their counterpart in the new one (re-invited, or
   * listed as a former participant): notes and bin entries name the new ids. Ids not in the map
   * are left as they are.
   */
  people: ReadonlyMap<string, string>;
}

/**
 * Writes a new session's first documents from an earlier session's outcome (docs/contract.md,
 * "Strategies and sessions"). The board is the earlier board's whole state, applied as one
 * update, so that every note, issue, axis, sheet, partner, indicator and bin entry keeps its id
 * (traceability across sessions); then authors are renamed to the new session's participant
 * ids. The control document starts afresh like a new workshop's, on the new steps, with the
 * earlier session's themes (archived ones included, same ids) and its note-editing rule: the
 * step, lock, timer, silent ideation, "follow me", the questions for the room and the vote
 * rounds are each session's own.
 */
export function continueSession(
  source: { board: Y.Doc; control: Y.Doc },
  target: { board: Y.Doc; control: Y.Doc },
  { steps, people }: ContinueOptions,
): void {
  Y.applyUpdate(target.board, Y.encodeStateAsUpdate(source.board), SERVER_ORIGIN);
  target.board.transact(() => renameAuthors(target.board, people), SERVER_ORIGIN);
  seedControlContent(target.control, { steps: normaliseSteps(steps), themes: readAllThemes(source.control) });
  const noteEditing = readNoteEditing(source.control);
  target.control.transact(
    () => stateMap(target.control).set(STATE_FIELDS.noteEditing, noteEditing),
    SERVER_ORIGIN,
  );
}

function renameAuthors(board: Y.Doc, people: ReadonlyMap<string, string>): void {
  for (const value of board.getMap(BOARD_ROOTS.notes).values()) {
    if (!(value instanceof Y.Map)) continue;
    const author = value.get(NOTE_FIELDS.author);
    const renamed = typeof author === 'string' ? people.get(author) : undefined;
    if (renamed !== undefined) value.set(NOTE_FIELDS.author, renamed);
  }
  // Bin entries are plain values written once: each is replaced whole, with its people renamed.
  const bin = binMap(board);
  for (const [id, value] of [...bin.entries()]) {
    if (typeof value !== 'object' || value === null) continue;
    const entry = value as { note?: { author?: unknown }; deletedBy?: unknown };
    const author = typeof entry.note?.author === 'string' ? people.get(entry.note.author) : undefined;
    const deletedBy = typeof entry.deletedBy === 'string' ? people.get(entry.deletedBy) : undefined;
    if (author === undefined && deletedBy === undefined) continue;
    bin.set(id, {
      ...entry,
      ...(entry.note ? { note: { ...entry.note, ...(author ? { author } : {}) } } : {}),
      ...(deletedBy ? { deletedBy } : {}),
    });
  }
}
