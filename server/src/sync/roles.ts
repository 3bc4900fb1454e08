import { type DocKind, type Role, WRITE_DENIED_REASONS, type WriteDeniedReason } from '@atelier/shared';

/** What the control document says about participants' board writes, read at each write. */
export interface BoardPolicy {
  locked: boolean;
  timeUp: boolean;
  /** Silent ideation is on: new notes go to private drafts, not onto the board. */
  silent: boolean;
}

const OPEN_BOARD: BoardPolicy = { locked: false, timeUp: false, silent: false };

/**
 * Who may write which document. Observers read everything and write nothing; the control
 * document (step, lock, themes, later vote results) is the facilitators' alone; while the
 * facilitator has locked the board, or their timer ran out with "freeze input at the end",
 * participants only read it; during silent ideation they may not add notes to it (`addsNote`
 * is asked only then: it decodes the update). A drafts connection is its owner's (checked
 * when the socket opens), so only observers' drafts writes are refused.
 */
export function writeDenial(
  role: Role,
  kind: DocKind,
  board: BoardPolicy = OPEN_BOARD,
  addsNote: () => boolean = () => false,
): WriteDeniedReason | null {
  if (role === 'observer') return WRITE_DENIED_REASONS.readOnly;
  if (kind === 'control' && role !== 'facilitator') return WRITE_DENIED_REASONS.facilitatorOnly;
  if (kind === 'board' && role !== 'facilitator') {
    if (board.locked) return WRITE_DENIED_REASONS.locked;
    if (board.timeUp) return WRITE_DENIED_REASONS.timeUp;
    if (board.silent && addsNote()) return WRITE_DENIED_REASONS.silent;
  }
  return null;
}
