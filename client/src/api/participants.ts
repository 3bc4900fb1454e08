import { ParticipantSummary } from '@atelier/shared';
import { requestJson, workshopApiPath } from './http';

function participantPath(workshopId: string, participantId: string): string {
  return workshopApiPath(workshopId, 'participants', participantId);
}

/** `DELETE /api/workshops/:id/participants/:pid`: a facilitator removes someone (their access ends at once). */
export function removeParticipant(
  workshopId: string,
  participantId: string,
  token: string,
): Promise<ParticipantSummary> {
  return requestJson(participantPath(workshopId, participantId), ParticipantSummary, {
    method: 'DELETE',
    token,
  });
}

/** `PATCH /api/workshops/:id/participants/:pid`: promote to co-facilitator, or back. */
export function setCoFacilitator(
  workshopId: string,
  participantId: string,
  coFacilitator: boolean,
  token: string,
): Promise<ParticipantSummary> {
  return requestJson(participantPath(workshopId, participantId), ParticipantSummary, {
    method: 'PATCH',
    body: { coFacilitator },
    token,
  });
}
