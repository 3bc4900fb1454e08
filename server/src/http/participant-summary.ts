import { type ParticipantSummary, participantColor } from '@atelier/shared';
import type { ParticipantRecord, WorkshopRecord } from '../store/workshops';

/**
 * A participant as the API describes them (never their token). `workshop` (its
 * `strategyFacilitatorId`) marks the strategy's facilitator in a session.
 */
export function participantSummary(
  p: ParticipantRecord,
  workshop?: Pick<WorkshopRecord, 'strategyFacilitatorId'>,
): ParticipantSummary {
  return {
    id: p.id,
    name: p.name,
    group: p.group,
    role: p.role,
    color: participantColor(p.id),
    coFacilitator: p.promotedFrom !== null,
    removed: p.removedAt !== null,
    erased: p.erasedAt !== null,
    ...(workshop?.strategyFacilitatorId === p.id ? { strategyFacilitator: true as const } : {}),
  };
}
