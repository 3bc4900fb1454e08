import { type DocKind, type Role, WRITE_DENIED_REASONS, type WriteDeniedReason } from '@atelier/shared';

/**
 * Who may write which document. Observers read everything and write nothing; the control
 * document (step, lock, themes, later vote results) is the facilitators' alone; while the
 * facilitator has locked the board, or their timer ran out with "freeze input at the end",
 * participants only read it.
 */
export function writeDenial(
  role: Role,
  kind: DocKind,
  board: { locked: boolean; timeUp: boolean } = { locked: false, timeUp: false },
): WriteDeniedReason | null {
  if (role === 'observer') return WRITE_DENIED_REASONS.readOnly;
  if (kind === 'control' && role !== 'facilitator') return WRITE_DENIED_REASONS.facilitatorOnly;
  if (kind === 'board' && role !== 'facilitator') {
    if (board.locked) return WRITE_DENIED_REASONS.locked;
    if (board.timeUp) return WRITE_DENIED_REASONS.timeUp;
  }
  return null;
}
