import { type DocKind, type Role, WRITE_DENIED_REASONS, type WriteDeniedReason } from '@atelier/shared';

/**
 * Who may write which document. Observers read everything and write nothing; the control
 * document (step, lock, themes, later vote results) is the facilitators' alone; while the
 * facilitator has locked the board, participants only read it.
 */
export function writeDenial(role: Role, kind: DocKind, boardLocked = false): WriteDeniedReason | null {
  if (role === 'observer') return WRITE_DENIED_REASONS.readOnly;
  if (kind === 'control' && role !== 'facilitator') return WRITE_DENIED_REASONS.facilitatorOnly;
  if (kind === 'board' && boardLocked && role !== 'facilitator') return WRITE_DENIED_REASONS.locked;
  return null;
}
