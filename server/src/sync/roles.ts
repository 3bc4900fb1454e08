import {
  type DocKind,
  type NoteEditing,
  type Role,
  WRITE_DENIED_REASONS,
  type WriteDeniedReason,
} from '@atelier/shared';
import type { TableRoundPolicy } from './table-rules';

/** What the control document says about participants' board writes, read at each write. */
export interface BoardPolicy {
  locked: boolean;
  timeUp: boolean;
  /** Silent ideation is on: new notes go to private drafts, not onto the board. */
  silent: boolean;
  /** Who may change a note: participants their own only, or anyone's (see ownership.ts). */
  noteEditing: NoteEditing;
  /** A table round is under way: the writer's table and whether tables are closed (absent: plenary). */
  tableRound?: TableRoundPolicy | null;
}

const OPEN_BOARD: BoardPolicy = { locked: false, timeUp: false, silent: false, noteEditing: 'all' };

/** What a write would do, decoded only when a rule needs to know (each reads the update's structs). */
export interface WriteInspection {
  /** It puts a new note on the board. */
  addsNote(): boolean;
  /** It changes the control document's vote rounds. */
  touchesVotes(): boolean;
  /** Why the note rules refuse it (others' notes in `own` mode, removals from the bin), or `null`. */
  breaksNoteRules(mode: NoteEditing): WriteDeniedReason | null;
  /** Why the table round's rules refuse it (another table's items, no table), or `null`. */
  breaksTableRules?(round: TableRoundPolicy): WriteDeniedReason | null;
}

const NOTHING_INSPECTED: WriteInspection = {
  addsNote: () => false,
  touchesVotes: () => false,
  breaksNoteRules: () => null,
};

/**
 * Who may write which document. Observers read everything and write nothing; the control
 * document (step, lock, themes) is the facilitators' alone, except its vote rounds and results,
 * which only the server writes; while the facilitator has locked the board, or their timer ran
 * out with "freeze input at the end", participants only read it; during silent ideation they
 * may not add notes to it; they change only their own notes' text, theme and existence when
 * the facilitator chose "each their own" (`own`), and never take a note out of the bin but by
 * undoing their own deletion. During a table round they create items only for their own table,
 * and with closed tables change only their own table's (table-rules.ts). A drafts connection is its owner's (checked when the socket opens),
 * so only observers' drafts writes are refused.
 */
export function writeDenial(
  role: Role,
  kind: DocKind,
  board: BoardPolicy = OPEN_BOARD,
  write: WriteInspection = NOTHING_INSPECTED,
): WriteDeniedReason | null {
  if (role === 'observer') return WRITE_DENIED_REASONS.readOnly;
  if (kind === 'control') {
    if (role !== 'facilitator') return WRITE_DENIED_REASONS.facilitatorOnly;
    if (write.touchesVotes()) return WRITE_DENIED_REASONS.serverOnly;
  }
  if (kind === 'board' && role !== 'facilitator') {
    if (board.locked) return WRITE_DENIED_REASONS.locked;
    if (board.timeUp) return WRITE_DENIED_REASONS.timeUp;
    if (board.silent && write.addsNote()) return WRITE_DENIED_REASONS.silent;
    if (board.tableRound) {
      const denied = write.breaksTableRules?.(board.tableRound) ?? null;
      if (denied) return denied;
    }
    return write.breaksNoteRules(board.noteEditing);
  }
  return null;
}
