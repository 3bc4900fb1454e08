import { type ParticipantSummary, participantColor } from '@atelier/shared';
import type { ParticipantRecord } from '../store/workshops';

/** A participant as the API describes them (never their token). */
export function participantSummary(p: ParticipantRecord): ParticipantSummary {
  return {
    id: p.id,
    name: p.name,
    group: p.group,
    role: p.role,
    color: participantColor(p.id),
    coFacilitator: p.promotedFrom !== null,
    removed: p.removedAt !== null,
    erased: p.erasedAt !== null,
  };
}
