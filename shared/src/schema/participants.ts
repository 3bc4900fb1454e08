import { z } from 'zod';
import { pathId, WorkshopPath } from './paths';

/** `/api/workshops/{id}/participants/{participantId}`. */
export const ParticipantPath = WorkshopPath.extend({ participantId: pathId('participant id') });
export type ParticipantPath = z.infer<typeof ParticipantPath>;

/** `PATCH /api/workshops/{id}/participants/{participantId}`: promote to co-facilitator, or back. */
export const ParticipantRoleBody = z.strictObject({ coFacilitator: z.boolean() });
export type ParticipantRoleBody = z.infer<typeof ParticipantRoleBody>;
