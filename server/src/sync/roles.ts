import { type DocKind, type Role, WRITE_DENIED_REASONS, type WriteDeniedReason } from '@atelier/shared';

/**
 * Who may write which document. Observers read everything and write nothing; the control
 * document (step, lock, themes, later vote results) is the facilitators' alone.
 */
export function writeDenial(role: Role, kind: DocKind): WriteDeniedReason | null {
  if (role === 'observer') return WRITE_DENIED_REASONS.readOnly;
  if (kind === 'control' && role !== 'facilitator') return WRITE_DENIED_REASONS.facilitatorOnly;
  return null;
}
